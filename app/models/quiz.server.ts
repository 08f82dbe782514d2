import type { DB } from "../../db/client";
import { type LessonTarget, lockEnrolment, type Settlement, settleLesson } from "./progress.server";

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
  const settlement = await db.transaction().execute(async (trx) => {
    await lockEnrolment(trx, userId, lesson.courseId);
    await trx
      .insertInto("lesson_progress")
      .values({ user_id: userId, lesson_id: lesson.id, course_id: lesson.courseId })
      .onConflict((oc) => oc.columns(["user_id", "lesson_id"]).doNothing())
      .execute();
    await trx
      .insertInto("quiz_attempts")
      .values({
        user_id: userId,
        lesson_id: lesson.id,
        lesson_version_id: input.versionId,
        quiz_key: input.quizKey,
        answers: JSON.stringify(answers),
        score: passed ? 100 : 0,
        passed,
      })
      .execute();
    return settleLesson(trx, userId, lesson);
  });
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

/** The learner's standing on each quiz of the version shown; quizzes never attempted are absent. */
export async function quizStates(db: DB, userId: number, lessonId: number, versionId: string): Promise<Record<string, QuizState>> {
  const [attempts, explanations] = await Promise.all([
    db
      .selectFrom("quiz_attempts")
      .select(["quiz_key", "answers", "passed"])
      .where("user_id", "=", userId)
      .where("lesson_id", "=", lessonId)
      .orderBy("created_at", "desc")
      .orderBy("id", "desc")
      .limit(500)
      .execute(),
    db.selectFrom("quiz_questions").select(["quiz_key", "explanation"]).where("lesson_version_id", "=", versionId).execute(),
  ]);
  const explanationOf = new Map(explanations.map((e) => [e.quiz_key, e.explanation]));
  const states: Record<string, QuizState> = {};
  for (const attempt of attempts) {
    if (!explanationOf.has(attempt.quiz_key)) continue;
    const state = states[attempt.quiz_key];
    if (state) {
      state.attempts++;
      state.everPassed ||= attempt.passed;
    } else {
      states[attempt.quiz_key] = {
        attempts: 1,
        lastAnswers: attempt.answers,
        lastPassed: attempt.passed,
        everPassed: attempt.passed,
        explanation: explanationOf.get(attempt.quiz_key) ?? "",
      };
    }
  }
  return states;
}
