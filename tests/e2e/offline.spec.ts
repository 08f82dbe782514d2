import { mkdirSync } from "node:fs";
import type { BrowserContext, Page } from "@playwright/test";
import { quizzesOf } from "../support/lesson-quizzes";
import { expect, layoutProblems, logIn, logOut, register, test } from "./helpers";

/**
 * Offline lessons (issue 10, item 3; docs/decisions/010-offline-lessons.md): a lesson read online
 * stays readable offline, 完成本课 pressed offline reaches the server exactly once when the phone is
 * back online, and nothing of one learner's is left on the phone after they log out.
 */

const COURSE = "chewei-tingche";
const LESSON = { slug: "chewei-guishu", title: "小区里的车位和车库归谁", file: "content/courses/commodity-housing/chewei-tingche/01-chewei-guishu.mdx" };
const COURSE_TITLE = "车位、车库与小区停车管理";
const LESSON_PATH = `/courses/${COURSE}/${LESSON.slug}`;
const SHOTS = "test-results/offline";

/** The service worker controls this page and holds a copy of it. */
async function savedForOffline(page: Page, path: string) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The first page registered the worker; from the next load on it answers (and keeps) pages.
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) await page.reload();
  await expect.poll(() => cachedPaths(page), { message: `${path} kept for offline reading` }).toContain(path);
}

/** Addresses (path and query) of every page and data answer in the worker's page caches. */
function cachedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const paths: string[] = [];
    for (const name of await caches.keys()) {
      if (!name.startsWith("pages-")) continue;
      for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
  });
}

const outboxKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("academy-outbox:")));

/** Every 完成本课 that left the browser, from the page or the worker. */
function countCompletionPosts(context: BrowserContext) {
  const posts: string[] = [];
  context.on("request", (request) => {
    if (request.method() === "POST" && new URL(request.url()).pathname === "/learn/progress") posts.push(request.postData() ?? "");
  });
  return posts;
}

test("a lesson read online reads offline; 完成本课 offline reaches the server once; log out forgets it", async ({ page, context }) => {
  mkdirSync(SHOTS, { recursive: true });
  const posts = countCompletionPosts(context);
  const learner = await register(page, { name: "李离线" });
  await page.goto(`/courses/${COURSE}`);
  await page.getByRole("button", { name: "开始学习" }).click();
  await expect(page).toHaveURL(new RegExp(`${LESSON_PATH}$`));
  // Quizzes are graded online only; answered now, so 完成本课 completes the lesson.
  for (const quiz of quizzesOf(LESSON.file)) {
    const section = page.locator(`[data-quiz="${quiz.key}"]`);
    for (const option of quiz.options.filter((o) => o.correct)) {
      await section.getByRole(quiz.multiple ? "checkbox" : "radio", { name: option.text, exact: true }).check();
    }
    await section.getByRole("button", { name: "提交答案" }).click();
    await expect(section.getByText("回答正确")).toBeVisible();
  }
  await savedForOffline(page, LESSON_PATH);
  const banner = page.getByRole("status").filter({ hasText: "离线 · 已保存的课文仍可阅读" });
  await expect(banner).toHaveCount(0);

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await expect(page.getByRole("heading", { level: 1, name: LESSON.title })).toBeVisible();
  await expect(banner).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/offline-banner-375.png` });
  // The page hydrated from the kept copy (its scripts came from the worker too): the quiz knows it is offline.
  await expect(page.getByText("测验需要联网提交").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "提交答案" }).first()).toBeDisabled();
  await page.locator("[data-quiz]").last().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/offline-quiz-375.png` });
  expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });

  await page.getByRole("button", { name: "完成本课" }).click();
  const queued = page.getByText("已保存在手机上，联网后自动提交");
  await expect(queued).toBeVisible();
  await page.locator("#finish").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/queued-375.png` });
  // Still queued after a reload, and nothing sent while offline.
  await page.reload();
  await expect(queued).toBeVisible();
  expect(await outboxKeys(page)).toHaveLength(1);
  expect(posts).toHaveLength(0);

  // Moving around offline: a link is followed as a page load, which the worker answers with its
  // copy; a page never opened gets the offline page, listing the lessons kept.
  await page.getByRole("navigation", { name: "位置" }).getByRole("link", { name: COURSE_TITLE }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}$`));
  await expect(page.getByRole("heading", { level: 1, name: COURSE_TITLE })).toBeVisible();
  await page.goto(`/courses/${COURSE}/gongyou-changdi-tingche`);
  await expect(page.getByText("你现在离线，已打开过的课文仍可阅读")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/offline-page-saved-375.png` });
  await page.getByRole("link", { name: new RegExp(`^${LESSON.title}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: LESSON.title })).toBeVisible();
  await expect(queued).toBeVisible();

  // Two tabs come back online at the same moment: the lock lets one of them send.
  const second = await context.newPage();
  await second.goto(LESSON_PATH);
  await expect(second.getByText("已保存在手机上，联网后自动提交")).toBeVisible();
  const started = Date.now();
  await context.setOffline(false);
  await expect(page.getByText("本课已完成")).toBeVisible();
  const replayMs = Date.now() - started;
  await expect(second.getByText("本课已完成")).toBeVisible();
  // Whichever tab sent it says so; the other one only caught up.
  const sentNotice = "离线时完成的 1 课已提交";
  await expect.poll(async () => (await page.getByText(sentNotice).count()) + (await second.getByText(sentNotice).count())).toBe(1);
  await expect(banner).toHaveCount(0);
  await second.close();
  // Usually one post; the tab that lost the race may still see the item in its own copy of
  // localStorage for a moment and send it too — with the same id, answered as a replay (counted
  // once below: one completion, one notice).
  expect(posts.length).toBeGreaterThanOrEqual(1);
  expect(posts.length).toBeLessThanOrEqual(2);
  expect(new Set(posts).size).toBe(1);
  expect(posts[0]).toContain(`lesson=${LESSON.slug}`);
  expect(posts[0]).toMatch(/queued=[\w-]{8,}/);
  expect(await outboxKeys(page)).toEqual([]);
  // The server holds one completion: the course counts 1 of its lessons done.
  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByRole("progressbar")).toHaveAccessibleName(/已完成 1 \/ 3 课/);

  const kept = await page.evaluate(async () => {
    const sizes: Record<string, { entries: number; bytes: number }> = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      const size = { entries: 0, bytes: 0 };
      for (const request of await cache.keys()) {
        size.entries++;
        size.bytes += (await (await cache.match(request))!.arrayBuffer()).byteLength;
      }
      sizes[name.replace(/:.*/, ":<account>")] = size;
    }
    return sizes;
  });
  console.log(`offline: the queued completion reached the server ${replayMs} ms after going online; kept: ${JSON.stringify(kept)}`);

  // Log out: nothing of this learner's stays on the phone.
  await logOut(page);
  // Clear-Site-Data removed the worker; the home page registers it again. Wait for it, so the
  // offline visit below is answered by the worker (with nothing of the learner's) and not by the browser.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.state)).toBe("activated");
  await expect.poll(() => cachedPaths(page)).not.toContain(LESSON_PATH);
  expect((await cachedPaths(page)).filter((p) => p.startsWith(`/courses/${COURSE}`))).toEqual([]);
  expect(await outboxKeys(page)).toEqual([]);
  await context.setOffline(true);
  await page.goto(LESSON_PATH).catch(() => null);
  await expect(page.getByRole("heading", { level: 1, name: LESSON.title })).toHaveCount(0);
  await expect(page.getByText("你现在离线，已打开过的课文仍可阅读")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/offline-page-375.png` });
  await context.setOffline(false);

  // The same learner logging in again starts from an empty phone too.
  await logIn(page, learner.phone, learner.password);
  await expect(page).toHaveURL(/\/$/);
  expect(await cachedPaths(page)).not.toContain(LESSON_PATH);
});

test("logging in answers with Clear-Site-Data, and Chromium empties the caches and storage it names", async ({ page }) => {
  const learner = await register(page);
  await logOut(page);
  // Planted under names the app's own clean-up never touches: only the header can remove them.
  await page.evaluate(async () => {
    await (await caches.open("probe")).put("/probe", new Response("left by someone else"));
    localStorage.setItem("probe", "left by someone else");
  });
  const login = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/login"));
  await logIn(page, learner.phone, learner.password);
  expect((await (await login).allHeaders())["clear-site-data"]).toBe('"cache", "storage"');
  await expect(page).toHaveURL(/\/$/);
  expect(await page.evaluate(() => caches.has("probe"))).toBe(false);
  expect(await page.evaluate(() => localStorage.getItem("probe"))).toBeNull();
});

test("the app is installable: Chromium reads the manifest under our CSP and finds nothing missing", async ({ page }) => {
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cdp = await page.context().newCDPSession(page);
  const manifest = (await cdp.send("Page.getAppManifest")) as { url: string; errors: { message: string }[]; data?: string };
  expect(manifest.errors).toEqual([]);
  expect(new URL(manifest.url).pathname).toBe("/manifest.webmanifest");
  expect(JSON.parse(manifest.data!)).toMatchObject({ name: "三方学院", display: "standalone" });
  const installability = (await cdp.send("Page.getInstallabilityErrors")) as { installabilityErrors: { errorId: string }[] };
  // Every test context is a fresh profile, which Chromium counts as incognito: the only objection allowed.
  expect(installability.installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
});

test("the worker script is never cached by HTTP; the manifest names the app", async ({ request }) => {
  const sw = await request.get("/sw.js");
  expect(sw.status()).toBe(200);
  expect(sw.headers()["cache-control"]).toBe("no-cache");
  expect(sw.headers()["content-type"]).toMatch(/javascript/);
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.headers()["content-type"]).toMatch(/application\/manifest\+json/);
  const body = await manifest.json();
  expect(body).toMatchObject({ name: "三方学院", start_url: "/", display: "standalone", theme_color: "#b3261e", lang: "zh-CN" });
  for (const icon of body.icons as { src: string }[]) expect((await request.get(icon.src)).headers()["content-type"]).toBe("image/png");
});
