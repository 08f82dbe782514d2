import { Worker } from "node:worker_threads";
import type { RenderedDocument, RenderJob } from "./render-document.server";

/**
 * A second thread that renders documents (docs/decisions/009, eighth pass).
 *
 * Rendering a page with React is about a third of what the main thread spends on a lesson view,
 * and the main thread is what every request waits for. The render thread has its own copy of the
 * build; the main thread runs loaders as always and posts the loaded page (a RenderJob), the
 * render thread sends back the gzipped document. Whenever it cannot (not started yet, restarting
 * after a crash, a job that does not survive postMessage, a render that throws), `render` answers
 * null and the main thread renders the page itself, so no page depends on the thread.
 */
export interface RenderThread {
  render(job: RenderJob): Promise<RenderedDocument | null>;
  close(): Promise<void>;
}

type Reply = { ready: true } | ({ id: number } & (RenderedDocument | { error: string }));

const RESTART_DELAY_MS = 1_000;
const WORKER_FILE = new URL("./render-thread.worker.mjs", import.meta.url);

export function startRenderThread(buildPath: string, log: Pick<Console, "warn"> = console): RenderThread {
  let worker: Worker | null = null;
  let ready = false;
  let closed = false;
  let nextId = 1;
  const pending = new Map<number, (result: RenderedDocument | null) => void>();
  let lastWarning = 0;
  const warn = (message: string) => {
    // A failing thread would otherwise log every page; once a minute says the same.
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    log.warn(`渲染线程：${message}（本页由主线程渲染）`);
  };

  const start = () => {
    // No TypeScript loader in the thread (the parent's --import tsx): it only runs the built app.
    const thread = new Worker(WORKER_FILE, { workerData: { buildPath }, execArgv: [] });
    // An idle render thread does not keep the process alive; the HTTP server does.
    thread.unref();
    thread.on("message", (reply: Reply) => {
      if ("ready" in reply) {
        ready = true;
        return;
      }
      const done = pending.get(reply.id);
      pending.delete(reply.id);
      if ("error" in reply) {
        warn(reply.error);
        done?.(null);
      } else {
        done?.({ body: reply.body, gzipped: reply.gzipped });
      }
    });
    thread.on("error", (error) => warn(error.message));
    thread.on("exit", () => {
      if (worker === thread) {
        worker = null;
        ready = false;
      }
      for (const done of pending.values()) done(null);
      pending.clear();
      if (!closed) setTimeout(() => !closed && !worker && start(), RESTART_DELAY_MS).unref();
    });
    worker = thread;
  };
  start();

  return {
    render(job) {
      const thread = worker;
      if (!thread || !ready) return Promise.resolve(null);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        try {
          thread.postMessage({ id, job });
        } catch (error) {
          // A value structured clone refuses (a function, a URL): this page renders here.
          pending.delete(id);
          warn((error as Error).message);
          resolve(null);
        }
      });
    },
    async close() {
      closed = true;
      await worker?.terminate();
    },
  };
}
