import { sql } from "kysely";
import type { DB } from "../../db/client";

/**
 * Courses as an admin sees them: every course of the campuses they administer, published or not,
 * with each lesson's state and the problems of its latest source. `campusIds` null = all campuses.
 */
export async function listCoursesForAdmin(db: DB, campusIds: number[] | null) {
  let query = db
    .selectFrom("courses")
    .innerJoin("campuses", "campuses.id", "courses.campus_id")
    .select((eb) => [
      "courses.id",
      "courses.slug",
      "courses.title",
      "courses.origin",
      "courses.archived_at as archivedAt",
      "campuses.id as campusId",
      "campuses.name as campusName",
      eb
        .selectFrom("lessons")
        .whereRef("lessons.course_id", "=", "courses.id")
        .where("lessons.archived_at", "is", null)
        .select(sql<number>`count(*)::int`.as("n"))
        .as("lessonCount"),
      eb
        .selectFrom("lessons")
        .whereRef("lessons.course_id", "=", "courses.id")
        .where("lessons.archived_at", "is", null)
        .where("lessons.sync_problems", "is not", null)
        .select(sql<number>`count(*)::int`.as("n"))
        .as("problemCount"),
    ])
    .orderBy("campuses.sort_order")
    .orderBy("courses.sort_order")
    .orderBy("courses.id");
  if (campusIds !== null) query = query.where("courses.campus_id", "in", campusIds.length ? campusIds : [-1]);
  return query.execute();
}

/** One course with all its lessons (archived ones last), for the admin; undefined if there is no such course. */
export async function getCourseForAdmin(db: DB, courseId: number) {
  const course = await db
    .selectFrom("courses")
    .innerJoin("campuses", "campuses.id", "courses.campus_id")
    .innerJoin("categories", "categories.id", "courses.category_id")
    .select([
      "courses.id",
      "courses.slug",
      "courses.title",
      "courses.summary",
      "courses.audience",
      "courses.hours",
      "courses.pass_mark as passMark",
      "courses.origin",
      "courses.archived_at as archivedAt",
      "campuses.id as campusId",
      "campuses.name as campusName",
      "categories.name as categoryName",
    ])
    .where("courses.id", "=", courseId)
    .executeTakeFirst();
  if (!course) return undefined;
  const lessons = await db
    .selectFrom("lessons")
    .leftJoin("lesson_versions as v", "v.id", "lessons.published_version_id")
    .select((eb) => [
      "lessons.id",
      "lessons.slug",
      "lessons.position",
      "lessons.source_path as sourcePath",
      "lessons.sync_problems as problems",
      "lessons.archived_at as archivedAt",
      "v.title",
      "v.minutes",
      "v.created_at as publishedAt",
      eb
        .selectFrom("lesson_versions")
        .whereRef("lesson_versions.lesson_id", "=", "lessons.id")
        .select(sql<number>`count(*)::int`.as("n"))
        .as("versionCount"),
    ])
    .where("lessons.course_id", "=", courseId)
    .orderBy(sql`lessons.archived_at is not null`)
    .orderBy("lessons.position")
    .execute();
  return { ...course, lessons };
}
