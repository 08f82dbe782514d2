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
    {
      "routes/page": { path: "page", module: { default: () => null } },
      // A resource route's JSON (完成本课's answer): sent whole too, not pumped through a stream.
      "routes/write": {
        path: "write",
        module: {
          action: () => {
            const headers = new Headers([["Set-Cookie", "a=1; Path=/"], ["Set-Cookie", "b=2; Path=/"]]);
            return Response.json({ ok: true, settlement: "已记录学习进度" }, { status: 201, headers });
          },
        },
      },
    },
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

describe("a JSON answer from a resource route", () => {
  it("arrives whole, with its status, length and every header", async () => {
    const response = await fetch(`${server.url()}/write`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(response.status).toBe(201);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ ok: true, settlement: "已记录学习进度" });
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(response.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
  });
});
