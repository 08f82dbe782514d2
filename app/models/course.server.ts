import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { DB } from "../../db/client";

/** Published courses and lessons as learners see them: archived ones and unpublished lessons are hidden. */

const courseColumns = [
  "courses.id",
  "courses.slug",
  "courses.title",
  "courses.summary",
  "courses.audience",
  "courses.hours",
  "courses.pass_mark as passMark",
  "courses.tags",
] as const;

function publishedCourses(db: DB) {
  return db
    .selectFrom("courses")
    .innerJoin("campuses", "campuses.id", "courses.campus_id")
    .innerJoin("categories", "categories.id", "courses.category_id")
    .select([
      ...courseColumns,
      "campuses.slug as campusSlug",
      "campuses.name as campusName",
      "categories.slug as categorySlug",
      "categories.name as categoryName",
      (eb) =>
        eb
          .selectFrom("lessons")
          .innerJoin("lesson_versions as v", "v.id", "lessons.published_version_id")
          .whereRef("lessons.course_id", "=", "courses.id")
          .where("lessons.archived_at", "is", null)
          .select(sql<number>`count(*)::int`.as("n"))
          .as("lessonCount"),
      (eb) =>
        eb
          .selectFrom("lessons")
          .innerJoin("lesson_versions as v", "v.id", "lessons.published_version_id")
          .whereRef("lessons.course_id", "=", "courses.id")
          .where("lessons.archived_at", "is", null)
          .select(sql<number>`coalesce(sum(v.minutes), 0)::int`.as("m"))
          .as("minutes"),
    ])
    .where("courses.archived_at", "is", null)
    .where("campuses.archived_at", "is", null)
    // A course made in the admin appears once one of its lessons is published.
    .where(({ exists, selectFrom }) =>
      exists(selectFrom("lessons").whereRef("lessons.course_id", "=", "courses.id").where("lessons.published_version_id", "is not", null).where("lessons.archived_at", "is", null).select("lessons.id")),
    );
}

export type CourseCard = Awaited<ReturnType<typeof listCoursesForCampus>>[number];

export async function listCoursesForCampus(db: DB, campusId: number) {
  return publishedCourses(db)
    .where("courses.campus_id", "=", campusId)
    .orderBy("categories.sort_order")
    .orderBy("courses.sort_order")
    .orderBy("courses.id")
    .execute();
}

export async function listCoursesForCategory(db: DB, categoryId: number) {
  return publishedCourses(db)
    .where("courses.category_id", "=", categoryId)
    .orderBy("campuses.sort_order")
    .orderBy("courses.sort_order")
    .execute();
}

export async function listLatestCourses(db: DB, limit = 6) {
  return publishedCourses(db).orderBy("courses.created_at", "desc").orderBy("courses.id", "desc").limit(limit).execute();
}

/** A course with its published lessons in order: one query (the lesson page runs it on every view). */
export async function getCourse(db: DB, slug: string) {
  const course = await publishedCourses(db)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom("lessons")
          .innerJoin("lesson_versions as v", "v.id", "lessons.published_version_id")
          .select(["lessons.id", "lessons.slug", "lessons.position", "v.id as versionId", "v.title", "v.minutes"])
          .whereRef("lessons.course_id", "=", "courses.id")
          .where("lessons.archived_at", "is", null)
          .orderBy("lessons.position"),
      ).as("lessons"),
    )
    .where("courses.slug", "=", slug)
    .executeTakeFirst();
  if (!course) return undefined;
  // json_agg turns bigint ids into JSON numbers; version ids are strings everywhere else.
  return { ...course, lessons: course.lessons.map((l) => ({ ...l, versionId: String(l.versionId) })) };
}

export interface OutlineLesson {
  id: number;
  slug: string;
  versionId: string;
  title: string;
  minutes: number;
}

/**
 * A lesson as the reading page needs it: its course's title and pass mark, and the published
 * lessons in order (for the lesson's number and its neighbours). The compiled code is not part of
 * it: the page renders through a cache keyed by version, and `lessonCode` fetches the code only
 * when that misses. Written as SQL rather than with the query builder: this runs on every lesson
 * view, and building getCourse's query cost more CPU than PostgreSQL took to answer it.
 */
export async function getLessonForReading(db: DB, courseSlug: string, lessonSlug: string) {
  const { rows } = await sql<CourseOutline>`${courseOutline(courseSlug)}`.execute(db);
  return lessonInOutline(rows[0], lessonSlug);
}

export interface CourseOutline {
  id: number;
  slug: string;
  title: string;
  passMark: number;
  lessons: OutlineLesson[];
}

/** SQL: the published course's outline (one row, or none), for a statement of its own or a CTE. */
export function courseOutline(courseSlug: string) {
  return sql`
    select c.id, c.slug, c.title, c.pass_mark as "passMark", coalesce((
      select json_agg(json_build_object('id', l.id, 'slug', l.slug, 'versionId', v.id::text, 'title', v.title, 'minutes', v.minutes) order by l.position)
      from lessons l join lesson_versions v on v.id = l.published_version_id
      where l.course_id = c.id and l.archived_at is null
    ), '[]') as lessons
    from courses c join campuses on campuses.id = c.campus_id
    where c.slug = ${courseSlug} and c.archived_at is null and campuses.archived_at is null`;
}

export function lessonInOutline<C extends CourseOutline>(course: C | undefined, lessonSlug: string) {
  if (!course) return undefined;
  const index = course.lessons.findIndex((l) => l.slug === lessonSlug);
  const lesson = course.lessons[index];
  if (!lesson) return undefined;
  return { course, lesson, number: index + 1, previous: course.lessons[index - 1], next: course.lessons[index + 1] };
}

export async function lessonCode(db: DB, versionId: string): Promise<string> {
  const row = await db.selectFrom("lesson_versions").select("code").where("id", "=", versionId).executeTakeFirstOrThrow();
  return row.code;
}

/** Published lessons citing one article, for /law/<law>/<article>. */
export async function lessonsCitingArticle(db: DB, law: string, article: number) {
  return db
    .selectFrom("lesson_law_refs as r")
    .innerJoin("lessons", "lessons.published_version_id", "r.lesson_version_id")
    .innerJoin("lesson_versions as v", "v.id", "r.lesson_version_id")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .select(["courses.slug as courseSlug", "courses.title as courseTitle", "lessons.slug as lessonSlug", "v.title as lessonTitle"])
    .where("r.law", "=", law)
    .where("r.article", "=", article)
    .where("lessons.archived_at", "is", null)
    .where("courses.archived_at", "is", null)
    .orderBy("courses.sort_order")
    .orderBy("lessons.position")
    .execute();
}

export async function getCategoryBySlug(db: DB, slug: string) {
  return db
    .selectFrom("categories")
    .select(["id", "slug", "name", "description"])
    .where("slug", "=", slug)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

/**
 * What a learner's write needs to know about a published lesson, found by its slugs (from a page
 * address) or its id (from the heartbeat): one indexed lookup.
 */
export async function getLessonTarget(db: DB, ref: { courseSlug: string; lessonSlug: string } | { id: number }) {
  let query = db
    .selectFrom("lessons")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .innerJoin("lesson_versions as v", "v.id", "lessons.published_version_id")
    .select(["lessons.id", "lessons.course_id as courseId", "courses.pass_mark as passMark", "v.minutes"])
    .where("lessons.archived_at", "is", null)
    .where("courses.archived_at", "is", null);
  query = "id" in ref ? query.where("lessons.id", "=", ref.id) : query.where("courses.slug", "=", ref.courseSlug).where("lessons.slug", "=", ref.lessonSlug);
  return query.executeTakeFirst();
}

/** The name of the campus a course belongs to (the printed 明白纸 says where it comes from). */
export async function getCourseCampusName(db: DB, courseSlug: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("courses")
    .innerJoin("campuses", "campuses.id", "courses.campus_id")
    .select("campuses.name")
    .where("courses.slug", "=", courseSlug)
    .executeTakeFirst();
  return row?.name;
}
