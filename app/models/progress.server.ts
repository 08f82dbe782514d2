import { type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/client";
import { issueCertificate } from "./certificate.server";
import { issueCompletedPathCertificates } from "./path.server";
import { BEAT } from "../lib/study-clock";

/**
 * Enrolment and per-lesson progress. Every write is an upsert that only moves forward
 * (coalesce keeps the first started/reached/completed time), so double clicks, retries and two
 * tabs cannot lose or undo a step. Completion is settled in the same transaction as the write
 * that earns it: there is no batch job to wait for.
 */

export interface LessonTarget {
  id: number;
  courseId: number;
  passMark: number;
}

export async function enrol(db: DB, userId: number, courseId: number): Promise<void> {
  await db.insertInto("enrolments").values({ user_id: userId, course_id: courseId }).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * A visit by an enrolled learner: starts the lesson (once) and moves "last visited". Also restarts
 * a stale 学时 clock, so time before this page was open is never counted. False when not enrolled.
 */
export async function recordVisit(db: DB, userId: number, lesson: { id: number; courseId: number }): Promise<boolean> {
  const result = await sql<{ ok: number }>`
    with e as (
      update enrolments set last_lesson_id = ${lesson.id}, last_visited_at = now()
      where user_id = ${userId} and course_id = ${lesson.courseId}
      returning 1
    )
    insert into lesson_progress (user_id, lesson_id, course_id, last_beat_at)
    select ${userId}, ${lesson.id}, ${lesson.courseId}, now() from e
    ${onVisitConflict}
    returning 1 as ok`.execute(db);
  return result.rows.length > 0;
}

/**
 * SQL: how a visit updates the learner's existing progress row. A clock still running (a beat
 * within the credit window: the page reloaded after a quiz answer, or a second tab) keeps running;
 * a stale one restarts now.
 */
export const onVisitConflict = sql`on conflict (user_id, lesson_id) do update set
  last_visited_at = now(),
  last_beat_at = case
    when lesson_progress.last_beat_at > now() - make_interval(secs => ${BEAT.maxCreditSeconds}) then lesson_progress.last_beat_at
    else now() end`;

export interface Settlement {
  lessonCompleted: boolean;
  courseCompleted: boolean;
  /** Set when this very write completed the course. */
  newCertificate: string | null;
}

export type LessonRef = { id: number } | { courseSlug: string; lessonSlug: string };

/**
 * The published lesson a write is about, as a CTE `t`: its ids, the course's pass mark and the
 * ids of its current quizzes. Nothing if it is unpublished or archived.
 */
export function lessonCte(ref: LessonRef) {
  const where =
    "id" in ref ? sql`lessons.id = ${ref.id}` : sql`courses.slug = ${ref.courseSlug} and lessons.slug = ${ref.lessonSlug}`;
  return sql`t as (
    select lessons.id, lessons.course_id, courses.pass_mark,
      coalesce((select array_agg(q.quiz_key) from quiz_questions q where q.lesson_version_id = lessons.published_version_id), '{}'::text[]) as keys
    from lessons join courses on courses.id = lessons.course_id
    where ${where} and lessons.archived_at is null and courses.archived_at is null and lessons.published_version_id is not null
  )`;
}

/** SQL: `passed` (quiz ids answered right) reaches the pass mark on the lesson's current quizzes (CTE `t`). */
export function reachesPassMark(passed: RawBuilder<unknown>) {
  return sql`(select (select count(*) from unnest(t.keys) k where k = any(${passed})) * 100 >= t.pass_mark * cardinality(t.keys) from t)`;
}

/**
 * 完成本课: the learner reached the end; the lesson completes if its quizzes are passed.
 *
 * One statement, enrolment included. Completion is decided inside the row update from the row's
 * own passed_quizzes: a quiz answered in another tab at the same moment either committed first
 * (this update waits for its row lock and sees it) or comes second (and sees reached_end_at). So
 * no completion is missed and none is undone. Completing the course takes the locked path.
 * Null when there is no such published lesson.
 */
export async function finishLesson(db: DB, userId: number, ref: LessonRef): Promise<Settlement | null> {
  const result = await finishLessonAs(db, sql`select ${userId}::int as user_id`, ref);
  return result === "unauthenticated" ? null : result;
}

/**
 * 完成本课 from a request whose session has not been checked yet: the session lookup is part of the
 * same statement, so the hottest write costs one round trip to the database instead of two (see
 * SELF_AUTHENTICATING in auth.server.ts). "unauthenticated" when the session is unknown or expired.
 */
export async function finishLessonForSession(db: DB, sessionId: string, ref: LessonRef): Promise<Settlement | null | "unauthenticated"> {
  return finishLessonAs(db, sql`select user_id from sessions where id = ${sessionId} and expires_at > now()`, ref);
}

/** `learner`: SQL giving the learner's id as `user_id`, one row (or none: "unauthenticated"). */
async function finishLessonAs(db: DB, learner: RawBuilder<unknown>, ref: LessonRef): Promise<Settlement | null | "unauthenticated"> {
  const { rows } = await sql<{ user_id: number; course_id: number | null; completed: boolean | null; just_completed: boolean | null }>`
    with s as (${learner}), ${lessonCte(ref)}, e as (
      insert into enrolments (user_id, course_id) select s.user_id, t.course_id from s, t on conflict do nothing
    ), w as (
      insert into lesson_progress as p (user_id, lesson_id, course_id, reached_end_at, completed_at)
      select s.user_id, t.id, t.course_id, now(), case when cardinality(t.keys) = 0 then now() end from s, t
      on conflict (user_id, lesson_id) do update set
        reached_end_at = coalesce(p.reached_end_at, now()),
        last_visited_at = now(),
        completed_at = coalesce(p.completed_at, case when ${reachesPassMark(sql`p.passed_quizzes`)} then now() end)
      returning p.course_id, p.completed_at is not null as completed, p.completed_at = now() as just_completed
    )
    select s.user_id, w.course_id, w.completed, w.just_completed from s left join w on true`.execute(db);
  const row = rows[0];
  if (!row) return "unauthenticated";
  if (row.course_id === null) return null;
  if (row.just_completed) return settleLocked(db, row.user_id, { courseId: row.course_id });
  return { lessonCompleted: Boolean(row.completed), courseCompleted: false, newCertificate: null };
}

/**
 * After a write completed a lesson (its row update said so): under the enrolment lock, so two tabs
 * completing the last two lessons settle one after the other, check the course and issue the course
 * and path certificates. Runs once per lesson per learner, never on the common path.
 */
export function settleLocked(db: DB, userId: number, lesson: { courseId: number }): Promise<Settlement> {
  return db.transaction().execute(async (trx) => {
    // The enrolment row exists: the statement that completed the lesson inserted it.
    await trx
      .selectFrom("enrolments")
      .select("completed_at")
      .where("user_id", "=", userId)
      .where("course_id", "=", lesson.courseId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const none = { lessonCompleted: true, courseCompleted: false, newCertificate: null };
    const course = await trx
      .selectFrom("lessons")
      .leftJoin("lesson_progress as p", (join) => join.onRef("p.lesson_id", "=", "lessons.id").on("p.user_id", "=", userId))
      .select([sql<number>`count(*)::int`.as("total"), sql<number>`count(p.completed_at)::int`.as("done")])
      .where("lessons.course_id", "=", lesson.courseId)
      .where("lessons.archived_at", "is", null)
      .where("lessons.published_version_id", "is not", null)
      .executeTakeFirstOrThrow();
    if (course.total === 0 || course.done < course.total) return none;

    const updated = await trx
      .updateTable("enrolments")
      .set({ completed_at: sql`now()` })
      .where("user_id", "=", userId)
      .where("course_id", "=", lesson.courseId)
      .where("completed_at", "is", null)
      .returning("course_id")
      .executeTakeFirst();
    const code = await issueCertificate(trx, userId, { courseId: lesson.courseId });
    await issueCompletedPathCertificates(trx, userId, lesson.courseId);
    return { lessonCompleted: true, courseCompleted: true, newCertificate: updated ? code : null };
  });
}

export interface QuizScore {
  lessonId: number;
  total: number;
  passed: number;
}

export const scoreOf = (q: { total: number; passed: number }) => (q.total === 0 ? 100 : Math.floor((100 * q.passed) / q.total));

/**
 * Per lesson: how many quizzes its published version has, and how many of them the learner has
 * answered right at least once (the best result counts; quizzes are matched by their id, so a
 * republished lesson keeps answers to the quizzes it still has).
 */
export async function quizScores(db: DB, userId: number, where: { lessonId: number } | { courseId: number }): Promise<QuizScore[]> {
  let query = db
    .selectFrom("lessons")
    .innerJoin("quiz_questions as q", "q.lesson_version_id", "lessons.published_version_id")
    .select((eb) => [
      "lessons.id as lessonId",
      sql<number>`count(*)::int`.as("total"),
      sql<number>`count(*) filter (where ${eb.exists(
        eb
          .selectFrom("quiz_attempts as a")
          .select(sql`1`.as("one"))
          .where("a.user_id", "=", userId)
          .whereRef("a.lesson_id", "=", "lessons.id")
          .whereRef("a.quiz_key", "=", "q.quiz_key")
          .where("a.passed", "=", true),
      )})::int`.as("passed"),
    ])
    .groupBy("lessons.id");
  query = "lessonId" in where ? query.where("lessons.id", "=", where.lessonId) : query.where("lessons.course_id", "=", where.courseId);
  return query.execute();
}

export type LessonState = "not_started" | "in_progress" | "completed";

export interface LessonProgressView {
  state: LessonState;
  reachedEnd: boolean;
  quizTotal: number;
  quizPassed: number;
  score: number;
  studySeconds: number;
}

/** One learner's standing in one course, lesson by lesson. */
export async function courseProgress(db: DB, userId: number, courseId: number) {
  const [enrolment, rows, scores] = await Promise.all([
    db
      .selectFrom("enrolments")
      .select(["enrolled_at as enrolledAt", "completed_at as completedAt", "last_lesson_id as lastLessonId"])
      .where("user_id", "=", userId)
      .where("course_id", "=", courseId)
      .executeTakeFirst(),
    db
      .selectFrom("lesson_progress")
      .select(["lesson_id", "reached_end_at", "completed_at", "study_seconds"])
      .where("user_id", "=", userId)
      .where("course_id", "=", courseId)
      .execute(),
    quizScores(db, userId, { courseId }),
  ]);
  const byLesson = new Map(rows.map((r) => [r.lesson_id, r]));
  const scoreByLesson = new Map(scores.map((s) => [s.lessonId, s]));
  const lesson = (lessonId: number): LessonProgressView => {
    const row = byLesson.get(lessonId);
    const quiz = scoreByLesson.get(lessonId) ?? { total: 0, passed: 0 };
    return {
      state: row?.completed_at ? "completed" : row ? "in_progress" : "not_started",
      reachedEnd: Boolean(row?.reached_end_at),
      quizTotal: quiz.total,
      quizPassed: quiz.passed,
      score: scoreOf(quiz),
      studySeconds: row?.study_seconds ?? 0,
    };
  };
  return { enrolled: Boolean(enrolment), completedAt: enrolment?.completedAt ?? null, lastLessonId: enrolment?.lastLessonId ?? null, lesson };
}

export type CourseProgress = Awaited<ReturnType<typeof courseProgress>>;

/** 我的学习: every course the learner enrolled in, with lesson counts and where 继续学习 leads. */
export async function listEnrolments(db: DB, userId: number) {
  return db
    .selectFrom("enrolments as e")
    .innerJoin("courses", "courses.id", "e.course_id")
    .innerJoin("campuses", "campuses.id", "courses.campus_id")
    .select((eb) => {
      // The course's published, unarchived lessons, each with this learner's progress row if any.
      const lessons = () =>
        eb
          .selectFrom("lessons as l")
          .leftJoin("lesson_progress as p", (join) => join.onRef("p.lesson_id", "=", "l.id").on("p.user_id", "=", userId))
          .whereRef("l.course_id", "=", "courses.id")
          .where("l.archived_at", "is", null)
          .where("l.published_version_id", "is not", null);
      return [
        "courses.id",
        "courses.slug",
        "courses.title",
        "courses.hours",
        "campuses.name as campusName",
        "e.enrolled_at as enrolledAt",
        "e.last_visited_at as lastVisitedAt",
        "e.completed_at as completedAt",
        lessons().select(sql<number>`count(*)::int`.as("n")).as("lessonCount"),
        lessons().select(sql<number>`count(p.completed_at)::int`.as("n")).as("lessonsDone"),
        lessons().where("p.completed_at", "is", null).select("l.slug").orderBy("l.position").limit(1).as("nextLessonSlug"),
      ];
    })
    .where("e.user_id", "=", userId)
    .where("courses.archived_at", "is", null)
    .orderBy(sql`coalesce(e.last_visited_at, e.enrolled_at)`, "desc")
    .execute();
}
