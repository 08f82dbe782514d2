import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { isDatabaseUnavailable } from "../db/errors";
import { DocumentHtmlProvider } from "./components/lesson-html";
import { NonceProvider } from "./components/nonce";
import { encodedDocument } from "./lib/document-encoding.server";
import { speakRequestLocale } from "./lib/request-scope.server";

// `t` in loaders, actions and the render speaks the language of the request (see the module).
speakRequestLocale();

const ABORT_DELAY = 5_000;

export default function handleRequest(
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
  return new Promise<Response>((resolve, reject) => {
    // Cleared when the page is done: a pending timer per request would keep every rendered page in
    // memory for ABORT_DELAY and then "abort" a finished stream.
    const timer = setTimeout(() => abort(), ABORT_DELAY);
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <DocumentHtmlProvider value={loadContext.documentHtml ?? null}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </DocumentHtmlProvider>
      </NonceProvider>,
      {
        nonce,
        // Loaders have all run before rendering starts and no page defers data, so nothing arrives
        // late: the whole document is rendered, then sent as one piece (see wholeDocument).
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(
            wholeDocument((document) => {
              clearTimeout(timer);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              resolve(
                new Response(encodedDocument(document, request, responseHeaders), { headers: responseHeaders, status: responseStatusCode }),
              );
            }),
          );
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors before the shell reach onShellError and Remix's handleError; log only later ones.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
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

/**
 * The document as one chunk. React writes a page in many small pieces, and Remix flushes the
 * response after each one; behind compression every flush is a gzip block and a socket write of
 * its own (about 30 per lesson page), which cost more than rendering the page did.
 *
 * Each piece also loses trailing NUL bytes on the way: React 18's streaming renderer encodes into
 * 2 KB buffers, and when a multi-byte character (all of our Chinese text) does not fit at the end
 * of one it still flushes the whole buffer, so up to three unwritten NUL bytes would reach the page
 * (facebook/react#26228, fixed only in React 19, which Remix 2 does not support).
 */
function wholeDocument(done: (document: Buffer) => void) {
  const pieces: Uint8Array[] = [];
  const writable = new Writable({
    // No 'close' event: React listens for it to abort the render, and after a finished render that
    // abort ends the stream a second time, building (and dropping) an ERR_STREAM_ALREADY_FINISHED
    // error with its stack trace for every page: about 1 % of the server's time.
    emitClose: false,
    write(chunk: Uint8Array, _encoding, callback) {
      let end = chunk.length;
      while (end > 0 && chunk[end - 1] === 0) end--;
      pieces.push(end === chunk.length ? chunk : chunk.subarray(0, end));
      callback();
    },
  });
  writable.once("finish", () => done(Buffer.concat(pieces)));
  return writable;
}
