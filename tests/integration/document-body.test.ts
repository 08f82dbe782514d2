import { describe, expect, it } from "vitest";
import { documentResponse } from "../../app/lib/document-body.server";
import { fakeBuild, serveBuild } from "../support/fake-build";

/**
 * A rendered page travels beside its Response, not in it (document-body.server.ts): whatever
 * Remix or our handler does with the Response, the browser must still get the whole page once,
 * with its status and headers, and nothing where HTTP wants nothing.
 */

const page = (status: number) => `<!DOCTYPE html><html><body><h1>页面 ${status}</h1>${"<p>课时内容</p>".repeat(2000)}</body></html>`;

const server = serveBuild(
  fakeBuild(
    {
      default: (_request: Request, status: number, headers: Headers) => {
        const bytes = Buffer.from(page(status));
        headers.set("Content-Type", "text/html; charset=utf-8");
        headers.set("Content-Length", String(bytes.length));
        headers.append("Set-Cookie", "a=1; Path=/");
        headers.append("Set-Cookie", "b=2; Path=/");
        return documentResponse(bytes, { status, headers });
      },
    },
    { "routes/page": { path: "page", module: { default: () => null } } },
  ),
);

describe("a rendered page", () => {
  it("arrives whole, with its status, length and every header the render set", async () => {
    const response = await fetch(`${server.url()}/page`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toBe(page(200));
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });

  it("keeps the status of an error page (a 404 rendered by the error boundary)", async () => {
    const response = await fetch(`${server.url()}/no-such-page`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(page(404));
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await fetch(`${server.url()}/page`, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
  });

  it("is replaced by the short Chinese page when a form posts to a page with no action", async () => {
    const response = await fetch(`${server.url()}/page`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(response.status).toBe(405);
    expect(await response.text()).toContain("<!doctype html>");
  });
});
