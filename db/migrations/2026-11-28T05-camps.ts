import { type Kysely, sql } from "kysely";

// Training camps: cohorts that meet in person (sessions, check-in) and study online (assigned
// courses and paths with due dates), with a camp certificate. Frozen once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("camps")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("campus_id", "integer", (c) => c.notNull().references("campuses.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("starts_on", "date", (c) => c.notNull())
    .addColumn("ends_on", "date", (c) => c.notNull())
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    // Completion: at least this many sessions attended, and (when set) every assignment done.
    .addColumn("required_sessions", "integer", (c) => c.notNull().defaultTo(0).check(sql`required_sessions >= 0`))
    .addColumn("require_assignments", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("hours", "numeric(5, 1)", (c) => c.notNull().defaultTo(0))
    .addColumn("created_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("camps_dates", sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex("camps_campus_idx").on("camps").columns(["campus_id", "starts_on"]).execute();

  for (const table of ["camp_instructors", "camp_members"]) {
    await db.schema
      .createTable(table)
      .addColumn("camp_id", "integer", (c) => c.notNull().references("camps.id").onDelete("cascade"))
      .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
      .addColumn("added_by", "integer", (c) => c.references("users.id").onDelete("set null"))
      .addColumn("added_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
      .addPrimaryKeyConstraint(`${table}_pk`, ["camp_id", "user_id"])
      .execute();
    await db.schema.createIndex(`${table}_user_idx`).on(table).column("user_id").execute();
  }

  await db.schema
    .createTable("camp_sessions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("camp_id", "integer", (c) => c.notNull().references("camps.id").onDelete("cascade"))
    .addColumn("date", "date", (c) => c.notNull())
    .addColumn("starts_at", "text", (c) => c.notNull().check(sql`starts_at ~ '^[0-2][0-9]:[0-5][0-9]$'`))
    .addColumn("ends_at", "text", (c) => c.notNull().check(sql`ends_at ~ '^[0-2][0-9]:[0-5][0-9]$'`))
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("topic", "text", (c) => c.notNull())
    // The rotating check-in code is derived from this secret and the 30-second window; set when an
    // instructor opens check-in, cleared (closing it) never: a closed session has closed_at.
    .addColumn("checkin_secret", "text")
    .addColumn("checkin_closed_at", "timestamptz")
    .addCheckConstraint("camp_sessions_times", sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex("camp_sessions_camp_idx").on("camp_sessions").columns(["camp_id", "date"]).execute();

  await db.schema
    .createTable("camp_attendance")
    .addColumn("session_id", "integer", (c) => c.notNull().references("camp_sessions.id").onDelete("cascade"))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("method", "text", (c) => c.notNull().check(sql`method in ('code', 'manual')`))
    .addColumn("marked_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("checked_in_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("camp_attendance_pk", ["session_id", "user_id"])
    .execute();
  await db.schema.createIndex("camp_attendance_user_idx").on("camp_attendance").column("user_id").execute();

  await db.schema
    .createTable("camp_assignments")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("camp_id", "integer", (c) => c.notNull().references("camps.id").onDelete("cascade"))
    .addColumn("course_id", "integer", (c) => c.references("courses.id"))
    .addColumn("path_id", "integer", (c) => c.references("paths.id"))
    .addColumn("due_on", "date", (c) => c.notNull())
    .addCheckConstraint("camp_assignments_one_subject", sql`(course_id is null) <> (path_id is null)`)
    .addUniqueConstraint("camp_assignments_course_unique", ["camp_id", "course_id"])
    .addUniqueConstraint("camp_assignments_path_unique", ["camp_id", "path_id"])
    .execute();

  // Camp certificates sit with course and path certificates (same code, same verify page).
  await db.schema.alterTable("certificates").addColumn("camp_id", "integer", (c) => c.references("camps.id")).execute();
  await db.schema.alterTable("certificates").dropConstraint("certificates_one_subject").execute();
  await sql`alter table certificates add constraint certificates_one_subject check (num_nonnulls(course_id, path_id, camp_id) = 1)`.execute(db);
  await db.schema.alterTable("certificates").addUniqueConstraint("certificates_user_camp_unique", ["user_id", "camp_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("certificates").dropConstraint("certificates_user_camp_unique").execute();
  await db.schema.alterTable("certificates").dropConstraint("certificates_one_subject").execute();
  await db.deleteFrom("certificates").where("camp_id", "is not", null).execute();
  await sql`alter table certificates add constraint certificates_one_subject check ((course_id is null) <> (path_id is null))`.execute(db);
  await db.schema.alterTable("certificates").dropColumn("camp_id").execute();
  for (const table of ["camp_assignments", "camp_attendance", "camp_sessions", "camp_members", "camp_instructors", "camps"]) {
    await db.schema.dropTable(table).execute();
  }
}
