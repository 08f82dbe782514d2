import { type Kysely, sql } from "kysely";

// The learner's records: enrolments, lesson progress, quiz attempts, the 学时 ledger, learning
// paths and certificates. Frozen once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("enrolments")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id").onDelete("cascade"))
    .addColumn("enrolled_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_lesson_id", "integer", (c) => c.references("lessons.id").onDelete("set null"))
    .addColumn("last_visited_at", "timestamptz")
    // Set once, when every lesson is complete; never cleared (progress never goes backwards).
    .addColumn("completed_at", "timestamptz")
    .addPrimaryKeyConstraint("enrolments_pk", ["user_id", "course_id"])
    .execute();
  await db.schema.createIndex("enrolments_course_idx").on("enrolments").columns(["course_id", "completed_at"]).execute();

  await db.schema
    .createTable("lesson_progress")
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("lesson_id", "integer", (c) => c.notNull().references("lessons.id").onDelete("cascade"))
    // Denormalised from lessons so a course's progress is one index range per learner.
    .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id").onDelete("cascade"))
    .addColumn("started_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("last_visited_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    // 完成本课 pressed: the learner reached the end.
    .addColumn("reached_end_at", "timestamptz")
    // Reached the end and passed the quizzes. Set once, never cleared.
    .addColumn("completed_at", "timestamptz")
    // Ids of the quizzes answered right at least once (the best result counts). Kept on the row so
    // completion is decided by one atomic row update, even with two tabs (see progress.server.ts).
    .addColumn("passed_quizzes", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn("study_seconds", "integer", (c) => c.notNull().defaultTo(0).check(sql`study_seconds >= 0`))
    .addColumn("last_beat_at", "timestamptz")
    .addPrimaryKeyConstraint("lesson_progress_pk", ["user_id", "lesson_id"])
    .execute();
  await db.schema.createIndex("lesson_progress_user_course_idx").on("lesson_progress").columns(["user_id", "course_id"]).execute();
  await db.schema.createIndex("lesson_progress_course_idx").on("lesson_progress").columns(["course_id", "completed_at"]).execute();

  await db.schema
    .createTable("quiz_attempts")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("lesson_id", "integer", (c) => c.notNull().references("lessons.id").onDelete("cascade"))
    // The version the learner saw: its stored answers graded this attempt.
    .addColumn("lesson_version_id", "bigint", (c) => c.notNull().references("lesson_versions.id").onDelete("cascade"))
    .addColumn("quiz_key", "text", (c) => c.notNull())
    .addColumn("answers", "jsonb", (c) => c.notNull())
    .addColumn("score", "integer", (c) => c.notNull().check(sql`score between 0 and 100`))
    .addColumn("passed", "boolean", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("quiz_attempts_user_lesson_idx")
    .on("quiz_attempts")
    .columns(["user_id", "lesson_id", "quiz_key", "created_at"])
    .execute();

  // The 学时 ledger: one row per accepted heartbeat, with what was credited and why.
  await db.schema
    .createTable("study_beats")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("lesson_id", "integer", (c) => c.notNull().references("lessons.id").onDelete("cascade"))
    .addColumn("credited_seconds", "integer", (c) => c.notNull().check(sql`credited_seconds >= 0`))
    .addColumn("reason", "text", (c) => c.notNull().check(sql`reason in ('start', 'counted', 'gap', 'capped')`))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("study_beats_user_lesson_idx").on("study_beats").columns(["user_id", "lesson_id", "created_at"]).execute();

  await db.schema
    .createTable("paths")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull().check(sql`audience in ('candidates', 'liaisons', 'everyone')`))
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createTable("path_courses")
    .addColumn("path_id", "integer", (c) => c.notNull().references("paths.id").onDelete("cascade"))
    .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("path_courses_pk", ["path_id", "course_id"])
    .execute();
  await db.schema.createIndex("path_courses_course_idx").on("path_courses").column("course_id").execute();

  await db.schema
    .createTable("certificates")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    // 8 characters from an alphabet without 0/O, 1/I/L: read aloud and typed without mistakes.
    .addColumn("code", "text", (c) => c.notNull().unique().check(sql`code ~ '^[2-9A-HJKMNP-Z]{8}$'`))
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("course_id", "integer", (c) => c.references("courses.id"))
    .addColumn("path_id", "integer", (c) => c.references("paths.id"))
    // What the certificate says, as it was on the day: later renames do not rewrite it.
    .addColumn("holder_name", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("campus_name", "text", (c) => c.notNull())
    .addColumn("hours", "numeric(6, 1)", (c) => c.notNull())
    .addColumn("issued_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint("certificates_one_subject", sql`(course_id is null) <> (path_id is null)`)
    .addUniqueConstraint("certificates_user_course_unique", ["user_id", "course_id"])
    .addUniqueConstraint("certificates_user_path_unique", ["user_id", "path_id"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["certificates", "path_courses", "paths", "study_beats", "quiz_attempts", "lesson_progress", "enrolments"]) {
    await db.schema.dropTable(table).execute();
  }
}
