import { getMDXComponent } from "mdx-bundler/client/index.js";
import { createContext, type ElementType, useContext } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import * as blocks from "../../components/mdx/lesson-blocks";
import * as print from "../../components/mdx/print-blocks";
import type { LawLibrary } from "../law.server";

/**
 * A lesson as a 明白纸: the parts a resident keeps on paper — the rule boxes, steps, checklists and
 * cited articles, under the headings of the sections they sit in — rendered from the same stored
 * code as the lesson page, with the prose between them, figures and quizzes left out.
 *
 * The selection happens while rendering, not afterwards on HTML: every element at the top level of
 * the lesson passes through `top()`, which knows what it is (a heading, a block, a paragraph). A
 * kept element renders whole, its contents included, so a paragraph inside a rule box stays while
 * a paragraph between boxes goes. Whether a heading stays depends on what follows it, so the lesson
 * is rendered twice: the first pass only lists the top-level elements in order, the second renders
 * the ones the plan keeps (a render is a few ms, and the result is kept per version).
 */

export type Kind = { kind: "heading"; level: number } | { kind: "block" } | { kind: "paragraph" } | { kind: "other" } | { kind: "never" };

interface Pass {
  seen: Kind[];
  keep: boolean[] | null; // null during the first pass
}

const PassContext = createContext<Pass | null>(null);
/** True inside a kept element: everything there renders as written. */
const Kept = createContext(false);

/** Paragraphs a lesson with no blocks at all shows instead, so a sheet is never empty. */
const FALLBACK_PARAGRAPHS = 3;

// MDX hands each element the props it was written with; they pass through untouched.
function top(kind: Kind, Render: ElementType) {
  return function TopLevel(props: any) {
    const inside = useContext(Kept);
    const pass = useContext(PassContext)!;
    if (inside) return kind.kind === "never" ? null : <Render {...props} />;
    const index = pass.seen.push(kind) - 1;
    if (!pass.keep?.[index]) return null;
    return (
      <Kept.Provider value={true}>
        <Render {...props} />
      </Kept.Provider>
    );
  };
}

const heading = (level: 1 | 2 | 3 | 4 | 5 | 6) => top({ kind: "heading", level }, `h${level}`);
const block = (Render: ElementType) => top({ kind: "block" }, Render);
const other = (Render: ElementType) => top({ kind: "other" }, Render);
const never = () => top({ kind: "never" }, () => null);

/** Which top-level elements the sheet keeps. Exported for its unit test. */
export function plan(seen: Kind[]): boolean[] {
  const keep = seen.map((k) => k.kind === "block");
  if (!keep.some(Boolean)) {
    let left = FALLBACK_PARAGRAPHS;
    return seen.map((k) => k.kind === "paragraph" && left-- > 0);
  }
  // A heading stays when a kept block follows before the next heading of its rank or higher.
  seen.forEach((k, i) => {
    if (k.kind !== "heading") return;
    for (let j = i + 1; j < seen.length; j++) {
      const next = seen[j]!;
      if (next.kind === "heading" && next.level <= k.level) break;
      if (next.kind === "block") {
        keep[i] = true;
        break;
      }
    }
  });
  return keep;
}

function components(laws: LawLibrary) {
  return {
    Callout: block(print.PrintCallout),
    LawArticle: block(print.makePrintLawArticle((law, article) => laws.getArticle(law, article))),
    Steps: block(print.PrintSteps),
    Step: print.PrintStep,
    Checklist: block(print.PrintChecklist),
    Item: print.PrintItem,
    // Quizzes are for the screen (and their answers are not in the code); figures need the screen too.
    Quiz: never(),
    Question: never(),
    Option: never(),
    Figure: never(),
    img: never(),
    h1: heading(1),
    h2: heading(2),
    h3: heading(3),
    h4: heading(4),
    h5: heading(5),
    h6: heading(6),
    p: top({ kind: "paragraph" }, "p"),
    ul: other("ul"),
    ol: other("ol"),
    blockquote: other("blockquote"),
    table: other(blocks.Table),
    pre: other("pre"),
    hr: other("hr"),
    section: other("section"), // GFM footnotes
    a: blocks.Link,
  };
}

/** The sheet's HTML for compiled lesson code. */
export function renderPrintSheet(code: string, laws: LawLibrary): string {
  const Component = getMDXComponent(code);
  const map = components(laws);
  const first: Pass = { seen: [], keep: null };
  renderToStaticMarkup(
    <PassContext.Provider value={first}>
      <Component components={map} />
    </PassContext.Provider>,
  );
  const second: Pass = { seen: [], keep: plan(first.seen) };
  return renderToStaticMarkup(
    <PassContext.Provider value={second}>
      <Component components={map} />
    </PassContext.Provider>,
  );
}

const MAX_CACHED = 200;
const cache = new Map<string, string>();

/** A version's sheet if this process rendered it before: then the code need not be fetched. */
export function cachedPrintSheet(versionId: string, laws: LawLibrary): string | undefined {
  return cache.get(`${versionId}:${laws.hash}`);
}

/** A version's sheet, rendered once per version and law library (published versions never change). */
export function printSheet(versionId: string, code: string, laws: LawLibrary): string {
  const key = `${versionId}:${laws.hash}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = renderPrintSheet(code, laws);
  cache.set(key, html);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return html;
}
