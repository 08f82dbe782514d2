/**
 * The lesson block vocabulary (DESIGN "Lesson format"): the only JSX a lesson may contain, with
 * the attributes each block takes. The compiler enforces it; the components render it; the web
 * editor's toolbar (later) inserts it. Anything not listed here is refused.
 */

export type AttributeKind =
  | { kind: "string"; required?: boolean; max?: number; pattern?: RegExp; oneOf?: readonly string[] }
  | { kind: "integer"; required?: boolean; min?: number; max?: number }
  | { kind: "flag" };

export interface BlockRule {
  label: string;
  attributes: Record<string, AttributeKind>;
  /** Blocks this one may appear directly in; undefined = anywhere but inside another block's fixed slots. */
  parent?: string;
  /** Self-closing only (no children). */
  empty?: boolean;
}

export const calloutTypes = ["tip", "warning", "note", "law"] as const;

export const vocabulary: Record<string, BlockRule> = {
  Callout: {
    label: "提示框",
    attributes: {
      type: { kind: "string", oneOf: calloutTypes },
      title: { kind: "string", max: 60 },
    },
  },
  LawArticle: {
    label: "法条",
    empty: true,
    attributes: {
      law: { kind: "string", required: true, max: 60 },
      article: { kind: "integer", required: true, min: 1, max: 9999 },
    },
  },
  Steps: { label: "步骤", attributes: {} },
  Step: { label: "步骤中的一步", parent: "Steps", attributes: { title: { kind: "string", required: true, max: 60 } } },
  Checklist: { label: "清单", attributes: { title: { kind: "string", max: 60 } } },
  Item: { label: "清单中的一项", parent: "Checklist", attributes: {} },
  Quiz: {
    label: "测验",
    attributes: { id: { kind: "string", required: true, max: 40, pattern: /^[a-z0-9][a-z0-9-]*$/ } },
  },
  Question: { label: "题目", parent: "Quiz", attributes: {} },
  Option: { label: "选项", parent: "Quiz", attributes: { correct: { kind: "flag" } } },
  Explanation: { label: "解析", parent: "Quiz", attributes: {} },
  Figure: {
    label: "图片",
    empty: true,
    attributes: {
      src: { kind: "string", required: true, max: 300, pattern: /^\/media\/[A-Za-z0-9._\-/]+$/ },
      alt: { kind: "string", required: true, max: 200 },
      caption: { kind: "string", max: 200 },
    },
  },
};

export const QUIZ_LIMITS = { minOptions: 2, maxOptions: 6 } as const;
/** Blocks nested deeper than this are refused (and keep the renderer's stack shallow). */
export const MAX_DEPTH = 40;
export const MAX_LESSON_BYTES = 1024 * 1024;

/** Links and images: http(s), site-relative, in-page anchors, or the media store. */
export function isAllowedUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === "") return false;
  if (/^https?:\/\//i.test(trimmed)) return true;
  if (trimmed.startsWith("//")) return false; // protocol-relative: another host
  // No scheme at all (a colon before any / ? #) means relative; `javascript:` and friends have one.
  const beforePath = trimmed.split(/[/?#]/)[0] ?? "";
  return !beforePath.includes(":") && !/[\u0000-\u001f\\]/.test(trimmed);
}
