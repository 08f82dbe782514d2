import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { admin, expect, logIn, register, test } from "./helpers";

// axe-core on every main page, in the standard view and in 长辈版: no serious or critical
// violations of WCAG 2.1 A/AA (contrast, names, labels, landmarks, ARIA).

const publicPages = [
  "/",
  "/register",
  "/login",
  "/campuses/main",
  "/campuses/daguan",
  "/categories/resettlement",
  "/courses/minfadian-qufen-suoyouquan",
  "/courses/minfadian-qufen-suoyouquan/zhuanyou-gongyou",
  "/courses/weixiu-zijin/hangzhou-yingji-chengxu",
  "/courses/weixiu-zijin/hangzhou-yingji-chengxu/print",
  "/law/民法典/278",
  "/search?q=维修资金",
  "/paths",
  "/paths/yeweihui-houxuanren",
  "/verify",
  "/verify/ABCD-EFGH",
  "/no-such-page",
];
const learnerPages = ["/learn", "/learn/hours", "/profile", "/certificates", "/checkin", "/courses/minfadian-qufen-suoyouquan/zhuanyou-gongyou"];
const adminPages = ["/admin", "/admin/courses", "/admin/courses/new", "/admin/media", "/admin/reports", "/admin/reports/learners", "/admin/roles", "/admin/audit", "/admin/camps"];

const modes = { standard: "std.zh", 长辈版: "elder.zh" } as const;

async function seriousViolations(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const path of paths) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const v of violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
      found.push(`${path} — ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 4).join(" | ")}`);
    }
  }
  return found;
}

async function useMode(page: Page, cookie: string, baseURL: string) {
  await page.context().addCookies([{ name: "sf_prefs", value: cookie, url: baseURL }]);
}

for (const [mode, cookie] of Object.entries(modes)) {
  test.describe(`${mode}`, () => {
    test.describe.configure({ timeout: 120_000 });

    test(`public pages have no serious accessibility problems (${mode})`, async ({ page, baseURL }) => {
      await useMode(page, cookie, baseURL!);
      expect(await seriousViolations(page, publicPages)).toEqual([]);
    });

    test(`a learner's pages have no serious accessibility problems (${mode})`, async ({ page, baseURL }) => {
      await useMode(page, cookie, baseURL!);
      await register(page);
      expect(await seriousViolations(page, learnerPages)).toEqual([]);
    });

    test(`admin pages have no serious accessibility problems (${mode})`, async ({ page, baseURL }) => {
      await useMode(page, cookie, baseURL!);
      const { phone, password } = admin();
      await logIn(page, phone, password);
      await expect(page).not.toHaveURL(/\/login/);
      await page.goto("/admin/courses");
      const course = await page.getByRole("main").locator('a[href^="/admin/courses/"]:not([href$="/new"])').first().getAttribute("href");
      await page.goto(course!);
      const lesson = await page.getByRole("main").locator('a[href^="/admin/lessons/"]').first().getAttribute("href");
      expect(await seriousViolations(page, [...adminPages, course!, lesson!, `${lesson}/history`])).toEqual([]);
    });
  });
}

/** The right options of each quiz in a lesson file, in order — read from the lesson's own source. */
function correctOptions(file: string): string[][] {
  const source = readFileSync(path.resolve("content/courses", file), "utf8");
  return source
    .split("<Quiz ")
    .slice(1)
    .map((quiz) => [...quiz.matchAll(/<Option correct>([\s\S]*?)<\/Option>/g)].map((m) => (m[1] ?? "").trim()));
}

interface Focused {
  tag: string;
  type: string | null;
  text: string;
  quiz: string | null;
  checked: boolean;
  visibleFocus: boolean;
  onScreen: boolean;
}

const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const label = el.closest("label");
    // The ring may be drawn on the element or, for a visually hidden input, on its label.
    const ring = [el, label].filter(Boolean).some((node) => {
      const style = getComputedStyle(node as Element);
      return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
    });
    const box = (label ?? el).getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      type: el.getAttribute("type"),
      text: ((label ?? el).textContent ?? "").replace(/\s+/g, " ").trim(),
      quiz: el.closest("[data-quiz]")?.getAttribute("data-quiz") ?? null,
      checked: (el as HTMLInputElement).checked ?? false,
      visibleFocus: ring,
      onScreen: box.bottom > 0 && box.top < window.innerHeight && box.width > 0,
    };
  });

test("a whole lesson, its quizzes and 完成本课 work from the keyboard alone, with focus always visible", async ({ page }) => {
  test.setTimeout(120_000);
  const lessonPath = "/courses/minfadian-qufen-suoyouquan/zhuanyou-gongyou";
  const answers = correctOptions("main/minfadian-qufen-suoyouquan/01-zhuanyou-gongyou.mdx");
  expect(answers.length).toBeGreaterThanOrEqual(2);
  await register(page);
  await page.goto(lessonPath);
  await page.getByRole("button", { name: "开始学习" }).click();
  await expect(page.getByRole("button", { name: "完成本课" })).toBeVisible();
  await page.goto(lessonPath);
  await page.waitForLoadState("networkidle");

  // First Tab: the skip link, shown.
  await page.keyboard.press("Tab");
  expect((await focused(page))?.text).toBe("跳到正文");
  await expect(page.getByRole("link", { name: "跳到正文" })).toBeInViewport();

  const passedQuizzes = new Set<string>();
  const answeredGroups = new Set<string>();
  let finished = false;
  for (let step = 0; step < 400 && !finished; step++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (!now) continue;
    expect(now.visibleFocus, `focus ring on ${now.tag} “${now.text.slice(0, 30)}”`).toBe(true);
    expect(now.onScreen, `focused ${now.tag} “${now.text.slice(0, 30)}” is scrolled into view`).toBe(true);
    if (now.quiz) {
      const index = [...new Set(await page.locator("[data-quiz]").evaluateAll((els) => els.map((e) => e.getAttribute("data-quiz"))))].indexOf(now.quiz);
      const right = answers[index] ?? [];
      if (now.type === "checkbox" && right.includes(now.text) && !now.checked) await page.keyboard.press("Space");
      if (now.type === "radio" && !answeredGroups.has(now.quiz)) {
        answeredGroups.add(now.quiz);
        // Arrow keys move through a radio group, checking as they go.
        for (let i = 0; i < 10 && !right.includes((await focused(page))!.text); i++) await page.keyboard.press("ArrowDown");
      }
      if (now.tag === "button" && now.text === "提交答案") {
        await page.keyboard.press("Enter");
        await expect(page.locator(`[data-quiz="${now.quiz}"]`).getByText("回答正确")).toBeVisible();
        passedQuizzes.add(now.quiz);
      }
    }
    if (now.tag === "button" && now.text === "完成本课") {
      await page.keyboard.press("Enter");
      finished = true;
    }
  }
  expect(passedQuizzes.size).toBe(answers.length);
  expect(finished).toBe(true);
  await expect(page.getByText("本课已完成")).toBeVisible();
});
