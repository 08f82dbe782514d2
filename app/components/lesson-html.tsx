import { createContext, useContext, useState } from "react";

/**
 * A lesson's rendered HTML, sent once. A lesson page is mostly the lesson's own HTML, and Remix
 * would send it twice in a document: rendered, and again inside the page's data for hydration
 * (a third of the document's bytes, and of the server's time encoding it). For a document the
 * loader leaves it out of the data (`html: null`) and hands it to the server render through the
 * load context and this React context; the browser, hydrating, takes it from the page it already
 * has. Data requests (moving to the next lesson) carry the HTML as usual.
 */
const DocumentHtml = createContext<ReadonlyMap<string, string> | null>(null);
export const DocumentHtmlProvider = DocumentHtml.Provider;

export function LessonHtml({ id, html }: { id: string; html: string | null }) {
  const fromServer = useContext(DocumentHtml);
  // On the first render in the browser, `html` is null only when the server rendered this very
  // element into the page: its markup is there to keep (React does not rewrite it when hydrating).
  const [fromPage] = useState(() => (html === null && typeof document !== "undefined" ? (document.getElementById(id)?.innerHTML ?? "") : ""));
  return <div id={id} dangerouslySetInnerHTML={{ __html: html ?? fromServer?.get(id) ?? fromPage }} />;
}
