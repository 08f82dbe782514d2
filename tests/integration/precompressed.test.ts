import { mkdtempSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import compression from "compression";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressed } from "../../app/lib/precompressed.server";

const script = Buffer.from(`console.log(${JSON.stringify("三方学院".repeat(400))});\n`);
let base = "";
let close = () => {};

beforeAll(async () => {
  const root = mkdtempSync(path.join(tmpdir(), "academy-precompressed-"));
  writeFileSync(path.join(root, "entry.js"), script);
  writeFileSync(path.join(root, "entry.js.br"), brotliCompressSync(script));
  writeFileSync(path.join(root, "entry.js.gz"), gzipSync(script));
  writeFileSync(path.join(root, "plain.js"), script);
  const app = express();
  app.use(compression());
  app.use("/build", precompressed(root, { immutable: true, maxAge: "1y" }));
  app.use("/build", express.static(root, { immutable: true, maxAge: "1y" }));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

function get(file: string, acceptEncoding?: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}/build/${file}`, { headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("precompressed build files", () => {
  it("sends the Brotli file to a browser that accepts it, as JavaScript, cached for a year", async () => {
    const r = await get("entry.js", "gzip, deflate, br");
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("br");
    expect(r.headers["content-type"]).toMatch(/^(application|text)\/javascript/);
    expect(r.headers["vary"]).toMatch(/Accept-Encoding/);
    expect(r.headers["cache-control"]).toContain("immutable");
    expect(brotliDecompressSync(r.body).equals(script)).toBe(true);
  });

  it("sends the gzip file when Brotli is not accepted, and the file itself when nothing is", async () => {
    const gz = await get("entry.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).equals(script)).toBe(true);
    const plain = await get("entry.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.equals(script)).toBe(true);
  });

  it("leaves files without precompressed copies, and unknown ones, to the static files and the middleware", async () => {
    const r = await get("plain.js", "br");
    expect(r.status).toBe(200);
    expect(brotliDecompressSync(r.body).equals(script)).toBe(true);
    expect((await get("missing.js", "br")).status).toBe(404);
  });
});
