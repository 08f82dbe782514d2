import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { LawLibrary } from "../lib/law.server";
import { composeLessonSource } from "../lib/lesson-source";
import { compileLesson, lessonHash } from "../lib/mdx/compile.server";
import { writeAudit } from "./audit.server";
import { insertVersion } from "./lesson-version.server";

/**
 * Lessons written in the browser. Every save is a new version (never an overwrite); publishing
 * points the lesson at one compiled version; rolling back publishes an older one. A save that
 * started from an older version than the newest is still kept, and reported as a conflict.
 */

export interface Actor {
  id: number;
  ip: string | null;
}

/** A lesson with what the editor and the access check need; undefined if there is none. */
export async function getLessonForEditor(db: DB, lessonId: number) {
  return db
    .selectFrom("lessons")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .select((eb) => [
      "lessons.id",
      "lessons.slug",
      "lessons.published_version_id as publishedVersionId",
      "lessons.archived_at as archivedAt",
      "courses.id as courseId",
      "courses.slug as courseSlug",
      "courses.title as courseTitle",
      "courses.campus_id as campusId",
      "courses.origin",
      eb
        .selectFrom("lesson_versions")
        .whereRef("lesson_versions.lesson_id", "=", "lessons.id")
        .select(sql<string>`max(id)::text`.as("head"))
        .as("headVersionId"),
    ])
    .where("lessons.id", "=", lessonId)
    .executeTakeFirst();
}

/** One version of a lesson with its number (1 = the first), or undefined if it is not this lesson's. */
export async function getVersion(db: DB, lessonId: number, versionId: string) {
  return db
    .selectFrom("lesson_versions as v")
    .leftJoin("users", "users.id", "v.author_id")
    .select([
      "v.id",
      "v.source",
      "v.code",
      "v.title",
      "v.minutes",
      "v.problems",
      "v.created_at as createdAt",
      "users.display_name as authorName",
      sql<number>`(select count(*)::int from lesson_versions older where older.lesson_id = v.lesson_id and older.id <= v.id)`.as("number"),
    ])
    .where("v.lesson_id", "=", lessonId)
    .where("v.id", "=", versionId)
    .executeTakeFirst();
}

/** A version's quiz answers, for the editor's preview (admins only). */
export async function versionAnswers(db: DB, versionId: string) {
  return db
    .selectFrom("quiz_questions")
    .select(["quiz_key as key", "correct", "explanation"])
    .where("lesson_version_id", "=", versionId)
    .orderBy("position")
    .execute();
}

/** Every version of a lesson, newest first, numbered from the oldest. */
export async function listVersions(db: DB, lessonId: number) {
  const rows = await db
    .selectFrom("lesson_versions as v")
    .leftJoin("users", "users.id", "v.author_id")
    .select([
      "v.id",
      "v.title",
      "v.minutes",
      sql<boolean>`v.problems is not null`.as("broken"),
      "v.created_at as createdAt",
      "users.display_name as authorName",
      sql<number>`row_number() over (order by v.id)::int`.as("number"),
    ])
    .where("v.lesson_id", "=", lessonId)
    .orderBy("v.id", "desc")
    .execute();
  return rows;
}

export interface SaveInput {
  lessonId: number;
  /** The newest version when the editor was opened ("" for none): a newer one means someone else saved. */
  baseVersionId: string;
  title: string;
  minutes: number;
  body: string;
  publish: boolean;
}

export type SaveResult = {
  versionId: string;
  number: number;
  /** False when the same text was already a version of this lesson (that one is reused). */
  created: boolean;
  published: boolean;
  problems: { line: number; column: number; message: string }[];
  /** The version someone else saved after the editor was opened, when there is one. */
  conflict: { versionId: string; number: number; authorName: string | null } | null;
  headVersionId: string;
};

export async function saveLesson(db: DB, laws: LawLibrary, input: SaveInput, actor: Actor): Promise<SaveResult> {
  const source = composeLessonSource(input.title, input.minutes, input.body);
  const hash = lessonHash(source, laws.hash);
  // Compiling takes milliseconds to a second: done before the transaction, which then only writes.
  const compiled = await compileLesson(source, { hasLawArticle: (law, article) => laws.getArticle(law, article) !== undefined });

  return db.transaction().execute(async (trx) => {
    // The lesson row lock orders concurrent saves of one lesson: the second sees the first's version.
    const lesson = await trx
      .selectFrom("lessons")
      .innerJoin("courses", "courses.id", "lessons.course_id")
      .select(["lessons.id", "courses.campus_id as campusId"])
      .where("lessons.id", "=", input.lessonId)
      .forUpdate("lessons")
      .executeTakeFirstOrThrow();
    const head = await headVersion(trx, lesson.id);
    const stale = (head?.id ?? "") !== input.baseVersionId;

    const version = await insertVersion(
      trx,
      compiled.ok
        ? { lessonId: lesson.id, source, hash, compiled, authorId: actor.id }
        : { lessonId: lesson.id, source, hash, title: input.title, minutes: input.minutes, problems: compiled.problems, authorId: actor.id },
      laws,
    );
    const number = await versionNumber(trx, lesson.id, version.id);
    if (version.created) {
      await writeAudit(trx, {
        actorId: actor.id,
        action: "lesson.saved",
        campusId: lesson.campusId,
        targetType: "lesson",
        targetId: lesson.id,
        details: { title: input.title, version: number, broken: !compiled.ok, conflict: stale },
        ip: actor.ip,
      });
    }
    const conflict = stale && head ? { versionId: head.id, number: await versionNumber(trx, lesson.id, head.id), authorName: head.authorName } : null;
    // Publishing needs a version that compiles, saved over the newest one (not past someone's edit).
    const published = input.publish && compiled.ok && !conflict ? await setPublished(trx, lesson.id, version.id, lesson.campusId, number, actor, "lesson.published") : false;
    const newHead = await headVersion(trx, lesson.id);
    return {
      versionId: version.id,
      number,
      created: version.created,
      published,
      problems: compiled.ok ? [] : compiled.problems,
      conflict,
      headVersionId: newHead?.id ?? version.id,
    };
  });
}

/**
 * Publishes one version of a lesson (a rollback when it is older than the published one).
 * False when the version is not this lesson's or does not compile.
 */
export async function publishVersion(db: DB, lessonId: number, versionId: string, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const lesson = await trx
      .selectFrom("lessons")
      .innerJoin("courses", "courses.id", "lessons.course_id")
      .select(["lessons.id", "lessons.published_version_id as publishedId", "courses.campus_id as campusId"])
      .where("lessons.id", "=", lessonId)
      .forUpdate("lessons")
      .executeTakeFirst();
    if (!lesson) return false;
    const number = await versionNumber(trx, lessonId, versionId);
    const rollback = lesson.publishedId !== null && BigInt(versionId) < BigInt(lesson.publishedId);
    return setPublished(trx, lessonId, versionId, lesson.campusId, number, actor, rollback ? "lesson.rolled_back" : "lesson.published");
  });
}

async function setPublished(trx: DB, lessonId: number, versionId: string, campusId: number, number: number, actor: Actor, action: string) {
  const row = await trx
    .updateTable("lessons")
    .set({ published_version_id: versionId, archived_at: null, updated_at: sql`now()` })
    .where("id", "=", lessonId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("lesson_versions")
          .where("lesson_versions.id", "=", versionId)
          .where("lesson_versions.lesson_id", "=", lessonId)
          .where("lesson_versions.problems", "is", null)
          .select("lesson_versions.id"),
      ),
    )
    .returning("id")
    .executeTakeFirst();
  if (!row) return false;
  await writeAudit(trx, { actorId: actor.id, action, campusId, targetType: "lesson", targetId: lessonId, details: { version: number }, ip: actor.ip });
  return true;
}

function headVersion(db: DB, lessonId: number) {
  return db
    .selectFrom("lesson_versions as v")
    .leftJoin("users", "users.id", "v.author_id")
    .select(["v.id", "users.display_name as authorName"])
    .where("v.lesson_id", "=", lessonId)
    .orderBy("v.id", "desc")
    .limit(1)
    .executeTakeFirst();
}

async function versionNumber(db: DB, lessonId: number, versionId: string): Promise<number> {
  const row = await db
    .selectFrom("lesson_versions")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("lesson_id", "=", lessonId)
    .where("id", "<=", versionId)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** The text a new lesson starts with: it compiles, and shows the author where to write. */
export const STARTER_BODY = "\n在这里写这一课的内容。可以用上方的按钮插入提示框、法条、步骤、清单、测验和图片。\n";

/** A new lesson at the end of an admin course, with a first draft version (unpublished). */
export async function createLesson(db: DB, laws: LawLibrary, input: { courseId: number; title: string; minutes: number }, actor: Actor) {
  const lessonId = await db.transaction().execute(async (trx) => {
    const course = await trx
      .selectFrom("courses")
      .select(["id", "campus_id as campusId"])
      .where("id", "=", input.courseId)
      .where("origin", "=", "admin")
      .forUpdate()
      .executeTakeFirstOrThrow();
    const count = await trx
      .selectFrom("lessons")
      .select([sql<number>`count(*)::int`.as("n"), sql<number>`coalesce(max(position), 0)::int`.as("last")])
      .where("course_id", "=", course.id)
      .executeTakeFirstOrThrow();
    const lesson = await trx
      .insertInto("lessons")
      .values({ course_id: course.id, slug: `lesson-${count.n + 1}`, position: count.last + 1 })
      .returning("id")
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actorId: actor.id,
      action: "lesson.created",
      campusId: course.campusId,
      targetType: "lesson",
      targetId: lesson.id,
      details: { title: input.title },
      ip: actor.ip,
    });
    return lesson.id;
  });
  await saveLesson(db, laws, { lessonId, baseVersionId: "", title: input.title, minutes: input.minutes, body: STARTER_BODY, publish: false }, actor);
  return lessonId;
}

/** Moves a lesson of an admin course one place up or down (swapping with its neighbour). False at either end. */
export async function moveLesson(db: DB, courseId: number, lessonId: number, direction: "up" | "down", actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const course = await trx.selectFrom("courses").select("campus_id as campusId").where("id", "=", courseId).where("origin", "=", "admin").forUpdate().executeTakeFirst();
    if (!course) return false;
    const lessons = await trx
      .selectFrom("lessons")
      .select(["id", "position"])
      .where("course_id", "=", courseId)
      .where("archived_at", "is", null)
      .orderBy("position")
      .orderBy("id")
      .execute();
    const index = lessons.findIndex((l) => l.id === lessonId);
    const other = lessons[direction === "up" ? index - 1 : index + 1];
    const lesson = lessons[index];
    if (!lesson || !other) return false;
    // Positions may repeat (two lessons created at once): renumber in the new order.
    const order = lessons.map((l) => l.id);
    order[index] = other.id;
    order[lessons.indexOf(other)] = lesson.id;
    for (const [i, id] of order.entries()) {
      await trx.updateTable("lessons").set({ position: i + 1, updated_at: sql`now()` }).where("id", "=", id).execute();
    }
    await writeAudit(trx, { actorId: actor.id, action: "lesson.moved", campusId: course.campusId, targetType: "lesson", targetId: lessonId, details: { direction }, ip: actor.ip });
    return true;
  });
}
