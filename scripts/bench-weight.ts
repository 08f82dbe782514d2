/**
 * npm run bench:weight — what a lesson page costs a phone over the wire, measured in Chromium:
 * HTML, scripts, styles and the rest, compressed, with headers, on a first visit (empty cache) by a
 * logged-in learner at 375 px. Budget (issue 9): ≤ 150 KB. Measures the heaviest lesson in the
 * library (the most HTML) and a typical one. Runs on the embedded database in a temporary folder:
 * no PostgreSQL needed. Prints a table and one JSON line.
 *
 *   npm run bench:weight
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { chromiumArgs, resolveChromium } from "../tests/e2e/browser";
import { startApp } from "./lib/bench-server";

const BUDGET_KB = 150;
const dataDir = mkdtempSync(path.join(tmpdir(), "academy-weight-"));
const app = await startApp({ DATA_DIR: dataDir, DATABASE_URL: "" });
const browser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs });
try {
  // A first visit has no service worker yet. Allowed, the one registered while signing up would
  // answer the lesson from its caches and the page's DevTools session would see no wire bytes at all.
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, locale: "zh-CN", serviceWorkers: "block" });
  const page = await context.newPage();
  await register(page);
  const lessons = await lessonsBySize(page);
  const rows: Record<string, Record<string, string | number>> = {};
  const results: { path: string; kb: number }[] = [];
  for (const [label, lessonPath] of [
    ["最长的课时", lessons.heaviest],
    ["中等长度的课时", lessons.median],
  ] as const) {
    const weight = await firstVisit(page, lessonPath);
    const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
    rows[label] = {
      "地址": decodeURIComponent(lessonPath),
      "HTML KB": kb(weight.document),
      "JS KB": kb(weight.script),
      "CSS KB": kb(weight.stylesheet),
      "其他 KB": kb(weight.other),
      "合计 KB": kb(weight.total),
      "请求数": weight.requests,
    };
    results.push({ path: lessonPath, kb: kb(weight.total) });
  }
  console.log(`\n课时页传输量（首次访问、已登录、375 px、压缩后含响应头；预算 ≤ ${BUDGET_KB} KB）`);
  console.table(rows);
  const heaviest = Math.max(...results.map((r) => r.kb));
  console.log(JSON.stringify({ lesson_page_kb: heaviest, budget_kb: BUDGET_KB, pages: results }));
  if (heaviest > BUDGET_KB) process.exitCode = 1;
} finally {
  await browser.close();
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

async function register(page: Page) {
  await page.goto(`${app.url}/register`);
  await page.getByLabel("手机号").fill("13900000001");
  await page.getByLabel("密码", { exact: true }).fill("pass-word-1");
  await page.getByLabel("再输一次密码").fill("pass-word-1");
  await page.getByLabel("姓名").fill("王小明");
  await page.getByLabel("身份").selectOption({ label: "业委会候选人" });
  await page.getByLabel("街道").fill("大关街道");
  await page.getByLabel("社区").fill("德胜社区");
  await page.getByLabel("小区").fill("德胜新村");
  await page.getByRole("button", { name: "注册" }).click();
  await page.waitForURL(/\/profile$/);
}

/** Every lesson's page size as HTML (uncompressed), to pick the heaviest and a median one. */
async function lessonsBySize(page: Page) {
  const links = new Set<string>();
  for (const campus of ["main", "daguan", "commodity-housing", "resettlement", "committee", "renewal", "liaison"]) {
    const html = await (await page.request.get(`${app.url}/campuses/${campus}`)).text();
    for (const m of html.matchAll(/href="(\/courses\/[^"/]+)"/g)) links.add(m[1]!);
  }
  const lessonPaths = new Set<string>();
  for (const course of links) {
    const html = await (await page.request.get(`${app.url}${course}`)).text();
    for (const m of html.matchAll(/href="(\/courses\/[^"/]+\/[^"/#]+)"/g)) lessonPaths.add(m[1]!);
  }
  const sized: { path: string; bytes: number }[] = [];
  for (const lessonPath of lessonPaths) {
    sized.push({ path: lessonPath, bytes: (await (await page.request.get(`${app.url}${lessonPath}`)).body()).length });
  }
  sized.sort((a, b) => b.bytes - a.bytes);
  if (sized.length === 0) throw new Error("no lessons found");
  return { heaviest: sized[0]!.path, median: sized[Math.floor(sized.length / 2)]!.path, count: sized.length };
}

/** Bytes on the wire for one page load with an empty cache, by resource type (Chrome DevTools Protocol). */
async function firstVisit(page: Page, lessonPath: string) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.clearBrowserCache");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  const types = new Map<string, string>();
  const sizes = { document: 0, script: 0, stylesheet: 0, other: 0, total: 0, requests: 0 };
  cdp.on("Network.responseReceived", (e) => types.set(e.requestId, e.type.toLowerCase()));
  cdp.on("Network.loadingFinished", (e) => {
    const type = types.get(e.requestId) ?? "other";
    const key = type === "document" || type === "script" || type === "stylesheet" ? type : "other";
    sizes[key] += e.encodedDataLength;
    sizes.total += e.encodedDataLength;
    sizes.requests++;
  });
  await page.goto(`${app.url}${lessonPath}`, { waitUntil: "networkidle" });
  await cdp.detach();
  return sizes;
}
