import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { BeatReason } from "../../db/schema";
import { BEAT } from "../lib/study-clock";

/**
 * The 学时 ledger. The page sends a heartbeat about every 30 s while it is visible; each accepted
 * beat credits the time since the previous one, but never more than maxCreditSeconds (a page
 * hidden or a phone asleep in between does not count) and never past the lesson's cap (2 × its
 * minutes). Beats closer together than minIntervalSeconds are refused: a flood credits nothing.
 * The timing (BEAT) lives in lib/study-clock.ts, shared with the page that sends the beats.
 */

export const lessonCapSeconds = (minutes: number) => minutes * 60 * BEAT.capFactor;

export type BeatResult =
  | { ok: true; credited: number; reason: BeatReason; totalSeconds: number; capSeconds: number }
  | { ok: false; refusal: "not-started" | "too-soon" };

/** `restart`: the page became visible again; the time it was hidden is not counted. */
export async function recordBeat(db: DB, userId: number, lesson: { id: number; minutes: number }, restart = false): Promise<BeatResult> {
  const capSeconds = lessonCapSeconds(lesson.minutes);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("lesson_progress")
      .select(["study_seconds", sql<number | null>`extract(epoch from now() - last_beat_at)::float8`.as("elapsed")])
      .where("user_id", "=", userId)
      .where("lesson_id", "=", lesson.id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, refusal: "not-started" } as const;
    if (row.elapsed !== null && row.elapsed < BEAT.minIntervalSeconds) return { ok: false, refusal: "too-soon" } as const;

    const { credited, reason } = creditFor(restart ? null : row.elapsed, row.study_seconds, capSeconds);
    await trx
      .updateTable("lesson_progress")
      .set({ study_seconds: row.study_seconds + credited, last_beat_at: sql`now()` })
      .where("user_id", "=", userId)
      .where("lesson_id", "=", lesson.id)
      .execute();
    await trx.insertInto("study_beats").values({ user_id: userId, lesson_id: lesson.id, credited_seconds: credited, reason }).execute();
    return { ok: true, credited, reason, totalSeconds: row.study_seconds + credited, capSeconds } as const;
  });
}

/** What one beat earns: `elapsed` seconds since the last beat (null: the first beat). */
export function creditFor(elapsed: number | null, soFar: number, capSeconds: number): { credited: number; reason: BeatReason } {
  if (elapsed === null) return { credited: 0, reason: "start" };
  const room = Math.max(0, capSeconds - soFar);
  const wanted = Math.min(Math.floor(elapsed), BEAT.maxCreditSeconds);
  if (room <= wanted) return { credited: room, reason: "capped" };
  return { credited: wanted, reason: elapsed > BEAT.maxCreditSeconds ? "gap" : "counted" };
}

/** Per lesson the learner has opened: time counted, the cap, and the ledger's notes. */
export async function studyTimeReport(db: DB, userId: number) {
  const lessons = await db
    .selectFrom("lesson_progress as p")
    .innerJoin("lessons", "lessons.id", "p.lesson_id")
    .innerJoin("courses", "courses.id", "p.course_id")
    .leftJoin("lesson_versions as v", "v.id", "lessons.published_version_id")
    .select((eb) => [
      "p.lesson_id as lessonId",
      "p.study_seconds as seconds",
      "p.last_visited_at as lastVisitedAt",
      "lessons.slug as lessonSlug",
      "courses.slug as courseSlug",
      "courses.title as courseTitle",
      "v.title as lessonTitle",
      "v.minutes",
      eb
        .selectFrom("study_beats as b")
        .whereRef("b.user_id", "=", "p.user_id")
        .whereRef("b.lesson_id", "=", "p.lesson_id")
        .where("b.reason", "=", "gap")
        .select(sql<number>`count(*)::int`.as("n"))
        .as("gaps"),
    ])
    .where("p.user_id", "=", userId)
    .orderBy("p.last_visited_at", "desc")
    .execute();
  const hours = await db
    .selectFrom("enrolments")
    .innerJoin("courses", "courses.id", "enrolments.course_id")
    .select(sql<string>`coalesce(sum(courses.hours), 0)`.as("hours"))
    .where("enrolments.user_id", "=", userId)
    .where("enrolments.completed_at", "is not", null)
    .executeTakeFirstOrThrow();
  return {
    totalSeconds: lessons.reduce((n, l) => n + l.seconds, 0),
    earnedHours: hours.hours,
    lessons: lessons.map((l) => ({ ...l, capSeconds: lessonCapSeconds(l.minutes ?? 0), capped: l.seconds >= lessonCapSeconds(l.minutes ?? 0) })),
  };
}
