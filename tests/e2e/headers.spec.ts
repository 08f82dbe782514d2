import type { APIRequestContext } from "@playwright/test";
import { admin, expect, register, test } from "./helpers";

/**
 * Every page ships the Content-Security-Policy, and every script on it carries that response's
 * nonce (so the policy needs no 'unsafe-inline' for scripts). A page added without going through
 * the server's headers, or an inline script without the nonce, fails here.
 */

const publicPages = [
  "/",
  "/login",
  "/register",
  "/campuses/daguan",
  "/courses/minfadian-qufen-suoyouquan",
  "/courses/minfadian-qufen-suoyouquan/yezhu-dahui-gongtong-jueding",
  "/law/民法典/278",
  "/search?q=维修基金",
  "/paths",
  "/paths/yeweihui-houxuanren",
  "/verify",
  "/verify/ABCD-EFGH",
  "/no-such-page",
];
const learnerPages = ["/profile", "/learn", "/learn/hours", "/certificates", "/courses/weixiu-zijin/yiban-chengxu"];
const adminPages = [
  "/admin",
  "/admin/courses",
  "/admin/courses/new",
  "/admin/camps",
  "/admin/media",
  "/admin/roles",
  "/admin/audit",
  "/admin/reports",
  "/admin/reports/learners",
];

async function expectProtected(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  expect(response.status(), path).toBeLessThan(500);
  const headers = response.headers();
  const csp = headers["content-security-policy"] ?? "";
  expect(csp, `${path} has no Content-Security-Policy`).not.toBe("");
  const scriptSrc = /(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? "";
  expect(scriptSrc, path).not.toContain("unsafe-inline");
  expect(csp, path).toMatch(/frame-ancestors 'none'/);
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("same-origin");
  expect(headers["x-frame-options"], path).toBe("DENY");
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce, path).toBeTruthy();
  if (!headers["content-type"]?.includes("text/html")) return 0;
  const html = await response.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
  for (const attributes of scripts) {
    const own = /\bnonce="([^"]*)"/.exec(attributes)?.[1];
    const external = /\bsrc="\/[^/]/.test(attributes);
    expect(own === nonce || external, `${path}: <script${attributes}> has no nonce`).toBe(true);
  }
  return scripts.length;
}

test("every page, public, a learner's and an admin's, ships the CSP with a nonce on every script", async ({ page, playwright, baseURL }) => {
  let scripts = 0;
  for (const path of publicPages) scripts += await expectProtected(page.request, path);

  await register(page);
  for (const path of learnerPages) scripts += await expectProtected(page.request, path);

  const adminContext = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL! } });
  const login = await adminContext.post("/login", { form: { phone: admin().phone, password: admin().password }, maxRedirects: 0 });
  expect(login.status()).toBe(302);
  for (const path of adminPages) scripts += await expectProtected(adminContext, path);
  await adminContext.dispose();
  // The pages are Remix pages with hydration scripts: the check above really looked at scripts.
  expect(scripts).toBeGreaterThan(50);
});

test("the browser runs the page's own scripts under the policy and reports no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/courses/minfadian-qufen-suoyouquan/yezhu-dahui-gongtong-jueding");
  // Hydrated: client-side navigation works, which needs every inline and module script to have run.
  await page.getByRole("link", { name: "注册" }).first().click();
  await expect(page).toHaveURL(/\/register$/);
  expect(await page.evaluate(() => Boolean((window as unknown as { __remixContext?: unknown }).__remixContext))).toBe(true);
  expect(violations).toEqual([]);
});

test("an injected inline script without the nonce is blocked", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto("/");
  const ran = await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__injected = true";
    document.body.append(script);
    return Boolean((window as unknown as { __injected?: boolean }).__injected);
  });
  expect(ran).toBe(false);
  expect(violations.length).toBeGreaterThan(0);
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page }) => {
  await register(page);
  const cookie = (await page.context().cookies()).find((c) => c.name === "sf_session");
  expect(cookie).toBeDefined();
  expect(cookie!.httpOnly).toBe(true);
  expect(cookie!.sameSite).toBe("Lax");
});
