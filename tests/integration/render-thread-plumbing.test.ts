import { afterAll, describe, expect, it, vi } from "vitest";
import type { RenderJob } from "../../app/lib/render-document.server";
import { startRenderThread } from "../../app/lib/render-thread.server";

/**
 * The render thread itself (render-thread.server.ts) on a stand-in build: a page comes back whole,
 * and whenever the thread cannot render one (not started, a render that throws, data postMessage
 * refuses, a thread that died) `render` answers null, so the main thread renders the page.
 */

const warn = vi.fn();
const thread = startRenderThread(new URL("../fixtures/render-thread/build.mjs", import.meta.url).pathname, { warn });
afterAll(() => thread.close());

const job = (path: string, extra: Partial<RenderJob> = {}) => ({ url: `http://academy.test${path}`, locale: "zh", ...extra }) as RenderJob;
const text = (result: { body: Uint8Array } | null) => (result ? Buffer.from(result.body).toString() : null);

async function untilReady() {
  for (let i = 0; i < 100; i++) {
    const result = await thread.render(job("/ready"));
    if (result) return result;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("the render thread did not start within 5 s");
}

describe("the render thread", () => {
  it("answers null until it has loaded the build, then renders pages", async () => {
    expect(await thread.render(job("/early"))).toBeNull();
    expect(text(await untilReady())).toBe("rendered /ready in zh");
    const pages = await Promise.all(["/a", "/b", "/c"].map((p) => thread.render(job(p, { locale: "en" }))));
    expect(pages.map(text)).toEqual(["rendered /a in en", "rendered /b in en", "rendered /c in en"]);
  });

  it("answers null for a render that throws, and for data that cannot cross to the thread, and says so", async () => {
    await untilReady();
    expect(await thread.render(job("/throws"))).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("组件渲染失败"));
    // postMessage refuses functions: this page renders on the main thread.
    expect(await thread.render(job("/function", { loaderData: { f: () => 1 } }))).toBeNull();
    expect(text(await thread.render(job("/after")))).toBe("rendered /after in zh");
  });

  it("answers null for the pages it had when it died, and comes back", async () => {
    await untilReady();
    const [crashed, queued] = await Promise.all([thread.render(job("/crashes")), thread.render(job("/queued"))]);
    expect(crashed).toBeNull();
    expect(queued).toBeNull();
    expect(await thread.render(job("/while-restarting"))).toBeNull();
    expect(text(await untilReady())).toBe("rendered /ready in zh");
  });
});
