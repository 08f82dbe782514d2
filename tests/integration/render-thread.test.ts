import { gunzipSync } from "node:zlib";
import { type AppLoadContext, createRequestHandler, type ServerBuild } from "@remix-run/node";
import { Outlet, Scripts, useLoaderData } from "@remix-run/react";
import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { LessonHtml } from "../../app/components/lesson-html";
import * as entry from "../../app/entry.server";
import { takeDocumentBody } from "../../app/lib/document-body.server";
import { t } from "../../app/lib/messages";
import { runInRequestScope } from "../../app/lib/request-scope.server";
import { type RenderJob, renderJob } from "../../app/lib/render-document.server";
import type { RenderThread } from "../../app/lib/render-thread.server";
import { fakeBuild } from "../support/fake-build";

/**
 * A page rendered on the render thread must be the page the main thread would have rendered, byte
 * for byte: the browser hydrates it against the same data either way. Here the "thread" runs the
 * thread's own code (renderJob) in-process on a structured clone of the job, the copy postMessage
 * makes, so the test sees exactly what crosses between the threads.
 */

function Lesson() {
  const data = useLoaderData<typeof lessonLoader>();
  return h(
    "article",
    null,
    h("h1", null, data.title),
    // `t` speaks the request's language on either thread.
    h("p", null, t.site.name),
    h("p", null, `第 ${data.number} 课，更新于 ${data.updated.toISOString()}`),
    h("ul", null, ...[...data.states].map(([quiz, state]) => h("li", { key: quiz }, `${quiz}：${state}`))),
    h(LessonHtml, { id: "lesson-part-0", html: null }),
  );
}

function lessonLoader({ context }: { context: AppLoadContext }) {
  // Long enough to be gzipped (documents under 1 KB go as they are).
  context.documentHtml?.set("lesson-part-0", "<p>业主大会决定：双过半。</p>".repeat(60));
  return { title: "业主大会如何表决", number: 3, updated: new Date("2026-11-30T08:00:00Z"), states: new Map([["q1", "已答对"], ["q2", null]]), gone: undefined };
}

const routes = {
  "routes/lesson": { path: "lesson", module: { default: Lesson, loader: lessonLoader } },
  "routes/missing": {
    path: "missing",
    module: {
      default: () => h("p", null, "不会显示"),
      loader: () => {
        throw new Response("没有这一课", { status: 404 });
      },
      ErrorBoundary: () => h("p", null, "找不到这一课"),
    },
  },
};

const base = fakeBuild(entry, routes);
const manifestRoute = (id: string, path: string, parentId?: string) => ({
  id,
  path,
  parentId,
  module: `/build/${id}.js`,
  hasLoader: true,
  hasAction: false,
  hasClientAction: false,
  hasClientLoader: false,
  hasErrorBoundary: id !== "root",
});
const build: ServerBuild = {
  ...base,
  routes: {
    ...base.routes,
    root: {
      id: "root",
      path: "",
      module: {
        default: () => h("html", { lang: "zh-CN" }, h("body", null, h(Outlet), h(Scripts, { nonce: "nonce-for-test" }))),
        loader: () => ({ site: "三方学院" }),
      },
    },
  } as ServerBuild["routes"],
  assets: {
    ...base.assets,
    routes: {
      root: manifestRoute("root", ""),
      "routes/lesson": manifestRoute("routes/lesson", "lesson", "root"),
      "routes/missing": manifestRoute("routes/missing", "missing", "root"),
    },
  } as ServerBuild["assets"],
};
const handle = createRequestHandler(build, "production");

/** A stand-in for render-thread.server.ts: the thread's code, on what postMessage would deliver. */
function inProcessThread(answer: "render" | "unavailable" = "render") {
  const jobs: RenderJob[] = [];
  const thread: RenderThread = {
    async render(job) {
      jobs.push(job);
      return answer === "render" ? renderJob(build, structuredClone(job)) : null;
    },
    async close() {},
  };
  return { thread, jobs };
}

async function load(path: string, renderThread: RenderThread | null, locale: "zh" | "en" = "zh") {
  const request = new Request(`http://academy.test${path}`, { headers: { "Accept-Encoding": "gzip" } });
  const context = { cspNonce: "nonce-for-test", documentHtml: new Map<string, string>(), renderThread } as unknown as AppLoadContext;
  const response = await runInRequestScope({ locale }, () => handle(request, context));
  const body = Buffer.from(takeDocumentBody(response)!);
  expect(Number(response.headers.get("Content-Length"))).toBe(body.length);
  const html = response.headers.get("Content-Encoding") === "gzip" ? gunzipSync(body).toString() : body.toString();
  return { status: response.status, html, encoding: response.headers.get("Content-Encoding") };
}

describe("documents rendered on the render thread", () => {
  it("are the same bytes the main thread renders, gzipped, with the lesson's HTML and the data for hydration", async () => {
    const here = await load("/lesson", null);
    const { thread, jobs } = inProcessThread();
    const there = await load("/lesson", thread);
    expect(jobs).toHaveLength(1);
    expect(there.status).toBe(200);
    expect(there.encoding).toBe("gzip");
    expect(there.html).toBe(here.html);
    // What the page must hold either way: the loader's data rendered, the lesson's HTML, the nonce'd data script.
    expect(there.html).toContain("第 3 课，更新于 2026-11-30T08:00:00.000Z");
    expect(there.html).toContain("q1：已答对");
    expect(there.html).toContain("<p>三方学院</p>");
    expect(there.html).toContain("<p>业主大会决定：双过半。</p>");
    expect(there.html).toMatch(/<script nonce="nonce-for-test">[^<]*业主大会如何表决/);
  });

  it("speak the reader's language, as the main thread would", async () => {
    const here = await load("/lesson", null, "en");
    const there = await load("/lesson", inProcessThread().thread, "en");
    expect(there.html).toContain("<p>Three-Party Academy</p>");
    expect(there.html).toBe(here.html);
  });

  it("leave error pages to the main thread, which renders the boundary with the right status", async () => {
    const { thread, jobs } = inProcessThread();
    const page = await load("/missing", thread);
    expect(jobs).toHaveLength(0);
    expect(page.status).toBe(404);
    expect(page.html).toContain("找不到这一课");
  });

  it("are rendered on the main thread when the render thread cannot take them", async () => {
    const here = await load("/lesson", null);
    const { thread, jobs } = inProcessThread("unavailable");
    const fallback = await load("/lesson", thread);
    expect(jobs).toHaveLength(1);
    expect(fallback.status).toBe(200);
    expect(fallback.html).toBe(here.html);
  });
});
