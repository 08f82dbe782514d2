/**
 * The web editor writes a lesson as three fields (title, minutes, body); the stored source is the
 * same MDX a file in content/ holds, with the front matter composed here. Problems the compiler
 * reports by source line are moved back onto the body's own line numbers (or onto the fields).
 */

/** Lines the composed front matter takes: ---, title, minutes, ---. */
export const HEADER_LINES = 4;

export function composeLessonSource(title: string, minutes: number, body: string): string {
  // JSON strings are valid YAML double-quoted scalars: any title is written safely.
  return `---\ntitle: ${JSON.stringify(title)}\nminutes: ${minutes}\n---\n${body}`;
}

/** The body of a stored source, for the editor: everything after the front matter. */
export function lessonBody(source: string): string {
  const match = /^\uFEFF?---[^\n]*\n[\s\S]*?\n---[ \t]*(?:\r?\n|$)/.exec(source);
  return match ? source.slice(match[0].length) : source;
}

export interface EditorProblem {
  /** Line and column in the body as the editor shows it; field problems have line 0. */
  line: number;
  column: number;
  message: string;
  field?: "title" | "minutes";
}

export function problemsInBody(problems: { line: number; column: number; message: string }[]): EditorProblem[] {
  return problems.map((p) => {
    if (p.line > HEADER_LINES) return { ...p, line: p.line - HEADER_LINES };
    const field = /minutes/.test(p.message) ? "minutes" : /title/.test(p.message) ? "title" : undefined;
    return { line: 0, column: 0, message: p.message, field };
  });
}
