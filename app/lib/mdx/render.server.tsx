import { getMDXComponent } from "mdx-bundler/client/index.js";
import { Children, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as blocks from "../../components/mdx/lesson-blocks";
import type { LawLibrary } from "../law.server";

/**
 * Lessons become HTML on the server, once per published version, and are kept in memory. The
 * browser never evaluates lesson code (so no 'unsafe-eval' in the CSP, and nothing an author
 * wrote can run there); the stored compiled code is evaluated here only, after the compiler's checks.
 *
 * Quizzes are cut out of the HTML: the page renders each one as a form with the learner's own
 * result (per request), between the static pieces (per version). The compiler keeps every quiz at
 * the top level of the lesson, so each cut falls between whole elements.
 */

export interface RenderedQuiz {
  key: string;
  multiple: boolean;
  questionHtml: string;
  options: { value: string; html: string }[];
}

export type LessonSegment = { type: "html"; html: string } | { type: "quiz"; quiz: RenderedQuiz };

const MAX_CACHED = 1_000;
const cache = new Map<string, LessonSegment[]>();
const SLOT = /<template data-quiz-slot="(\d+)"><\/template>/;

/**
 * A version's segments if they were rendered before. The lesson page asks this first, so a view
 * fetches the compiled code (tens of KB) only when the version is new to this process.
 */
export function cachedLesson(versionId: string, laws: LawLibrary): LessonSegment[] | undefined {
  const key = `${versionId}:${laws.hash}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Map keeps insertion order: re-inserting marks it recently used.
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** A version's segments, rendered once per version and law library. */
export function renderLesson(versionId: string, code: string, laws: LawLibrary): LessonSegment[] {
  const hit = cachedLesson(versionId, laws);
  if (hit !== undefined) return hit;
  const key = `${versionId}:${laws.hash}`;
  const segments = renderSegments(code, laws);
  cache.set(key, segments);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return segments;
}

/** Renders compiled lesson code without keeping it: the editor's preview, where every keystroke is a new text. */
export function renderSegments(code: string, laws: LawLibrary): LessonSegment[] {
  const quizzes: RenderedQuiz[] = [];
  const Component = getMDXComponent(code);
  const html = renderToStaticMarkup(
    <Component
      components={{
        Callout: blocks.Callout,
        LawArticle: blocks.makeLawArticle((law, article) => laws.getArticle(law, article)),
        Steps: blocks.Steps,
        Step: blocks.Step,
        Checklist: blocks.Checklist,
        Item: blocks.Item,
        Quiz: makeQuizSlot(quizzes),
        Question: blocks.Question,
        Option: blocks.Option,
        Figure: blocks.Figure,
        a: blocks.Link,
        table: blocks.Table,
      }}
    />,
  );
  return splitAtQuizzes(html, quizzes);
}

/** The whole lesson as one HTML string, quizzes included as plain markup: what a test reads to see everything a lesson renders. */
export function lessonPlainHtml(segments: LessonSegment[]): string {
  return segments.map((s) => (s.type === "html" ? s.html : s.quiz.questionHtml + s.quiz.options.map((o) => o.html).join(""))).join("");
}

function makeQuizSlot(quizzes: RenderedQuiz[]) {
  return function QuizSlot({ id, multiple, children }: { id: string; multiple?: boolean; children?: ReactNode }) {
    const quiz: RenderedQuiz = { key: id, multiple: Boolean(multiple), questionHtml: "", options: [] };
    collect(children, quiz);
    quizzes.push(quiz);
    return <template data-quiz-slot={String(quizzes.length - 1)} />;
  };
}

function collect(children: ReactNode, quiz: RenderedQuiz) {
  for (const child of Children.toArray(children)) {
    if (!isValidElement(child)) continue;
    const element = child as ReactElement<{ children?: ReactNode; value?: string }>;
    if (element.type === blocks.Question) quiz.questionHtml = renderToStaticMarkup(<>{element.props.children}</>);
    else if (element.type === blocks.Option) {
      quiz.options.push({ value: String(element.props.value), html: renderToStaticMarkup(<>{element.props.children}</>) });
    } else collect(element.props.children, quiz); // e.g. a paragraph MDX wrapped around inline options
  }
}

function splitAtQuizzes(html: string, quizzes: RenderedQuiz[]): LessonSegment[] {
  const segments: LessonSegment[] = [];
  let rest = html;
  for (let match = SLOT.exec(rest); match; match = SLOT.exec(rest)) {
    const before = rest.slice(0, match.index);
    if (before) segments.push({ type: "html", html: before });
    segments.push({ type: "quiz", quiz: quizzes[Number(match[1])]! });
    rest = rest.slice(match.index + match[0].length);
  }
  if (rest) segments.push({ type: "html", html: rest });
  return segments;
}
