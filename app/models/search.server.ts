import { type Expression, type SqlBool, sql } from "kysely";
import type { DB } from "../../db/client";
import { expandQuery, snippet } from "../lib/search-terms";

/**
 * Substring search over published courses and lessons (title, summary, lesson text), with
 * synonyms. Chinese has no word boundaries, so LIKE on substrings is the honest match; at a
 * district's scale (hundreds of lessons) a scan is a few milliseconds.
 */

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function searchContent(db: DB, query: string, limit = 30) {
  const terms = expandQuery(query);
  if (terms.length === 0) return { terms, courses: [], lessons: [] };
  const allVariants = terms.flat();

  const matchAll = (columns: Expression<string>[]) =>
    sql<SqlBool>`${sql.join(
      terms.map(
        (variants) =>
          sql`(${sql.join(
            variants.flatMap((v) => columns.map((c) => sql`${c} ilike ${`%${escapeLike(v)}%`}`)),
            sql` or `,
          )})`,
      ),
      sql` and `,
    )}`;

  const coursesQuery = db
    .selectFrom("courses")
    .select(["slug", "title", "summary"])
    .where("archived_at", "is", null)
    .where(matchAll([sql.ref("title"), sql.ref("summary")]))
    .orderBy("sort_order")
    .limit(limit)
    .execute();

  // Lessons: strpos on the precomputed lower-cased text is several times faster than ILIKE on CJK text.
  const containsAll = sql<SqlBool>`${sql.join(
    terms.map((variants) => sql`(${sql.join(variants.map((v) => sql`strpos(v.search_text, ${v.toLowerCase()}) > 0`), sql` or `)})`),
    sql` and `,
  )}`;
  const lessonsQuery = db
    .selectFrom("lessons")
    .innerJoin("lesson_versions as v", "v.id", "lessons.published_version_id")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .select(["courses.slug as courseSlug", "courses.title as courseTitle", "lessons.slug", "v.title", "v.plain_text as text"])
    .where("lessons.archived_at", "is", null)
    .where("courses.archived_at", "is", null)
    .where(containsAll)
    .orderBy("courses.sort_order")
    .orderBy("lessons.position")
    .limit(limit)
    .execute();

  const [courses, lessons] = await Promise.all([coursesQuery, lessonsQuery]);
  return {
    terms,
    courses: courses.map((c) => ({ slug: c.slug, title: c.title, snippet: snippet(`${c.title} ${c.summary}`, allVariants) })),
    lessons: lessons.map((l) => ({
      courseSlug: l.courseSlug,
      courseTitle: l.courseTitle,
      slug: l.slug,
      title: l.title,
      snippet: snippet(l.text, allVariants) ?? snippet(l.title, allVariants),
    })),
  };
}
