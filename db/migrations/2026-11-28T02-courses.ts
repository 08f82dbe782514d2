import { type Kysely, sql } from "kysely";

// Courses, lessons and their compiled versions. Frozen once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("courses")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("campus_id", "integer", (c) => c.notNull().references("campuses.id"))
    .addColumn("category_id", "integer", (c) => c.notNull().references("categories.id"))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull().check(sql`audience in ('candidates', 'liaisons', 'everyone')`))
    .addColumn("hours", "numeric(5, 1)", (c) => c.notNull())
    .addColumn("pass_mark", "integer", (c) => c.notNull().defaultTo(80).check(sql`pass_mark between 0 and 100`))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("tags", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    // 'content': synced from content/ (district-curated, read-only in the admin); 'admin': made in the browser.
    .addColumn("origin", "text", (c) => c.notNull().defaultTo("content").check(sql`origin in ('content', 'admin')`))
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("courses_campus_idx").on("courses").columns(["campus_id", "sort_order"]).execute();
  await db.schema.createIndex("courses_category_idx").on("courses").column("category_id").execute();

  await db.schema
    .createTable("lessons")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("course_id", "integer", (c) => c.notNull().references("courses.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("source_path", "text")
    .addColumn("published_version_id", "bigint")
    // The problems of the latest source that failed to compile; the published version stays served.
    .addColumn("sync_problems", "jsonb")
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("lessons_course_slug_unique", ["course_id", "slug"])
    .execute();

  await db.schema
    .createTable("lesson_versions")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("lesson_id", "integer", (c) => c.notNull().references("lessons.id").onDelete("cascade"))
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("minutes", "integer", (c) => c.notNull())
    .addColumn("plain_text", "text", (c) => c.notNull())
    // lower(title + text), computed at compile time: search is a plain substring scan (strpos), no lower() per query.
    .addColumn("search_text", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("lesson_versions_lesson_hash_unique", ["lesson_id", "content_hash"])
    .execute();
  await db.schema
    .alterTable("lessons")
    .addForeignKeyConstraint("lessons_published_version_fk", ["published_version_id"], "lesson_versions", ["id"])
    .execute();

  // Answers live only here, never in the compiled code a browser receives.
  await db.schema
    .createTable("quiz_questions")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("lesson_version_id", "bigint", (c) => c.notNull().references("lesson_versions.id").onDelete("cascade"))
    .addColumn("quiz_key", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("question", "text", (c) => c.notNull())
    .addColumn("options", "jsonb", (c) => c.notNull())
    .addColumn("correct", "jsonb", (c) => c.notNull())
    .addColumn("multiple", "boolean", (c) => c.notNull())
    .addColumn("explanation", "text", (c) => c.notNull().defaultTo(""))
    .addUniqueConstraint("quiz_questions_version_key_unique", ["lesson_version_id", "quiz_key"])
    .execute();

  await db.schema
    .createTable("lesson_law_refs")
    .addColumn("lesson_version_id", "bigint", (c) => c.notNull().references("lesson_versions.id").onDelete("cascade"))
    .addColumn("law", "text", (c) => c.notNull())
    .addColumn("article", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("lesson_law_refs_pk", ["lesson_version_id", "law", "article"])
    .execute();
  await db.schema.createIndex("lesson_law_refs_article_idx").on("lesson_law_refs").columns(["law", "article"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("lessons").dropConstraint("lessons_published_version_fk").execute();
  for (const table of ["lesson_law_refs", "quiz_questions", "lesson_versions", "lessons", "courses"]) {
    await db.schema.dropTable(table).execute();
  }
}
