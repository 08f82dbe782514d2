import { getMDXComponent } from "mdx-bundler/client/index.js";
import { renderToStaticMarkup } from "react-dom/server";
import * as blocks from "../../components/mdx/lesson-blocks";
import type { LawLibrary } from "../law.server";

/**
 * Lessons become HTML on the server, once per published version, and are kept in memory. The
 * browser never evaluates lesson code (so no 'unsafe-eval' in the CSP, and nothing an author
 * wrote can run there); the stored compiled code is evaluated here only, after the compiler's checks.
 */

const MAX_CACHED = 1_000;
const cache = new Map<string, string>();

export function renderLessonHtml(versionId: string, code: string, laws: LawLibrary): string {
  const key = `${versionId}:${laws.hash}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Map keeps insertion order: re-inserting marks it recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
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
        Quiz: blocks.Quiz,
        Question: blocks.Question,
        Option: blocks.Option,
        Figure: blocks.Figure,
        a: blocks.Link,
        table: blocks.Table,
      }}
    />,
  );
  cache.set(key, html);
  if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  return html;
}
