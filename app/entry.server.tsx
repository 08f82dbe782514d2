import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { isDatabaseUnavailable } from "../db/errors";
import { documentResponse } from "./lib/document-body.server";
import { acceptsGzip, encodedDocument, labelEncoding } from "./lib/document-encoding.server";
import { renderDocument, renderJob, renderJobFor, settleHandoffData } from "./lib/render-document.server";
import { requestScope, speakRequestLocale } from "./lib/request-scope.server";

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
 *
 * A plain page goes to the render thread when server.ts started one (loadContext.renderThread),
 * which renders the same markup off the main thread; anything else, or a page the thread cannot
 * take, renders here.
 */
export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  const documentHtml = loadContext.documentHtml ?? null;
  // A loader that failed because the database is down is a 503 (try again soon), not a 500 (a bug).
  // Remix hides the original errors from this function in production; handleError saw them.
  if (responseStatusCode === 500 && databaseDown.has(request)) responseStatusCode = 503;
  const handoffData = await settleHandoffData(remixContext);
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  const respond = (body: Uint8Array) => documentResponse(body, { headers: responseHeaders, status: responseStatusCode });

  const thread = loadContext.renderThread;
  const job =
    thread &&
    renderJobFor(remixContext, responseStatusCode, request, {
      nonce,
      locale: requestScope()?.locale ?? "zh",
      acceptsGzip: acceptsGzip(request.headers.get("Accept-Encoding")),
      documentHtml,
      handoffData,
    });
  const rendered = thread && job ? await thread.render(job) : null;
  if (rendered) return respond(labelEncoding(responseHeaders, rendered.body, rendered.gzipped));

  // A render error throws from here; Remix renders the error boundary with a second call.
  const document = renderDocument(remixContext, request.url, nonce, documentHtml);
  return respond(await encodedDocument(document, request, responseHeaders));
}

/** The render thread's entry point (render-thread.worker.mjs), in the build so it renders with the app's own modules. */
export const renderOffThread = renderJob;

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
