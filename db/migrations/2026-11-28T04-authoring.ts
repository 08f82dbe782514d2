import { type Kysely, sql } from "kysely";

// The web editor: drafts that do not compile are versions too, and the media store. Frozen once landed.

export async function up(db: Kysely<any>): Promise<void> {
  // A draft that does not compile is kept (an admin never loses work) with its problems and no
  // code; only versions without problems can be published (checked where publishing happens).
  await db.schema.alterTable("lesson_versions").addColumn("problems", "jsonb").execute();
  await sql`alter table lesson_versions add constraint lesson_versions_code_or_problems check ((problems is null) = (code <> ''))`.execute(db);
  // History lists a lesson's versions newest first; the (lesson_id, content_hash) index cannot order them.
  await db.schema.createIndex("lesson_versions_lesson_idx").on("lesson_versions").columns(["lesson_id", "id"]).execute();

  await db.schema
    .createTable("media")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("campus_id", "integer", (c) => c.notNull().references("campuses.id"))
    .addColumn("uploaded_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("content_type", "text", (c) => c.notNull().check(sql`content_type in ('image/jpeg', 'image/png', 'image/webp')`))
    .addColumn("bytes", "bytea", (c) => c.notNull())
    .addColumn("byte_size", "integer", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("original_name", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("media_campus_idx").on("media").columns(["campus_id", "created_at"]).execute();
  // The audit page pages through the log newest first, per campus for branch admins.
  await db.schema.createIndex("audit_log_action_idx").on("audit_log").columns(["action", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("media").execute();
  await db.schema.dropIndex("audit_log_action_idx").execute();
  await db.schema.dropIndex("lesson_versions_lesson_idx").execute();
  await sql`alter table lesson_versions drop constraint lesson_versions_code_or_problems`.execute(db);
  await db.schema.alterTable("lesson_versions").dropColumn("problems").execute();
}
