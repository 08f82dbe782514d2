import type { LawLibrary } from "./law.server";
import { composeLessonSource, type EditorProblem, problemsInBody } from "./lesson-source";
import { compileLesson } from "./mdx/compile.server";
import { type LessonSegment, renderLesson, renderSegments } from "./mdx/render.server";

/**
 * What the editor's preview shows: the lesson as learners will see it, from the same compiler and
 * renderer as publishing, plus each quiz's answers (only ever sent to admins) so the author can
 * check them. Or the problems, on the body's own line numbers.
 */

export interface QuizAnswer {
  correct: number[];
  explanation: string;
}

export type Preview =
  | { ok: true; segments: LessonSegment[]; answers: Record<string, QuizAnswer> }
  | { ok: false; problems: EditorProblem[] };

export async function previewDraft(laws: LawLibrary, title: string, minutes: number, body: string): Promise<Preview> {
  const compiled = await compileLesson(composeLessonSource(title, minutes, body), {
    hasLawArticle: (law, article) => laws.getArticle(law, article) !== undefined,
  });
  if (!compiled.ok) return { ok: false, problems: problemsInBody(compiled.problems) };
  const answers = Object.fromEntries(compiled.quizzes.map((q) => [q.key, { correct: q.correct, explanation: q.explanation }]));
  return { ok: true, segments: renderSegments(compiled.code, laws), answers };
}

/** A stored version's preview: rendered from its stored code (cached like a learner's page). */
export function previewStored(
  laws: LawLibrary,
  version: { id: string; code: string; problems: { line: number; column: number; message: string }[] | null },
  quizzes: { key: string; correct: number[]; explanation: string }[],
): Preview {
  if (version.problems) return { ok: false, problems: problemsInBody(version.problems) };
  const answers = Object.fromEntries(quizzes.map((q) => [q.key, { correct: q.correct, explanation: q.explanation }]));
  return { ok: true, segments: renderLesson(version.id, version.code, laws), answers };
}
