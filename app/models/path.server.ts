import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { ContentProblem } from "../lib/course-files.server";
import type { PathEntry } from "../lib/content-data";
import { issueCertificate } from "./certificate.server";

/**
 * Learning paths (content/paths.yaml): ordered courses for an audience. Synced after the courses,
 * since they name courses by slug. A path missing from the file is archived, not deleted:
 * certificates point at it.
 */
export async function syncPaths(db: DB, file: string, entries: PathEntry[]): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  await db.transaction().execute(async (trx) => {
    const courses = new Map(
      (await trx.selectFrom("courses").select(["id", "slug"]).where("archived_at", "is", null).execute()).map((c) => [c.slug, c.id]),
    );
    for (const [order, entry] of entries.entries()) {
      const { id } = await trx
        .insertInto("paths")
        .values({ slug: entry.slug, title: entry.title, audience: entry.audience, description: entry.description, sort_order: order })
        .onConflict((oc) =>
          oc.column("slug").doUpdateSet((eb) => ({
            title: eb.ref("excluded.title"),
            audience: eb.ref("excluded.audience"),
            description: eb.ref("excluded.description"),
            sort_order: eb.ref("excluded.sort_order"),
            archived_at: null,
            updated_at: sql`now()`,
          })),
        )
        .returning("id")
        .executeTakeFirstOrThrow();
      const known = entry.courses.filter((slug) => {
        if (courses.has(slug)) return true;
        problems.push({ file, line: 1, column: 1, message: `学习路径 ${entry.slug} 里的课程 ${slug} 不存在（或已归档），已跳过` });
        return false;
      });
      await trx.deleteFrom("path_courses").where("path_id", "=", id).execute();
      if (known.length) {
        await trx
          .insertInto("path_courses")
          .values(known.map((slug, position) => ({ path_id: id, course_id: courses.get(slug)!, position })))
          .execute();
      }
    }
    let archive = trx.updateTable("paths").set({ archived_at: sql`now()`, updated_at: sql`now()` }).where("archived_at", "is", null);
    if (entries.length) archive = archive.where("slug", "not in", entries.map((e) => e.slug));
    await archive.execute();
  });
  return problems;
}

export async function listPaths(db: DB) {
  return db
    .selectFrom("paths")
    .select(["id", "slug", "title", "audience", "description"])
    .where("archived_at", "is", null)
    .orderBy("sort_order")
    .execute();
}

/** A path with its courses in order, and (for a learner) each course's standing. */
export async function getPath(db: DB, slug: string, userId: number | null) {
  const path = await db
    .selectFrom("paths")
    .select(["id", "slug", "title", "audience", "description"])
    .where("slug", "=", slug)
    .where("archived_at", "is", null)
    .executeTakeFirst();
  if (!path) return undefined;
  const courses = await pathCourses(db, [path.id], userId);
  return { ...path, courses };
}

/** The published courses of some paths, in order, with the learner's progress when given. */
export async function pathCourses(db: DB, pathIds: number[], userId: number | null) {
  if (pathIds.length === 0) return [];
  return db
    .selectFrom("path_courses as pc")
    .innerJoin("courses", "courses.id", "pc.course_id")
    .innerJoin("campuses", "campuses.id", "courses.campus_id")
    .leftJoin("enrolments as e", (join) => join.onRef("e.course_id", "=", "courses.id").on("e.user_id", "=", userId ?? -1))
    .select((eb) => [
      "pc.path_id as pathId",
      "courses.id",
      "courses.slug",
      "courses.title",
      "courses.summary",
      "courses.hours",
      "campuses.name as campusName",
      "e.enrolled_at as enrolledAt",
      "e.completed_at as completedAt",
      eb
        .selectFrom("lessons")
        .whereRef("lessons.course_id", "=", "courses.id")
        .where("lessons.archived_at", "is", null)
        .where("lessons.published_version_id", "is not", null)
        .select(sql<number>`count(*)::int`.as("n"))
        .as("lessonCount"),
      eb
        .selectFrom("lesson_progress as p")
        .innerJoin("lessons", "lessons.id", "p.lesson_id")
        .whereRef("p.course_id", "=", "courses.id")
        .where("p.user_id", "=", userId ?? -1)
        .where("p.completed_at", "is not", null)
        .where("lessons.archived_at", "is", null)
        .where("lessons.published_version_id", "is not", null)
        .select(sql<number>`count(*)::int`.as("n"))
        .as("lessonsDone"),
    ])
    .where("pc.path_id", "in", pathIds)
    .where("courses.archived_at", "is", null)
    .orderBy("pc.path_id")
    .orderBy("pc.position")
    .execute();
}

/** After a course completes: a certificate for every path whose courses are now all complete. */
export async function issueCompletedPathCertificates(trx: DB, userId: number, courseId: number): Promise<string[]> {
  const complete = await trx
    .selectFrom("path_courses as pc")
    .innerJoin("paths", "paths.id", "pc.path_id")
    .select("paths.id")
    .where("pc.course_id", "=", courseId)
    .where("paths.archived_at", "is", null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("path_courses as other")
            .innerJoin("courses", "courses.id", "other.course_id")
            .leftJoin("enrolments as e", (join) => join.onRef("e.course_id", "=", "other.course_id").on("e.user_id", "=", userId))
            .select(sql`1`.as("one"))
            .whereRef("other.path_id", "=", "paths.id")
            .where("courses.archived_at", "is", null)
            .where("e.completed_at", "is", null),
        ),
      ),
    )
    .execute();
  const codes: string[] = [];
  for (const path of complete) codes.push(await issueCertificate(trx, userId, { pathId: path.id }));
  return codes;
}
