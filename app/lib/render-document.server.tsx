import { gzipSync } from "node:zlib";
import type { EntryContext, ServerBuild } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { DocumentHtmlProvider } from "../components/lesson-html";
import { NonceProvider } from "../components/nonce";
import { GZIP_OPTIONS, shouldGzip } from "./document-encoding.server";
import type { Locale } from "./messages";
import { runInRequestScope } from "./request-scope.server";

/**
 * How a page's document is rendered, on whichever thread renders it (docs/decisions/009, eighth
 * pass): entry.server.tsx renders on the main thread, or hands the page to the render thread
 * (render-thread.server.ts) as a RenderJob — plain data that survives a postMessage — and the
 * render thread rebuilds Remix's context from it and renders the same markup.
 */

/** The whole document: `<!DOCTYPE html>` and the app, rendered in one synchronous pass. */
export function renderDocument(context: EntryContext, url: string, nonce: string, documentHtml: ReadonlyMap<string, string> | null): Buffer {
  const markup = renderToString(
    <NonceProvider value={nonce}>
      <DocumentHtmlProvider value={documentHtml}>
        <RemixServer context={context} url={url} nonce={nonce} />
      </DocumentHtmlProvider>
    </NonceProvider>,
  );
  return Buffer.from(`<!DOCTYPE html>${markup}`);
}

/**
 * Reads the page's serialised data (single fetch's turbo-stream) to its end and hands it to
 * Remix's <StreamTransfer> through `renderMeta.streamCache`, the cache that component keeps of
 * what it has read (part of Remix's EntryContext type). With every read already settled nothing
 * suspends, and the page carries the same two scripts as before: the data, then `close()`.
 * Returns the data's text (null when the context has no stream).
 */
export async function settleHandoffData(context: EntryContext): Promise<string | null> {
  const stream = context.serverHandoffStream;
  if (!stream || !context.renderMeta) return null;
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
  context.renderMeta.streamCache = settledStream(text);
  return text;
}

function settledStream(text: string): NonNullable<NonNullable<EntryContext["renderMeta"]>["streamCache"]> {
  const settled = (result: { done: boolean; value: string }) => Object.assign(Promise.resolve(), { result });
  return { 0: settled({ done: false, value: text }), 1: settled({ done: true, value: "" }) };
}

/** A page the main thread has loaded, as data for the render thread (structured-clone safe). */
export interface RenderJob {
  url: string;
  nonce: string;
  locale: Locale;
  acceptsGzip: boolean;
  documentHtml: ReadonlyMap<string, string> | null;
  serverHandoffString: string | undefined;
  handoffData: string;
  basename: string | undefined;
  location: EntryContext["staticHandlerContext"]["location"];
  /** Route matches by route id: the render thread has its own copy of every route. */
  matches: { params: Record<string, string | undefined>; pathname: string; pathnameBase: string; routeId: string }[];
  loaderData: Record<string, unknown>;
}

export interface RenderedDocument {
  body: Uint8Array;
  gzipped: boolean;
}

/**
 * The job for a page the render thread can take, or null to render it here. Only a plain page
 * goes: status 200 with no errors and no action data. An error page renders where Remix can
 * render it again with the error at the right boundary, and those are rare.
 */
export function renderJobFor(
  context: EntryContext,
  status: number,
  request: Request,
  page: { nonce: string; locale: Locale; acceptsGzip: boolean; documentHtml: ReadonlyMap<string, string> | null; handoffData: string | null },
): RenderJob | null {
  const state = context.staticHandlerContext;
  if (status !== 200 || state.errors || state.actionData || page.handoffData === null || context.criticalCss) return null;
  return {
    url: request.url,
    nonce: page.nonce,
    locale: page.locale,
    acceptsGzip: page.acceptsGzip,
    documentHtml: page.documentHtml,
    serverHandoffString: context.serverHandoffString,
    handoffData: page.handoffData,
    basename: state.basename,
    location: state.location,
    matches: state.matches.map((m) => ({ params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase, routeId: m.route.id })),
    loaderData: state.loaderData,
  };
}

const routeModulesByBuild = new WeakMap<ServerBuild, EntryContext["routeModules"]>();

/** Remix's EntryContext for a job, from the render thread's own build (the same build as the main thread's). */
export function entryContextFromJob(build: ServerBuild, job: RenderJob): EntryContext {
  let routeModules = routeModulesByBuild.get(build);
  if (!routeModules) {
    // As @remix-run/server-runtime's createEntryRouteModules (not exported); one object per build,
    // so Remix's memoised route tree is built once.
    routeModules = Object.fromEntries(Object.entries(build.routes).map(([id, route]) => [id, route!.module])) as EntryContext["routeModules"];
    routeModulesByBuild.set(build, routeModules);
  }
  return {
    manifest: build.assets,
    routeModules,
    serverHandoffString: job.serverHandoffString,
    // Already read to its end on the main thread: <StreamTransfer> finds everything in the cache.
    serverHandoffStream: new ReadableStream({ start: (controller) => controller.close() }),
    renderMeta: { streamCache: settledStream(job.handoffData) },
    staticHandlerContext: {
      basename: job.basename,
      location: job.location,
      // createStaticRouter swaps in its own route objects by id.
      matches: job.matches.map(({ routeId, ...match }) => ({ ...match, route: { id: routeId } })) as EntryContext["staticHandlerContext"]["matches"],
      loaderData: job.loaderData,
      actionData: null,
      errors: null,
      statusCode: 200,
      loaderHeaders: {},
      actionHeaders: {},
      activeDeferreds: null,
    },
    future: build.future,
    isSpaMode: build.isSpaMode,
    // Only error pages serialise errors, and they never come here (renderJobFor).
    serializeError: (error) => ({ message: error.message, stack: undefined }),
  } as EntryContext;
}

/** What the render thread does with a job: the document, rendered in the request's language and gzipped. */
export function renderJob(build: ServerBuild, job: RenderJob): RenderedDocument {
  const document = runInRequestScope({ locale: job.locale }, () => renderDocument(entryContextFromJob(build, job), job.url, job.nonce, job.documentHtml));
  const gzipped = shouldGzip(document.length, job.acceptsGzip);
  return { body: gzipped ? gzipSync(document, GZIP_OPTIONS) : document, gzipped };
}
