import { sql } from "kysely";
import type { DB } from "../../db/client";
import { type CourseOutline, courseOutline, lessonInOutline } from "./course.server";
import { type LessonProgressView, onVisitConflict, scoreOf } from "./progress.server";
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

interface VisitRow {
  course_completed: boolean;
  reached_end: boolean;
  lesson_completed: boolean;
  study_seconds: number;
  certificate_code: string | null;
  quizzes: { key: string; explanation: string; attempts: number; ever_passed: boolean; last_answers: number[]; last_passed: boolean }[];
}

/**
 * A learner opens a lesson: the course outline is read, the visit recorded (where 继续学习 leads,
 * and the study clock starts or keeps running) and their standing on this lesson read back — one
 * statement, so the page's most frequent request makes one round trip to the database after the
 * session check, not eight. `learner` is null for someone not enrolled in the course (nothing is
 * written then: the page offers 报名), and `found` undefined when there is no such published
 * lesson (nothing written either).
 *
 * The visit is committed without waiting for the WAL flush (`synchronous_commit = off` for this
 * statement only). What it writes is a bookmark and a clock start, both rewritten on the next view;
 * if PostgreSQL itself crashed, at most the last fraction of a second of visits would be forgotten,
 * never a completion, answer or certificate: those stay fully synchronous. See ADR 009.
 */
export async function readLessonAsLearner(db: DB, userId: number, courseSlug: string, lessonSlug: string) {
  const { rows } = await sql<CourseOutline & { visit: VisitRow | null }>`
    with o as (${courseOutline(courseSlug)}),
    l as (
      select (x->>'id')::int as id, (x->>'versionId')::bigint as version_id
      from o cross join json_array_elements(o.lessons) x where x->>'slug' = ${lessonSlug}
    ), relaxed as (
      select set_config('synchronous_commit', 'off', true)
    ), e as (
      update enrolments set last_lesson_id = l.id, last_visited_at = now()
      from o, l
      where enrolments.user_id = ${userId} and enrolments.course_id = o.id
      returning enrolments.completed_at, enrolments.course_id, l.id as lesson_id, l.version_id
    ), p as (
      insert into lesson_progress (user_id, lesson_id, course_id, last_beat_at)
      select ${userId}, e.lesson_id, e.course_id, now() from e
      ${onVisitConflict}
      returning reached_end_at, completed_at, study_seconds
    ), q as (
      -- Each quiz of the version shown, with this learner's attempts at it (any version: quizzes
      -- are matched by id, so a republished lesson keeps the answers to the quizzes it still has).
      select q.quiz_key, q.explanation, s.attempts, s.ever_passed, a.answers, a.passed
      from l join quiz_questions q on q.lesson_version_id = l.version_id
      cross join lateral (
        select count(*)::int as attempts, coalesce(bool_or(a.passed), false) as ever_passed
        from quiz_attempts a
        where a.user_id = ${userId} and a.lesson_id = l.id and a.quiz_key = q.quiz_key
      ) s
      left join lateral (
        select a.answers, a.passed from quiz_attempts a
        where a.user_id = ${userId} and a.lesson_id = l.id and a.quiz_key = q.quiz_key
        order by a.created_at desc, a.id desc limit 1
      ) a on true
    ), visit as (
      select json_build_object(
        'course_completed', e.completed_at is not null,
        'reached_end', p.reached_end_at is not null,
        'lesson_completed', p.completed_at is not null,
        'study_seconds', p.study_seconds,
        'certificate_code', case when e.completed_at is not null then
          (select c.code from certificates c where c.user_id = ${userId} and c.course_id = e.course_id)
        end,
        'quizzes', coalesce((
          select json_agg(json_build_object(
            'key', q.quiz_key, 'explanation', q.explanation, 'attempts', q.attempts,
            'ever_passed', q.ever_passed, 'last_answers', q.answers, 'last_passed', q.passed))
          from q
        ), '[]')
      ) as visit
      from e cross join p cross join relaxed
    )
    select o.*, (select visit from visit) as visit from o`.execute(db);
  const row = rows[0];
  return { found: lessonInOutline(row, lessonSlug), learner: row?.visit ? learnerView(row.visit) : null };
}

function learnerView(row: VisitRow): LessonVisit {
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
