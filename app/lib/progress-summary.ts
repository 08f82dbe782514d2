import { t } from "./messages";

interface LessonStanding {
  state: "not_started" | "in_progress" | "completed";
  reachedEnd: boolean;
  quizTotal: number;
  quizPassed: number;
  score: number;
}

/** What a learner still has to do in a course, in lesson order, in words (还差：第 3 课测验（需 80 分）). */
export function missingSteps(lessons: LessonStanding[], passMark: number): string[] {
  const steps: string[] = [];
  lessons.forEach((lesson, i) => {
    if (lesson.state === "completed") return;
    const n = i + 1;
    if (!lesson.reachedEnd) steps.push(t.learn.missingEnd(n));
    if (lesson.quizTotal > 0 && lesson.score < passMark) steps.push(t.learn.missingQuiz(n, passMark, lesson.quizPassed > 0 ? lesson.score : null));
  });
  return steps;
}

/** Whole-number percentage, never above 100 even if a lesson was removed after being completed. */
export function percent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, Math.floor((100 * Math.min(done, total)) / total));
}
