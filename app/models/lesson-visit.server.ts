import { sql } from "kysely";
import type { DB } from "../../db/client";
import { BEAT } from "../lib/study-clock";
import { type LessonProgressView, scoreOf } from "./progress.server";
import type { QuizState } from "./quiz.server";

/** What the lesson page shows an enrolled learner, besides the lesson itself. */
export interface LessonVisit {
  lesson: LessonProgressView;
  /** By quiz id; quizzes of the version shown that the learner never attempted are absent. */
  quizzes: Record<string, QuizState>;
  courseCompleted: boolean;
  /** Only a completed course has one. */
  certificateCode: string | null;
}

interface Row {
  course_completed: boolean;
  reached_end: boolean;
  lesson_completed: boolean;
  study_seconds: number;
  certificate_code: string | null;
  quizzes: { key: string; explanation: string; attempts: number; ever_passed: boolean; last_answers: number[]; last_passed: boolean }[];
}

/**
 * A learner opens a lesson: the visit is recorded (where 继续学习 leads, and the study clock starts
 * or keeps running) and their standing on this lesson is read back, in one statement: the page's
 * most frequent request no longer waits for six round trips. Nothing for a learner not enrolled
 * in the course (nothing is written either: the page offers 报名 instead).
 *
 * The visit is committed without waiting for the WAL flush (`synchronous_commit = off` for this
 * statement only). What it writes is a bookmark and a clock start, both rewritten on the next view;
 * if PostgreSQL itself crashed, at most the last fraction of a second of visits would be forgotten,
 * never a completion, answer or certificate: those stay fully synchronous. See ADR 009.
 */
export async function visitLesson(
  db: DB,
  userId: number,
  lesson: { id: number; courseId: number; versionId: string },
): Promise<LessonVisit | null> {
  const { rows } = await sql<Row>`
    with relaxed as (
      select set_config('synchronous_commit', 'off', true)
    ), e as (
      update enrolments set last_lesson_id = ${lesson.id}, last_visited_at = now()
      where user_id = ${userId} and course_id = ${lesson.courseId}
      returning completed_at
    ), p as (
      insert into lesson_progress (user_id, lesson_id, course_id, last_beat_at)
      select ${userId}, ${lesson.id}, ${lesson.courseId}, now() from e
      on conflict (user_id, lesson_id) do update set
        last_visited_at = now(),
        -- A clock still running (a beat within the credit window: the page reloaded after a quiz
        -- answer, or a second tab) keeps running; a stale one restarts now.
        last_beat_at = case
          when lesson_progress.last_beat_at > now() - make_interval(secs => ${BEAT.maxCreditSeconds}) then lesson_progress.last_beat_at
          else now() end
      returning reached_end_at, completed_at, study_seconds
    ), q as (
      -- Each quiz of the version shown, with this learner's attempts at it (any version: quizzes
      -- are matched by id, so a republished lesson keeps the answers to the quizzes it still has).
      select q.quiz_key, q.explanation, s.attempts, s.ever_passed, l.answers, l.passed
      from quiz_questions q
      cross join lateral (
        select count(*)::int as attempts, coalesce(bool_or(a.passed), false) as ever_passed
        from quiz_attempts a
        where a.user_id = ${userId} and a.lesson_id = ${lesson.id} and a.quiz_key = q.quiz_key
      ) s
      left join lateral (
        select a.answers, a.passed from quiz_attempts a
        where a.user_id = ${userId} and a.lesson_id = ${lesson.id} and a.quiz_key = q.quiz_key
        order by a.created_at desc, a.id desc limit 1
      ) l on true
      where q.lesson_version_id = ${lesson.versionId}
    )
    select
      e.completed_at is not null as course_completed,
      p.reached_end_at is not null as reached_end,
      p.completed_at is not null as lesson_completed,
      p.study_seconds,
      case when e.completed_at is not null then
        (select c.code from certificates c where c.user_id = ${userId} and c.course_id = ${lesson.courseId})
      end as certificate_code,
      coalesce((
        select json_agg(json_build_object(
          'key', q.quiz_key, 'explanation', q.explanation, 'attempts', q.attempts,
          'ever_passed', q.ever_passed, 'last_answers', q.answers, 'last_passed', q.passed))
        from q
      ), '[]') as quizzes
    from e cross join p cross join relaxed`.execute(db);
  const row = rows[0];
  if (!row) return null;
  const quizzes: Record<string, QuizState> = {};
  for (const quiz of row.quizzes) {
    if (quiz.attempts === 0) continue;
    quizzes[quiz.key] = {
      attempts: quiz.attempts,
      lastAnswers: quiz.last_answers,
      lastPassed: quiz.last_passed,
      everPassed: quiz.ever_passed,
      explanation: quiz.explanation,
    };
  }
  const total = row.quizzes.length;
  const passed = row.quizzes.filter((q) => q.ever_passed).length;
  return {
    lesson: {
      state: row.lesson_completed ? "completed" : "in_progress",
      reachedEnd: row.reached_end,
      quizTotal: total,
      quizPassed: passed,
      score: scoreOf({ total, passed }),
      studySeconds: row.study_seconds,
    },
    quizzes,
    courseCompleted: row.course_completed,
    certificateCode: row.certificate_code,
  };
}
