import type { Nodes, Parent, Root, RootContent } from "mdast";
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { toString } from "mdast-util-to-string";
// Brings the MDX node types (mdxjsEsm, mdxJsx*, mdx*Expression) into mdast's node unions.
import type {} from "mdast-util-mdx";
import { isAllowedUrl, MAX_DEPTH, QUIZ_LIMITS, vocabulary } from "./vocabulary";

/**
 * Walks a parsed lesson (mdast with MDX nodes) once: reports every rule it breaks with
 * line:column and a plain-Chinese message, and extracts what the database keeps — quizzes with
 * their answers, the law articles cited, and the plain text for search.
 */

export interface LessonProblem {
  line: number;
  column: number;
  message: string;
}

export interface ExtractedQuiz {
  key: string;
  position: number;
  question: string;
  options: string[];
  correct: number[];
  multiple: boolean;
  explanation: string;
}

export interface LawRef {
  law: string;
  article: number;
}

export interface Analysis {
  problems: LessonProblem[];
  quizzes: ExtractedQuiz[];
  lawRefs: LawRef[];
  plainText: string;
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type Positioned = { position?: { start: { line: number; column: number } } | undefined };

export interface AnalyzeOptions {
  /** True when the law library has this article (unknown law/article is an error). */
  hasLawArticle: (law: string, article: number) => boolean;
}

const FORBIDDEN_ATTRIBUTE = /^(on[a-z].*|style|classname|class|ref|key|dangerouslysetinnerhtml)$/i;

export function analyzeLesson(tree: Root, options: AnalyzeOptions): Analysis {
  const problems: LessonProblem[] = [];
  const quizzes: ExtractedQuiz[] = [];
  const lawRefs = new Map<string, LawRef>();
  const quizKeys = new Set<string>();

  const report = (node: Positioned | undefined, message: string) => {
    const start = node?.position?.start ?? { line: 1, column: 1 };
    problems.push({ line: start.line, column: start.column, message });
  };

  const visit = (node: Nodes, ancestors: JsxElement[], depth: number) => {
    if (depth > MAX_DEPTH) {
      report(node, `嵌套层级过深（超过 ${MAX_DEPTH} 层），请简化结构`);
      return;
    }
    switch (node.type) {
      case "mdxjsEsm":
        report(node, "不允许使用 import 或 export：课文只能用 Markdown 和规定的组件");
        return;
      case "mdxFlowExpression":
      case "mdxTextExpression":
        if (!isEmptyComment(node.value)) report(node, "不允许使用 JavaScript 表达式（花括号 { } 里的内容）；注释请写成 {/* 注释 */}");
        return;
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        checkElement(node, ancestors, report, options, lawRefs);
        if (node.name === "Quiz") {
          // The reader renders each quiz as its own form with the learner's result, between
          // pieces of static lesson HTML: so a quiz stands on its own line, outside any block.
          if (depth !== 1 || node.type !== "mdxJsxFlowElement") report(node, "<Quiz>（测验）要单独成段，放在课文的最外层，不能放在其他组件、列表或引用里");
          const quiz = extractQuiz(node, quizzes.length, report);
          if (quiz) {
            if (quizKeys.has(quiz.key)) report(node, `测验 id "${quiz.key}" 在本课中重复了，每个测验的 id 要不同`);
            quizKeys.add(quiz.key);
            quizzes.push(quiz);
          }
        }
        for (const child of node.children) visit(child as Nodes, [...ancestors, node], depth + 1);
        return;
      case "link":
      case "image":
      case "definition":
        if (!isAllowedUrl(node.url)) report(node, `不允许的链接地址“${truncate(node.url)}”：只能用 http(s) 网址、站内地址或 /media/ 图片`);
        break;
      case "html":
        report(node, "不允许使用 HTML");
        return;
    }
    if ("children" in node) for (const child of (node as Parent).children) visit(child as Nodes, ancestors, depth + 1);
  };

  visit(tree, [], 0);
  return { problems, quizzes, lawRefs: [...lawRefs.values()], plainText: plainTextOf(tree) };
}

function checkElement(
  node: JsxElement,
  ancestors: JsxElement[],
  report: (node: Positioned | undefined, message: string) => void,
  options: AnalyzeOptions,
  lawRefs: Map<string, LawRef>,
) {
  if (!node.name) {
    report(node, "不允许使用空标签 <> </>");
    return;
  }
  const rule = vocabulary[node.name];
  if (!rule) {
    report(node, `不允许使用 <${truncate(node.name)}>：课文里只能用 ${Object.keys(vocabulary).join("、")}`);
    return;
  }
  const parent = ancestors.at(-1)?.name;
  if (rule.parent && parent !== rule.parent) {
    report(node, `<${node.name}>（${rule.label}）只能直接放在 <${rule.parent}> 里`);
  }
  if (rule.empty && node.children.some((c) => !isBlank(c))) {
    report(node, `<${node.name}> 不能包含内容，请写成 <${node.name} … />`);
  }

  const seen = new Set<string>();
  const values: Record<string, string | number | true> = {};
  for (const attribute of node.attributes) {
    const value = checkAttribute(node.name, attribute, report, node);
    if (attribute.type !== "mdxJsxAttribute") continue;
    if (seen.has(attribute.name)) report(attribute, `属性 ${attribute.name} 重复了`);
    seen.add(attribute.name);
    if (value !== undefined) values[attribute.name] = value;
  }
  for (const [name, spec] of Object.entries(rule.attributes)) {
    if ("required" in spec && spec.required && !seen.has(name)) report(node, `<${node.name}> 缺少属性 ${name}`);
  }

  if (node.name === "LawArticle" && typeof values.law === "string" && typeof values.article === "number") {
    if (!options.hasLawArticle(values.law, values.article)) {
      report(node, `找不到《${truncate(values.law)}》第 ${values.article} 条：请检查法律名称和条号`);
    } else {
      lawRefs.set(`${values.law}:${values.article}`, { law: values.law, article: values.article });
    }
  }
  if ((node.name === "Steps" || node.name === "Checklist") && blockChildren(node).every((c) => c.type !== "mdxJsxFlowElement" && c.type !== "mdxJsxTextElement")) {
    report(node, `<${node.name}> 里至少要有一个 <${node.name === "Steps" ? "Step" : "Item"}>`);
  }
  if (node.name === "Steps" || node.name === "Checklist" || node.name === "Quiz") {
    const allowed = node.name === "Steps" ? ["Step"] : node.name === "Checklist" ? ["Item"] : ["Question", "Option", "Explanation"];
    for (const child of blockChildren(node)) {
      const name = child.type === "mdxJsxFlowElement" || child.type === "mdxJsxTextElement" ? child.name : null;
      if (!name || !allowed.includes(name)) {
        report(child, `<${node.name}> 里只能放 ${allowed.map((a) => `<${a}>`).join("、")}`);
      }
    }
  }
}

/** Returns the literal value, or undefined after reporting why the attribute is refused. */
function checkAttribute(
  element: string,
  attribute: MdxJsxAttribute | MdxJsxExpressionAttribute,
  report: (node: Positioned | undefined, message: string) => void,
  node: JsxElement,
): string | number | true | undefined {
  const at = (attribute as Positioned).position ? attribute : node;
  if (attribute.type === "mdxJsxExpressionAttribute") {
    report(at, "不允许使用展开属性 {...}");
    return undefined;
  }
  const name = attribute.name;
  if (FORBIDDEN_ATTRIBUTE.test(name)) {
    report(at, `不允许使用属性 ${truncate(name)}（事件、样式和引用都不能写进课文）`);
    return undefined;
  }
  const spec = vocabulary[element]?.attributes[name];
  if (!spec) {
    const allowed = Object.keys(vocabulary[element]?.attributes ?? {});
    report(at, `<${element}> 没有属性 ${truncate(name)}${allowed.length ? `，可用的属性：${allowed.join("、")}` : ""}`);
    return undefined;
  }
  let value: string | number | boolean | null;
  if (attribute.value === null || attribute.value === undefined) value = true;
  else if (typeof attribute.value === "string") value = attribute.value;
  else {
    // {278} or {true}: allowed only as a bare number or boolean literal.
    const literal = attribute.value.value.trim();
    if (/^-?\d+(\.\d+)?$/.test(literal)) value = Number(literal);
    else if (literal === "true" || literal === "false") value = literal === "true";
    else {
      report(at, `属性 ${name} 的值只能是文字、数字或 true/false，不能是 JavaScript 表达式`);
      return undefined;
    }
  }

  if (spec.kind === "flag") {
    if (value !== true) report(at, `属性 ${name} 不需要值，直接写 ${name} 即可`);
    return value === true ? true : undefined;
  }
  if (spec.kind === "integer") {
    const number = typeof value === "string" && /^\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof number !== "number" || !Number.isInteger(number) || number < (spec.min ?? 0) || number > (spec.max ?? Infinity)) {
      report(at, `属性 ${name} 应为 ${spec.min ?? 0} 到 ${spec.max} 之间的整数`);
      return undefined;
    }
    return number;
  }
  if (typeof value !== "string") {
    report(at, `属性 ${name} 的值应为文字，用双引号括起来`);
    return undefined;
  }
  if (spec.required && value.trim() === "") report(at, `属性 ${name} 不能为空`);
  if (spec.max && value.length > spec.max) report(at, `属性 ${name} 不能超过 ${spec.max} 个字`);
  if (spec.oneOf && !spec.oneOf.includes(value)) report(at, `属性 ${name} 只能是 ${spec.oneOf.join("、")}`);
  if (spec.pattern && !spec.pattern.test(value)) {
    report(at, name === "src" ? "图片地址只能是媒体库中的 /media/… 文件" : name === "id" ? "测验 id 只能用小写英文字母、数字和连字符，如 q-quorum" : `属性 ${name} 的格式不对`);
  }
  return value;
}

function extractQuiz(node: JsxElement, position: number, report: (node: Positioned | undefined, message: string) => void): ExtractedQuiz | null {
  const key = stringAttribute(node, "id") ?? "";
  const children = blockChildren(node).filter((c): c is JsxElement => c.type === "mdxJsxFlowElement" || c.type === "mdxJsxTextElement");
  const questions = children.filter((c) => c.name === "Question");
  const options = children.filter((c) => c.name === "Option");
  const explanations = children.filter((c) => c.name === "Explanation");
  const correct = options.flatMap((o, i) => (o.attributes.some((a) => a.type === "mdxJsxAttribute" && a.name === "correct") ? [i] : []));
  if (questions.length !== 1) report(node, `每个 <Quiz> 要有且只有一个 <Question>，现在有 ${questions.length} 个`);
  if (options.length < QUIZ_LIMITS.minOptions || options.length > QUIZ_LIMITS.maxOptions) {
    report(node, `每个 <Quiz> 要有 ${QUIZ_LIMITS.minOptions}–${QUIZ_LIMITS.maxOptions} 个 <Option>，现在有 ${options.length} 个`);
  }
  if (correct.length === 0) report(node, "<Quiz> 至少要有一个正确选项：在正确的 <Option> 上写 correct");
  if (explanations.length > 1) report(node, "每个 <Quiz> 最多一个 <Explanation>");
  if (questions.length !== 1 || correct.length === 0) return null;
  return {
    key,
    position,
    question: toString(questions[0]).trim(),
    options: options.map((o) => toString(o).trim()),
    correct,
    multiple: correct.length > 1,
    explanation: explanations.map((e) => paragraphsText(e)).join("\n"),
  };
}

/** Children, looking through paragraphs that only wrap inline tags (`<Option>a</Option>` on one line). */
function blockChildren(node: JsxElement): RootContent[] {
  return (node.children as RootContent[]).flatMap((child) => {
    if (child.type === "paragraph") {
      const inner = child.children.filter((c) => !isBlank(c));
      if (inner.length > 0 && inner.every((c) => c.type === "mdxJsxTextElement")) return inner as RootContent[];
      if (inner.length === 0) return [];
    }
    return isBlank(child) ? [] : [child];
  });
}

function isBlank(node: { type: string; value?: unknown }): boolean {
  return node.type === "text" && typeof node.value === "string" && node.value.trim() === "";
}

function stringAttribute(node: JsxElement, name: string): string | undefined {
  const attribute = node.attributes.find((a): a is MdxJsxAttribute => a.type === "mdxJsxAttribute" && a.name === name);
  return typeof attribute?.value === "string" ? attribute.value : undefined;
}

function isEmptyComment(value: string): boolean {
  const trimmed = value.trim();
  return trimmed === "" || (trimmed.startsWith("/*") && trimmed.endsWith("*/") && trimmed.indexOf("*/") === trimmed.length - 2);
}

/** Searchable text: every paragraph, heading, list item and block, but not quiz explanations. */
function plainTextOf(tree: Root): string {
  const parts: string[] = [];
  const walk = (node: Nodes) => {
    if ((node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") && node.name === "Explanation") return;
    if (node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement") {
      for (const attribute of ["title", "caption", "alt"]) {
        const value = stringAttribute(node, attribute);
        if (value) parts.push(value);
      }
    }
    if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
      // A paragraph can hold inline blocks (`<Explanation>…</Explanation>` on one line): skip those.
      parts.push(
        node.children
          .filter((c) => !(c.type === "mdxJsxTextElement" && c.name === "Explanation"))
          .map((c) => toString(c))
          .join(""),
      );
      return;
    }
    if ("children" in node) for (const child of (node as Parent).children) walk(child as Nodes);
  };
  walk(tree);
  return parts.join("\n").replace(/\n{2,}/g, "\n").trim();
}

function paragraphsText(node: Nodes): string {
  const parts: string[] = [];
  const walk = (n: Nodes) => {
    if (n.type === "paragraph" || n.type === "heading" || n.type === "listItem") {
      parts.push(toString(n));
      return;
    }
    if ("children" in n) for (const child of (n as Parent).children) walk(child as Nodes);
  };
  walk(node);
  return parts.length ? parts.join("\n") : toString(node).trim();
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
