import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptsGzip, encodedDocument } from "./document-encoding.server";

describe("acceptsGzip", () => {
  it.each([
    ["gzip, deflate, br", true],
    ["br;q=1.0, gzip;q=0.8, *;q=0.1", true],
    ["GZIP", true],
    ["*", true],
    ["gzip;q=0", false],
    ["gzip;q=0, *", false],
    ["deflate, br", false],
    ["identity", false],
    ["", false],
  ])("%j → %s", (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
  it("no header: no gzip", () => expect(acceptsGzip(null)).toBe(false));
});

describe("encodedDocument", () => {
  const page = Buffer.from(`<!DOCTYPE html><html lang="zh-CN"><body>${"业主大会表决：双过半。".repeat(200)}</body></html>`);
  const request = (acceptEncoding?: string) => new Request("http://localhost/", { headers: acceptEncoding ? { "Accept-Encoding": acceptEncoding } : {} });

  it("gzips a page for a browser that accepts it, with the compressed length, and it inflates to the same bytes", async () => {
    const headers = new Headers();
    const body = await encodedDocument(page, request("gzip, deflate, br"), headers);
    expect(headers.get("Content-Encoding")).toBe("gzip");
    expect(headers.get("Vary")).toBe("Accept-Encoding");
    expect(Number(headers.get("Content-Length"))).toBe(body.length);
    expect(body.length).toBeLessThan(page.length / 10);
    expect(gunzipSync(body).equals(page)).toBe(true);
  });

  it("sends the page as it is to a client that does not accept gzip", async () => {
    const headers = new Headers();
    const body = await encodedDocument(page, request(), headers);
    expect(headers.get("Content-Encoding")).toBeNull();
    expect(Number(headers.get("Content-Length"))).toBe(page.length);
    expect(Buffer.from(body).equals(page)).toBe(true);
  });
});
