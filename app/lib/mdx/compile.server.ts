import { createHash } from "node:crypto";
import type { Plugin as EsbuildPlugin } from "esbuild";
import type { Root } from "mdast";
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { bundleMDX } from "mdx-bundler";
import remarkGfm from "remark-gfm";
import remarkMdx from "remark-mdx";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { parseDocument } from "yaml";
import { z } from "zod";
import { type AnalyzeOptions, analyzeLesson, type ExtractedQuiz, type LawRef, type LessonProblem } from "./analyze.server";
import { precheckLesson } from "./precheck";
import { MAX_LESSON_BYTES } from "./vocabulary";

/**
 * The lesson compiler: the one entry point every path uses (content sync, content:check, the web
 * editor). Lessons are untrusted, so compiling happens in two passes:
 *  1. parse and analyse the MDX ourselves — every broken rule is reported with line:column, and
 *     nothing is bundled if there is any;
 *  2. bundle with mdx-bundler, with the same guard as the first remark plugin (defence in depth),
 *     quiz answers and explanations stripped, and an esbuild plugin that resolves nothing but React.
 * Front matter is parsed here as YAML and never reaches gray-matter (which would eval `---js`).
 */

export const COMPILER_VERSION = "1";

export const LessonFrontmatter = z.object({
  title: z.string({ error: "缺少 title（课的标题）" }).trim().min(1, "title 不能为空").max(60, "title 不能超过 60 个字"),
  minutes: z
    .number({ error: "minutes（预计学习分钟数）应为数字" })
    .int("minutes 应为整数")
    .min(1, "minutes 至少为 1")
    .max(240, "minutes 不能超过 240"),
});
export type LessonFrontmatter = z.output<typeof LessonFrontmatter>;

export interface CompiledLesson {
  ok: true;
  frontmatter: LessonFrontmatter;
  code: string;
  quizzes: ExtractedQuiz[];
  lawRefs: LawRef[];
  plainText: string;
}

export type CompileResult = CompiledLesson | { ok: false; problems: LessonProblem[] };

export interface CompileOptions extends AnalyzeOptions {}

/** Content hash for "unchanged lessons are not recompiled": source, compiler and law library. */
export function lessonHash(source: string, lawLibraryHash: string): string {
  return createHash("sha256").update(`${COMPILER_VERSION}\0${lawLibraryHash}\0${source}`).digest("hex");
}

export async function compileLesson(source: string, options: CompileOptions): Promise<CompileResult> {
  if (Buffer.byteLength(source, "utf8") > MAX_LESSON_BYTES) {
    return fail(1, 1, "课文超过 1 MB，请拆成几课");
  }
  const split = splitFrontmatter(source);
  if (!split.ok) return { ok: false, problems: split.problems };
  const tooComplex = precheckLesson(split.body);
  if (tooComplex.length > 0) return { ok: false, problems: tooComplex };

  let tree: Root;
  try {
    tree = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).parse(split.body) as Root;
  } catch (error) {
    return { ok: false, problems: [parseProblem(error)] };
  }

  let analysis: ReturnType<typeof analyzeLesson>;
  try {
    analysis = analyzeLesson(tree, options);
  } catch (error) {
    if (error instanceof RangeError) return fail(1, 1, "内容嵌套层级过深，无法处理，请简化结构");
    throw error;
  }
  if (analysis.problems.length > 0) return { ok: false, problems: sortProblems(analysis.problems) };

  try {
    const { code } = await bundleMDX({
      source: split.body,
      // gray-matter only runs on a leading `---`, which the blanked front matter no longer has;
      // its code-evaluating engines are removed all the same.
      grayMatterOptions: (o) => ({ ...o, engines: refusingEngines }),
      mdxOptions(mdx) {
        mdx.remarkPlugins = [[guardPlugin, options], stripAnswersPlugin, remarkGfm];
        mdx.rehypePlugins = [];
        return mdx;
      },
      esbuildOptions(esbuild) {
        esbuild.plugins = [resolveOnlyReact, ...(esbuild.plugins ?? [])];
        esbuild.minify = true;
        esbuild.target = "es2020";
        esbuild.charset = "utf8"; // Chinese stays Chinese: a third of the size of \uXXXX escapes
        return esbuild;
      },
    });
    return { ok: true, frontmatter: split.frontmatter, code, ...analysis };
  } catch (error) {
    return { ok: false, problems: [bundleProblem(error)] };
  }
}

type Split = { ok: true; frontmatter: LessonFrontmatter; body: string } | { ok: false; problems: LessonProblem[] };

/** Reads the YAML front matter and blanks it out of the body, keeping every line number intact. */
export function splitFrontmatter(source: string): Split {
  const text = source.replace(/^\uFEFF/, "");
  const match = /^---([^\n\r]*)\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) {
    if (/^---/.test(text)) return { ok: false, problems: [{ line: 1, column: 1, message: "开头的 --- 标题区没有用 --- 结束" }] };
    return { ok: false, problems: [{ line: 1, column: 1, message: "课文要以 --- 标题区开头，写明 title（标题）和 minutes（分钟数）" }] };
  }
  const language = (match[1] ?? "").trim();
  if (language !== "" && language.toLowerCase() !== "yaml") {
    return { ok: false, problems: [{ line: 1, column: 4, message: `标题区只能用 YAML 格式，不能用“${language.slice(0, 20)}”` }] };
  }
  const yamlText = match[2] ?? "";
  const doc = parseDocument(yamlText, { prettyErrors: false, merge: false, uniqueKeys: true, customTags: [] });
  const lineOf = (offset: number) => yamlText.slice(0, offset).split("\n").length + 1;
  if (doc.errors.length > 0) {
    return { ok: false, problems: doc.errors.map((e) => ({ line: lineOf(e.pos[0]), column: 1, message: "标题区的 YAML 格式有误" })) };
  }
  const parsed = LessonFrontmatter.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => {
        const key = issue.path[0];
        const node = typeof key === "string" ? (doc.get(key, true) as { range?: [number] } | undefined) : undefined;
        return { line: node?.range ? lineOf(node.range[0]) : 1, column: 1, message: issue.message };
      }),
    };
  }
  const blanked = "\n".repeat(match[0].split("\n").length - (match[0].endsWith("\n") ? 1 : 0));
  return { ok: true, frontmatter: parsed.data, body: blanked + text.slice(match[0].length) };
}

const refuse = () => {
  throw new Error("front matter must be YAML");
};
const refusingEngines = { js: refuse, javascript: refuse, coffee: refuse, coffeescript: refuse, cson: refuse, toml: refuse };

/** The same analysis, inside the bundler: a lesson that somehow got here unchecked still fails. */
function guardPlugin(options: AnalyzeOptions) {
  return (tree: Root, file: { fail: (reason: string, place?: unknown) => never }) => {
    const { problems } = analyzeLesson(tree, options);
    const first = problems[0];
    if (first) file.fail(first.message, { line: first.line, column: first.column });
  };
}

/** Removes what would reveal answers: `correct` flags and explanations. Adds option numbers. */
function stripAnswersPlugin() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== "mdxJsxFlowElement" && node.type !== "mdxJsxTextElement") return;
      const element = node as MdxJsxFlowElement | MdxJsxTextElement;
      if (element.name !== "Quiz") return;
      let option = 0;
      let correct = 0;
      const keep = (child: (typeof element.children)[number]): boolean => {
        if (child.type === "paragraph") {
          child.children = child.children.filter((c) => keep(c as (typeof element.children)[number])) as typeof child.children;
          return child.children.length > 0;
        }
        if (child.type !== "mdxJsxFlowElement" && child.type !== "mdxJsxTextElement") return true;
        if (child.name === "Explanation") return false;
        if (child.name === "Option") {
          if (child.attributes.some((a) => a.type === "mdxJsxAttribute" && a.name === "correct")) correct++;
          child.attributes = [{ type: "mdxJsxAttribute", name: "value", value: String(option++) } satisfies MdxJsxAttribute];
        }
        return true;
      };
      element.children = element.children.filter(keep) as typeof element.children;
      element.attributes = element.attributes.filter((a) => a.type === "mdxJsxAttribute" && a.name === "id");
      if (correct > 1) element.attributes.push({ type: "mdxJsxAttribute", name: "multiple", value: null });
    });
  };
}

const ALLOWED_MODULES = new Set(["react", "react-dom", "react/jsx-runtime", "react/jsx-dev-runtime"]);

/** esbuild may resolve the lesson itself and React — nothing from disk, nothing from node_modules. */
const resolveOnlyReact: EsbuildPlugin = {
  name: "lesson-resolve-only-react",
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === "entry-point" || ALLOWED_MODULES.has(args.path)) return undefined;
      return { errors: [{ text: `不允许引用模块 ${args.path.slice(0, 60)}` }] };
    });
  },
};

function parseProblem(error: unknown): LessonProblem {
  if (error instanceof RangeError) return { line: 1, column: 1, message: "内容嵌套层级过深，无法处理，请简化结构" };
  const e = error as { line?: number; column?: number; ruleId?: string; source?: string; reason?: string; message?: string };
  const reason = e.reason ?? e.message ?? "";
  let message = "课文格式有误，无法解析";
  if (e.source?.includes("mdx-expression") || /expression|brace|acorn/i.test(reason)) {
    message = "花括号 { } 有误：课文中不能使用 JavaScript 表达式；正文里要写花括号，请改用全角｛｝";
  } else if (e.ruleId === "end-tag-mismatch" || /closing tag|end tag/i.test(reason)) {
    message = "标签没有正确闭合：每个 <组件> 都要有对应的 </组件>，或写成 <组件 />";
  } else if (e.source?.includes("mdx-jsx") || /character|tag|name/i.test(reason)) {
    message = "尖括号 < > 有误：组件要写成 <组件名 属性=\"值\">；正文里要写小于号请用全角＜或“小于”";
  } else if (/import|export/i.test(reason)) {
    message = "不允许使用 import 或 export";
  }
  // Some parser messages carry their place only in the text: "… (3:1-3:10)".
  const place = /\((\d+):(\d+)-\d+:\d+\)/.exec(reason);
  return { line: e.line ?? Number(place?.[1] ?? 1), column: e.column ?? Number(place?.[2] ?? 1), message };
}

function bundleProblem(error: unknown): LessonProblem {
  // A guard failure inside the bundler arrives wrapped by esbuild: errors[0].detail is the VFileMessage.
  const detail = (error as { errors?: { detail?: unknown; text?: string }[] })?.errors?.[0];
  const message = detail?.detail as { line?: number; column?: number; reason?: string; cause?: { line?: number; column?: number; reason?: string } } | undefined;
  const inner = message?.cause ?? message;
  if (inner?.line) return { line: inner.line, column: inner.column ?? 1, message: inner.reason ?? "课文无法编译" };
  return { line: 1, column: 1, message: detail?.text?.startsWith("不允许") ? detail.text : "课文无法编译，请检查格式" };
}

function fail(line: number, column: number, message: string): CompileResult {
  return { ok: false, problems: [{ line, column, message }] };
}

function sortProblems(problems: LessonProblem[]): LessonProblem[] {
  return [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
}
