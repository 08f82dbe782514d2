import { sql } from "kysely";
import type { DB } from "../../db/client";
import { type LessonTarget, lessonCte, reachesPassMark, type Settlement, settleLocked } from "./progress.server";

/**
 * Quizzes graded on the server, against the answers stored when the lesson version was compiled.
 * The browser only ever gets questions and options; whether an answer was right, and the
 * explanation, come back after an attempt.
 */

export type AnswerRefusal = "version" | "question" | "answer";

export interface AnswerInput {
  versionId: string;
  quizKey: string;
  answers: number[];
}

export type AnswerResult = { ok: true; passed: boolean; settlement: Settlement } | { ok: false; refusal: AnswerRefusal };

export async function submitAnswer(db: DB, userId: number, lesson: LessonTarget, input: AnswerInput): Promise<AnswerResult> {
  // The version must be one of this lesson's: a learner may answer the version they loaded even
  // after a republish, but never a question of another lesson.
  const question = await db
    .selectFrom("quiz_questions as q")
    .innerJoin("lesson_versions as v", "v.id", "q.lesson_version_id")
    .select(["q.options", "q.correct", "q.multiple"])
    .where("v.id", "=", input.versionId)
    .where("v.lesson_id", "=", lesson.id)
    .where("q.quiz_key", "=", input.quizKey)
    .executeTakeFirst();
  if (!question) {
    const version = await db
      .selectFrom("lesson_versions")
      .select("id")
      .where("id", "=", input.versionId)
      .where("lesson_id", "=", lesson.id)
      .executeTakeFirst();
    return { ok: false, refusal: version ? "question" : "version" };
  }
  const answers = [...new Set(input.answers)].sort((a, b) => a - b);
  const valid =
    answers.length > 0 &&
    answers.length === input.answers.length &&
    answers.every((a) => Number.isInteger(a) && a >= 0 && a < question.options.length) &&
    (question.multiple || answers.length === 1);
  if (!valid) return { ok: false, refusal: "answer" };

  const correct = [...question.correct].sort((a, b) => a - b);
  const passed = correct.length === answers.length && correct.every((c, i) => c === answers[i]);
  // The attempt, the enrolment and the progress row in one statement. The quiz id joins the row's
  // passed_quizzes when right (never leaves it: the best result counts), and the same row update
  // completes the lesson if the end was already reached (see finishLesson for the two-tab case).
  const key = sql`${input.quizKey}::text`;
  const passedNow = sql`case when ${passed} and not (${key} = any(p.passed_quizzes)) then p.passed_quizzes || ${key} else p.passed_quizzes end`;
  const { rows } = await sql<{ completed: boolean; just_completed: boolean }>`
    with ${lessonCte({ id: lesson.id })}, e as (
      insert into enrolments (user_id, course_id) values (${userId}, ${lesson.courseId}) on conflict do nothing
    ), a as (
      insert into quiz_attempts (user_id, lesson_id, lesson_version_id, quiz_key, answers, score, passed)
      values (${userId}, ${lesson.id}, ${input.versionId}, ${key}, ${JSON.stringify(answers)}::jsonb, ${passed ? 100 : 0}, ${passed})
    )
    insert into lesson_progress as p (user_id, lesson_id, course_id, passed_quizzes)
    values (${userId}, ${lesson.id}, ${lesson.courseId}, case when ${passed} then array[${key}] else '{}'::text[] end)
    on conflict (user_id, lesson_id) do update set
      last_visited_at = now(),
      passed_quizzes = ${passedNow},
      completed_at = coalesce(p.completed_at, case when p.reached_end_at is not null and ${reachesPassMark(passedNow)} then now() end)
    returning p.completed_at is not null as completed, p.completed_at = now() as just_completed`.execute(db);
  const row = rows[0];
  const settlement: Settlement = row?.just_completed
    ? await settleLocked(db, userId, lesson)
    : { lessonCompleted: Boolean(row?.completed), courseCompleted: false, newCertificate: null };
  return { ok: true, passed, settlement };
}

export interface QuizState {
  attempts: number;
  /** The last attempt: what the learner chose, and whether it was right. */
  lastAnswers: number[];
  lastPassed: boolean;
  everPassed: boolean;
  /** Only once the learner has attempted the quiz. */
  explanation: string;
}
