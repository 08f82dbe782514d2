// The adapter's own two halves (exported by its dist/server.js, not re-exported by its index):
// only the step between them is ours.
import { createRemixRequest, sendRemixResponse } from "@remix-run/express/dist/server.js";
import { type AppLoadContext, createRequestHandler as createRemixHandler, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { isDatabaseUnavailable } from "../../db/errors";
import { takeDocumentBody } from "./document-body.server";
import { t } from "./messages";
import { plainPage } from "./request-guards.server";

/**
 * @remix-run/express's request handler, plus one rule: a request that failed because the database
 * is down answers 503 (try again soon), not 500 (a bug). Pages get that status from
 * entry.server.tsx, which renders the error page with it; but for single-fetch data requests
 * (a fetcher's post) and resource routes (完成本课 without JavaScript, the 学时 heartbeat, exports)
 * Remix sets 500 itself after handleError and no entry hook sees the response, so it is changed here.
 * And a post to a page with no action answers a short Chinese page: Remix's own 405 carries its
 * English internal message ("You made a POST request to … but did not provide an `action`") in the
 * page's data. A rendered page's bytes come beside its Response (document-body.server.ts) and go
 * out in one write.
 */
export function createRequestHandler(options: {
  build: ServerBuild | (() => Promise<ServerBuild>);
  mode?: string;
  getLoadContext: (req: ExpressRequest, res: ExpressResponse) => Promise<AppLoadContext>;
}) {
  const { build, mode, getLoadContext } = options;
  const databaseDown = new WeakSet<Request>();
  const handleRequest = createRemixHandler(
    typeof build === "function" ? async () => noticeDatabaseDown(await build(), databaseDown) : noticeDatabaseDown(build, databaseDown),
    mode,
  );
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    try {
      const request = createRemixRequest(req, res);
      const response = await handleRequest(request, await getLoadContext(req, res));
      const document = takeDocumentBody(response);
      if (response.status === 500 && databaseDown.has(request)) await sendRemixResponse(res, unavailable(response));
      else if (response.status === 405) await sendRemixResponse(res, notAllowed(response));
      else if (document) sendWhole(res, response, document);
      else if (isJson(response)) sendWhole(res, response, new Uint8Array(await response.arrayBuffer()));
      else await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * A rendered page, whole in memory (document-body.server.ts), or a JSON answer (完成本课, the 学时
 * heartbeat: never streamed, a few bytes): its headers, then its bytes in one write. The adapter
 * pumps every body through a web stream reader, chunk by chunk, which for the hot write cost more
 * than the few bytes it carries.
 */
function sendWhole(res: ExpressResponse, response: Response, body: Uint8Array) {
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  res.end(body);
}

function isJson(response: Response): boolean {
  return response.body !== null && /^application\/json\b/i.test(response.headers.get("Content-Type") ?? "");
}

/** The build with its handleError (which logs) also remembering requests that met a down database. */
function noticeDatabaseDown(build: ServerBuild, databaseDown: WeakSet<Request>): ServerBuild {
  const handleError = build.entry.module.handleError;
  return {
    ...build,
    entry: {
      ...build.entry,
      module: {
        ...build.entry.module,
        handleError(error, args) {
          if (isDatabaseUnavailable(error)) databaseDown.add(args.request);
          handleError?.(error, args);
        },
      },
    },
  };
}

const RETRY_AFTER_SECONDS = "5";

function notAllowed(response: Response): Response {
  const headers = new Headers(response.headers);
  if (!headers.has("Allow")) headers.set("Allow", "GET, HEAD");
  return plainResponse(response, headers, 405, plainPage(t.errors.methodNotAllowedTitle, t.errors.methodNotAllowedBody));
}

function unavailable(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set("Retry-After", RETRY_AFTER_SECONDS);
  // A single-fetch answer carries the error for the client's error boundary: keep it.
  if (headers.get("Content-Type")?.startsWith("text/x-script")) return new Response(response.body, { status: 503, headers });
  return plainResponse(response, headers, 503, plainPage(t.errors.unavailableTitle, t.errors.unavailableBody));
}

/**
 * Remix's answer replaced by our own page, keeping its other headers. The rendered document was
 * gzipped with its length set (entry.server.tsx); the new body is neither, so both headers go
 * (the compression middleware encodes the new page if the client accepts it).
 */
function plainResponse(original: Response, headers: Headers, status: number, html: string): Response {
  void original.body?.cancel();
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.delete("Content-Length");
  headers.delete("Content-Encoding");
  return new Response(html, { status, headers });
}
