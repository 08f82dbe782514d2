import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limitBodySize, sameOriginOnly } from "../../app/lib/request-guards.server";

let base = "";
let close = () => {};

beforeAll(async () => {
  const app = express();
  app.use(sameOriginOnly(["https://partner.example"], false));
  app.use(limitBodySize(1000));
  app.all("*", (req, res) => {
    req.resume();
    req.on("end", () => res.send("reached the app"));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

const post = (headers: Record<string, string>, body = "a=1") => fetch(`${base}/register`, { method: "POST", headers, body });

describe("same-origin check", () => {
  it("refuses a POST whose Origin is another site, in Chinese", async () => {
    const response = await post({ Origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("请求来源不被允许");
  });

  it("refuses what the browser itself marks cross-site, and a foreign Referer without Origin", async () => {
    expect((await post({ "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    expect((await post({ Referer: "https://evil.example/page" })).status).toBe(403);
    expect((await post({ Origin: "null" })).status).toBe(403);
  });

  it("lets through our own origin, listed partners, safe methods and clients that send no origin", async () => {
    const host = new URL(base).host;
    expect((await post({ Origin: base })).status).toBe(200);
    expect((await post({ Origin: `https://${host}` })).status).toBe(200); // TLS ended at a proxy
    expect((await post({ Origin: "https://partner.example" })).status).toBe(200);
    expect((await post({})).status).toBe(200);
    expect((await fetch(`${base}/`, { headers: { Origin: "https://evil.example" } })).status).toBe(200);
  });
});

describe("body size limit", () => {
  it("answers 413 with a Chinese message for a body over the limit", async () => {
    const response = await post({ Origin: base }, "x".repeat(5000));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("不能超过 1 KB");
  });

  it("reads a large body to its end before refusing it, so the sender sees the page, not a reset connection", async () => {
    const response = await post({ Origin: base }, "x".repeat(3 * 1024 * 1024));
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("提交的内容太大");
  });

  it("lets normal forms through", async () => {
    expect((await post({ Origin: base }, "x".repeat(900))).status).toBe(200);
  });
});
