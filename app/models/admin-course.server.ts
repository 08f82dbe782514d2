import { sql } from "kysely";
import type { DB } from "../../db/client";
import { writeAudit } from "./audit.server";
import type { Actor } from "./lesson-authoring.server";

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
      "courses.category_id as categoryId",
      "courses.sort_order as sortOrder",
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
      "v.minutes",
      // An unpublished lesson is named by its newest draft.
      sql<string | null>`coalesce(v.title, (select h.title from lesson_versions h where h.lesson_id = lessons.id order by h.id desc limit 1))`.as("title"),
      sql<boolean>`lessons.published_version_id is not null`.as("published"),
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

export interface CourseSettings {
  title: string;
  summary: string;
  categoryId: number;
  audience: "candidates" | "liaisons" | "everyone";
  hours: number;
  passMark: number;
  order: number;
}

export type CourseWriteResult = { ok: true; id: number } | { ok: false; field: "slug" | "categoryId"; reason: "taken" | "unknown" };

function settingsRow(s: CourseSettings) {
  return {
    title: s.title,
    summary: s.summary,
    category_id: s.categoryId,
    audience: s.audience,
    hours: s.hours,
    pass_mark: s.passMark,
    sort_order: s.order,
  };
}

/** A course made in the admin (origin 'admin': content sync never touches it). */
export async function createCourse(db: DB, input: CourseSettings & { campusId: number; slug: string }, actor: Actor): Promise<CourseWriteResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("courses")
        .values({ ...settingsRow(input), campus_id: input.campusId, slug: input.slug, origin: "admin", tags: [] })
        .returning("id")
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actorId: actor.id,
        action: "course.created",
        campusId: input.campusId,
        targetType: "course",
        targetId: row.id,
        details: { title: input.title, slug: input.slug },
        ip: actor.ip,
      });
      return { ok: true as const, id: row.id };
    });
  } catch (error) {
    return refusal(error);
  }
}

/** Updates an admin-made course's settings; content courses are never changed here. */
export async function updateCourse(db: DB, courseId: number, input: CourseSettings, actor: Actor): Promise<CourseWriteResult> {
  try {
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable("courses")
        .set({ ...settingsRow(input), updated_at: sql`now()` })
        .where("id", "=", courseId)
        .where("origin", "=", "admin")
        .returning(["id", "campus_id as campusId"])
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        actorId: actor.id,
        action: "course.updated",
        campusId: row.campusId,
        targetType: "course",
        targetId: row.id,
        details: { title: input.title },
        ip: actor.ip,
      });
      return { ok: true as const, id: row.id };
    });
  } catch (error) {
    return refusal(error);
  }
}

function refusal(error: unknown): CourseWriteResult {
  const e = error as { code?: string; constraint?: string };
  if (e.code === "23505") return { ok: false, field: "slug", reason: "taken" };
  if (e.code === "23503") return { ok: false, field: "categoryId", reason: "unknown" };
  throw error;
}
