import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, describe, expect, it } from "vitest";
import { securityHeaders } from "../../app/lib/security-headers.server";
import { sessionCookie } from "../../app/lib/session-cookie.server";

const servers: { close(): void }[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function headersFrom(options: { dev: boolean; https: boolean }) {
  const app = express();
  app.use(securityHeaders(options));
  app.get("/", (_req, res) => res.send(`<script nonce="${res.locals.cspNonce}"></script>`));
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  await new Promise((r) => server.once("listening", r));
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  return { headers: response.headers, body: await response.text() };
}

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("security headers", () => {
  it("allow only our own scripts and this response's nonce; nothing may frame the page", async () => {
    const { headers, body } = await headersFrom({ dev: false, https: true });
    const csp = directives(headers.get("content-security-policy") ?? "");
    const nonce = /nonce="([^"]+)"/.exec(body)![1]!;
    expect(nonce.length).toBeGreaterThanOrEqual(22);
    expect(csp.get("script-src")).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("same-origin");
    expect(headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("give every response a new nonce", async () => {
    const [a, b] = await Promise.all([headersFrom({ dev: false, https: true }), headersFrom({ dev: false, https: true })]);
    expect(a.headers.get("content-security-policy")).not.toBe(b.headers.get("content-security-policy"));
  });

  it("send no HSTS on a plain-http deployment, and allow the dev server's websocket only in development", async () => {
    const plain = await headersFrom({ dev: false, https: false });
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    expect(directives(plain.headers.get("content-security-policy")!).get("connect-src")).toEqual(["'self'"]);
    const dev = await headersFrom({ dev: true, https: false });
    expect(directives(dev.headers.get("content-security-policy")!).get("connect-src")).toEqual(["'self'", "ws:"]);
  });
});

describe("session cookie", () => {
  it("is HttpOnly, SameSite=Lax, site-wide, and Secure behind https", () => {
    const expires = new Date(Date.now() + 86_400_000);
    const secure = sessionCookie("t".repeat(32), expires, true).split("; ");
    expect(secure).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]));
    expect(sessionCookie("t".repeat(32), expires, false).split("; ")).not.toContain("Secure");
  });
});
