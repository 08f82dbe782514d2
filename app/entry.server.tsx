import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { isDatabaseUnavailable } from "../db/errors";
import { DocumentHtmlProvider } from "./components/lesson-html";
import { NonceProvider } from "./components/nonce";
import { documentResponse } from "./lib/document-body.server";
import { encodedDocument } from "./lib/document-encoding.server";
import { speakRequestLocale } from "./lib/request-scope.server";

// `t` in loaders, actions and the render speaks the language of the request (see the module).
speakRequestLocale();

/**
 * The document, rendered in one synchronous pass and sent as one piece (docs/decisions/009).
 *
 * Loaders have all run before this is called and no page defers data, so there is nothing to
 * stream: the page's data is read to its end first (settleHandoffData) and `renderToString` renders
 * the whole document at once. The streaming renderer did the same work plus encoding every piece of
 * markup into 2 KB byte buffers and passing each through a stream, about a tenth of a lesson view;
 * renderToString builds one string, turned into bytes once. It also cannot leave the stray NUL bytes
 * React 18's streaming encoder wrote when a Chinese character straddled two buffers
 * (facebook/react#26228).
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  // A loader that failed because the database is down is a 503 (try again soon), not a 500 (a bug).
  // Remix hides the original errors from this function in production; handleError saw them.
  if (responseStatusCode === 500 && databaseDown.has(request)) responseStatusCode = 503;
  await settleHandoffData(remixContext);
  // A render error throws from here; Remix renders the error boundary with a second call.
  const markup = renderToString(
    <NonceProvider value={nonce}>
      <DocumentHtmlProvider value={loadContext.documentHtml ?? null}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </DocumentHtmlProvider>
    </NonceProvider>,
  );
  const document = Buffer.from(`<!DOCTYPE html>${markup}`);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return documentResponse(await encodedDocument(document, request, responseHeaders), { headers: responseHeaders, status: responseStatusCode });
}

/**
 * Reads the page's serialised data (single fetch's turbo-stream) to its end and hands it to
 * Remix's <StreamTransfer> through `renderMeta.streamCache`, the cache that component keeps of
 * what it has read (part of Remix's EntryContext type). With every read already settled nothing
 * suspends, and the page carries the same two scripts as before: the data, then `close()`.
 */
async function settleHandoffData(context: EntryContext) {
  const stream = context.serverHandoffStream;
  if (!stream || !context.renderMeta) return;
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  text += decoder.decode();
  // RemixServer takes its own reader of the (now finished) stream.
  reader.releaseLock();
  const settled = (result: { done: boolean; value: string }) => Object.assign(Promise.resolve(), { result });
  context.renderMeta.streamCache = { 0: settled({ done: false, value: text }), 1: settled({ done: true, value: "" }) };
}

const databaseDown = new WeakSet<Request>();

export const handleError: HandleErrorFunction = (error, { request }) => {
  // Aborted requests (the user navigated away) are not errors worth logging.
  if (request.signal.aborted) return;
  if (isDatabaseUnavailable(error)) {
    databaseDown.add(request);
    console.error(`数据库不可用：${(error as Error).message}`);
  } else {
    console.error(error);
  }
};
