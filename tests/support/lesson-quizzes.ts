import { readFileSync } from "node:fs";

export interface SourceQuiz {
  key: string;
  options: { text: string; correct: boolean }[];
  multiple: boolean;
}

/**
 * The quizzes of a lesson file, answers included, read from content/ the way an author wrote them
 * (one <Option> per line). Tests use it to answer right or wrong on purpose; the app never sends it.
 */
export function quizzesOf(file: string): SourceQuiz[] {
  const source = readFileSync(file, "utf8");
  return [...source.matchAll(/<Quiz id="([^"]+)">([\s\S]*?)<\/Quiz>/g)].map(([, key, body]) => {
    const options = [...body!.matchAll(/<Option( correct)?>(.*?)<\/Option>/g)].map(([, correct, text]) => ({ text: text!.trim(), correct: Boolean(correct) }));
    return { key: key!, options, multiple: options.filter((o) => o.correct).length > 1 };
  });
}
