// The render thread (render-thread.server.ts): loads its own copy of the app's build and renders
// the pages the main thread sends it. Plain JavaScript, so the thread starts without a TypeScript
// loader; everything it runs is in the build (entry.server.tsx's renderOffThread).
import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";

const build = await import(pathToFileURL(workerData.buildPath).href);
const render = build.entry.module.renderOffThread;

parentPort.on("message", ({ id, job }) => {
  let rendered;
  try {
    rendered = render(build, job);
  } catch (error) {
    // The main thread renders the page itself, and meets (and reports) the same error there.
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    return;
  }
  // The bytes move to the main thread rather than being copied, in a buffer of their own size: a
  // Buffer is often a view of a larger one (zlib's 64 KB output chunk), and posting a view sends
  // the whole of it, which the main thread would then have to collect.
  const body = new Uint8Array(rendered.body);
  parentPort.postMessage({ id, body, gzipped: rendered.gzipped }, [body.buffer]);
});
parentPort.postMessage({ ready: true });
