import { readFileSync } from "node:fs";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

/**
 * The caching rules of public/sw.js (plain JavaScript, served as it is, so its test lives here).
 * The script only attaches its event listeners inside a service worker; here it is just read.
 */
const origin = "https://academy.test";
const sandbox: Record<string, unknown> = { self: { location: { origin } }, URL, Response, Headers };
runInNewContext(readFileSync("public/sw.js", "utf8"), sandbox);
const policyFor = sandbox.policyFor as (method: string, href: string, mode?: string) => "asset" | "page" | null;
const keepable = sandbox.keepable as (response: Partial<Response> & { headers: Headers }) => boolean;

describe("which requests the service worker keeps", () => {
  it("keeps fingerprinted scripts and immutable media cache-first", () => {
    expect(policyFor("GET", `${origin}/build/root-25HMLOZK.js`)).toBe("asset");
    expect(policyFor("GET", `${origin}/build/_assets/tailwind-ABC.css`)).toBe("asset");
    expect(policyFor("GET", `${origin}/media/AbCdEfGhIjKlMnOp`)).toBe("asset");
  });

  it("keeps lesson and course pages and their Remix data network-first", () => {
    expect(policyFor("GET", `${origin}/courses/chewei-tingche/chewei-guishu`, "navigate")).toBe("page");
    expect(policyFor("GET", `${origin}/courses/chewei-tingche/chewei-guishu.data?_routes=root`, "cors")).toBe("page");
    expect(policyFor("GET", `${origin}/courses/chewei-tingche`, "navigate")).toBe("page");
    expect(policyFor("GET", `${origin}/`, "navigate")).toBe("page");
    expect(policyFor("GET", `${origin}/_root.data`, "cors")).toBe("page");
    expect(policyFor("GET", `${origin}/__manifest?p=%2Fcourses%2Fx&version=abc`, "cors")).toBe("page");
  });

  it("never touches posts, private areas, other files or other sites", () => {
    expect(policyFor("POST", `${origin}/learn/progress`, "cors")).toBeNull();
    expect(policyFor("POST", `${origin}/courses/chewei-tingche/chewei-guishu.data`, "cors")).toBeNull();
    for (const path of ["/admin", "/admin/courses/3", "/login", "/register", "/logout", "/learn", "/learn/hours", "/profile", "/checkin", "/certificates", "/certificates/ABCD-EFGH", "/camps/4"]) {
      expect(policyFor("GET", `${origin}${path}`, "navigate"), path).toBeNull();
      expect(policyFor("GET", `${origin}${path}.data`, "cors"), `${path}.data`).toBeNull();
    }
    expect(policyFor("GET", `${origin}/learning-by-heart`, "navigate")).toBe("page");
    expect(policyFor("GET", `${origin}/sw.js`)).toBeNull();
    expect(policyFor("GET", `${origin}/manifest.webmanifest`)).toBeNull();
    expect(policyFor("GET", `${origin}/courses/x`, "cors")).toBeNull();
    expect(policyFor("GET", "https://elsewhere.test/build/x.js")).toBeNull();
  });

  it("keeps only whole, fresh answers: no errors, redirects, opaque answers or no-store", () => {
    const answer = (init: { status?: number; type?: ResponseType; redirected?: boolean; cacheControl?: string }) => ({
      status: init.status ?? 200,
      type: init.type ?? "basic",
      redirected: init.redirected ?? false,
      headers: new Headers(init.cacheControl ? { "Cache-Control": init.cacheControl } : {}),
    });
    expect(keepable(answer({}))).toBe(true);
    expect(keepable(answer({ cacheControl: "public, max-age=31536000, immutable" }))).toBe(true);
    expect(keepable(answer({ cacheControl: "no-store" }))).toBe(false);
    expect(keepable(answer({ cacheControl: "private, No-Store" }))).toBe(false);
    expect(keepable(answer({ status: 404 }))).toBe(false);
    expect(keepable(answer({ status: 202 }))).toBe(false); // a single-fetch redirect
    expect(keepable(answer({ redirected: true }))).toBe(false);
    expect(keepable(answer({ type: "opaqueredirect", status: 0 }))).toBe(false);
  });
});
