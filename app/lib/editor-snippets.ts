/**
 * What each toolbar button of the lesson editor inserts: a ready block of the lesson vocabulary
 * (DESIGN "Lesson format"), written the way the content library writes it, with placeholder text
 * the author replaces. Every snippet compiles as it is (editor-snippets.test.ts).
 */

import { t } from "./messages";

export type SnippetKey = "callout" | "law" | "steps" | "checklist" | "quiz" | "figure";

/**
 * The toolbar's button words, one per block, in the reader's language (a view of the dictionary,
 * read when used). What the blocks insert stays Chinese: it is lesson text.
 */
export const snippetLabels: Record<SnippetKey, string> = t.authoring.snippets;

/** A quiz id not yet used in the body: quiz-1, quiz-2, … */
export function nextQuizId(body: string): string {
  const used = new Set([...body.matchAll(/<Quiz\s+id="([^"]*)"/g)].map((m) => m[1]));
  let n = 1;
  while (used.has(`quiz-${n}`)) n++;
  return `quiz-${n}`;
}

/** Quotes are the one thing an attribute value cannot hold: they become the Chinese ones. */
export function attributeText(text: string): string {
  return text.replace(/"/g, "”").replace(/[\r\n]+/g, " ").trim();
}

export function snippet(key: SnippetKey, body: string, figure?: { src: string; alt: string; caption?: string }): string {
  switch (key) {
    case "callout":
      return `<Callout type="tip" title="提示">\n\n这里写提示的内容。\n\n</Callout>`;
    case "law":
      return `<LawArticle law="民法典" article="278" />`;
    case "steps":
      return `<Steps>\n\n<Step title="第一步">\n\n这一步做什么、找谁、带什么材料。\n\n</Step>\n\n<Step title="第二步">\n\n这一步做什么。\n\n</Step>\n\n</Steps>`;
    case "checklist":
      return `<Checklist title="清单标题">\n\n<Item>第一项</Item>\n\n<Item>第二项</Item>\n\n<Item>第三项</Item>\n\n</Checklist>`;
    case "quiz":
      return `<Quiz id="${nextQuizId(body)}">\n\n<Question>题目写在这里？</Question>\n\n<Option>选项一</Option>\n\n<Option correct>选项二</Option>\n\n<Option>选项三</Option>\n\n<Explanation>\n\n解释为什么这个选项正确，最好写明依据的法条。\n\n</Explanation>\n\n</Quiz>`;
    case "figure": {
      const src = figure?.src ?? "/media/图片编号";
      const caption = figure?.caption ? ` caption="${attributeText(figure.caption)}"` : "";
      return `<Figure src="${src}" alt="${attributeText(figure?.alt ?? "图片说明")}"${caption} />`;
    }
  }
}

/**
 * Inserts a block at the cursor as a paragraph of its own (blocks must stand on their own lines,
 * with a blank line around them). Returns the new text and where the cursor goes: after the block.
 */
export function insertBlock(text: string, cursor: number, block: string): { text: string; cursor: number } {
  const at = Math.max(0, Math.min(cursor, text.length));
  // Move to the end of the current line, so a block never splits a sentence.
  const lineEnd = text.indexOf("\n", at);
  const position = lineEnd === -1 ? text.length : lineEnd;
  const before = text.slice(0, position);
  const after = text.slice(position);
  const lead = before === "" ? "" : before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  const inserted = `${lead}${block}${trail}`;
  return { text: before + inserted + after, cursor: before.length + lead.length + block.length };
}
