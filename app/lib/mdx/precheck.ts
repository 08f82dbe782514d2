import type { LessonProblem } from "./analyze.server";

/**
 * Cheap checks on the raw text before the Markdown parser sees it. The parser's time grows much
 * faster than the input for some shapes (600 levels of nested list: ~10 s; 40,000 `*` in a row:
 * more than 20 s) and cannot be interrupted, so those shapes are refused here, with a position.
 * Real lessons stay far inside these limits.
 */
export const PRECHECK_LIMITS = {
  /** Leading spaces on a line (a tab counts 4): 16 levels of nesting. */
  indent: 64,
  /** `>` quote markers at the start of a line. */
  quoteDepth: 8,
  /** Emphasis/link delimiters (`*`, `_`, `[`, `]`, `~`) in one paragraph. */
  delimitersPerParagraph: 1_000,
  /** Characters in one line. */
  lineLength: 20_000,
  /** Open <Block> tags at once (the analyser allows 40 levels of any nesting). */
  tagDepth: 40,
} as const;

export function precheckLesson(source: string): LessonProblem[] {
  const problems: LessonProblem[] = [];
  const lines = source.split("\n");
  let delimiters = 0;
  let paragraphStart = 1;
  let reportedParagraph = false;
  let tagDepth = 0;
  let inFence = false;
  for (let i = 0; i < lines.length && problems.length < 20; i++) {
    const line = lines[i] ?? "";
    const lineNo = i + 1;
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence) {
      for (const tag of line.matchAll(/<(\/?)[A-Za-z][^<>]*?(\/?)>/g)) {
        if (tag[2]) continue; // <X />
        tagDepth += tag[1] ? -1 : 1;
        if (tagDepth > PRECHECK_LIMITS.tagDepth) {
          problems.push({ line: lineNo, column: (tag.index ?? 0) + 1, message: "嵌套层级过深：组件套组件的层次太多，请简化结构" });
          return problems;
        }
      }
    }
    if (line.trim() === "") {
      delimiters = 0;
      paragraphStart = lineNo + 1;
      reportedParagraph = false;
      continue;
    }
    if (line.length > PRECHECK_LIMITS.lineLength) {
      problems.push({ line: lineNo, column: 1, message: `这一行太长（超过 ${PRECHECK_LIMITS.lineLength} 个字），请分段` });
      continue;
    }
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, "    ").length ?? 0;
    if (indent > PRECHECK_LIMITS.indent) {
      problems.push({ line: lineNo, column: 1, message: "嵌套层级过深：缩进太多，请简化列表或引用的层次" });
      continue;
    }
    const quotes = /^(?:\s{0,3}>)+/.exec(line)?.[0].split(">").length ?? 1;
    if (quotes - 1 > PRECHECK_LIMITS.quoteDepth) {
      problems.push({ line: lineNo, column: 1, message: "嵌套层级过深：引用（>）层次太多" });
      continue;
    }
    delimiters += line.match(/[*_[\]~]/g)?.length ?? 0;
    if (delimiters > PRECHECK_LIMITS.delimitersPerParagraph && !reportedParagraph) {
      problems.push({ line: paragraphStart, column: 1, message: "这一段里的 * _ [ ] ~ 符号太多，无法处理；请分段或删去多余符号" });
      reportedParagraph = true;
    }
  }
  return problems;
}
