import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { readCourseTree } from "../../app/lib/course-files.server";
import { expect, layoutProblems, test } from "./helpers";

const LESSON = "/courses/weixiu-zijin/yiban-chengxu";

/** The 明白纸 as Chromium prints it (A4, the sheet's own @page), and how many sheets that is. */
async function printedPages(page: Page, file: string): Promise<{ pages: number; size: string }> {
  writeFileSync(file, await page.pdf({ format: "A4", preferCSSPageSize: true }));
  try {
    const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
    return { pages: Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]), size: /^Page size:\s+(.*)$/m.exec(info)?.[1] ?? "" };
  } catch {
    // No poppler-utils: Chromium writes one uncompressed "/Type /Page" dictionary per page.
    const pdf = readFileSync(file, "latin1");
    return { pages: pdf.match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0, size: "" };
  }
}

test("a lesson links to its 明白纸: key blocks, citations and a QR code, no quiz, thumb-sized on a phone", async ({ page }) => {
  await page.goto(LESSON);
  await page.getByRole("link", { name: "打印明白纸" }).click();
  await expect(page).toHaveURL(new RegExp(`${LESSON}/print$`));
  const sheet = page.getByRole("article", { name: "三方学院 · 明白纸" });
  await expect(sheet.getByRole("heading", { level: 1 })).toHaveText("维修资金是谁的、怎么用：一般程序");
  await expect(sheet.getByText("住宅专项维修资金 · 第 1 课 · 三方学院主学院")).toBeVisible();
  await expect(sheet.getByText("《民法典》第二百八十一条")).toBeVisible();
  await expect(sheet.getByText("一、发现问题，拟定使用方案")).toBeVisible();
  await expect(sheet.getByText(/不要再用“全体业主三分之二同意”/)).toBeVisible();
  await expect(sheet.locator("footer svg")).toBeVisible();
  await expect(sheet.getByText("扫码看全文、做测验")).toBeVisible();
  await expect(sheet.getByText(new RegExp(`^http://127\\.0\\.0\\.1:\\d+${LESSON}$`))).toBeVisible();
  await expect(sheet.getByText("拱墅区三方学院")).toBeVisible();
  // The lesson has three quizzes: none of them is on paper.
  await expect(page.getByText(/测验（/)).toHaveCount(0);
  await expect(page.locator("main input, main form")).toHaveCount(0);
  // 打印 appears once the page is live (it needs JavaScript); back goes to the lesson.
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
  expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });
  await page.getByRole("link", { name: /返回课文/ }).click();
  await expect(page).toHaveURL(new RegExp(`${LESSON}$`));
});

test("printed, the 明白纸 is one or two portrait A4 sheets without the site's header", async ({ page }, testInfo) => {
  await page.goto(`${LESSON}/print`);
  const { pages, size } = await printedPages(page, testInfo.outputPath("sheet.pdf"));
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(2);
  if (size) expect(size).toMatch(/^594\.\d+ x 841\.\d+ pts/); // A4 portrait, not the certificates' landscape
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner").first()).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
});

test("an unknown lesson's 明白纸 is a Chinese 404", async ({ page }) => {
  expect((await page.goto("/courses/weixiu-zijin/no-such-lesson/print"))?.status()).toBe(404);
  await expect(page.getByText("没有找到这一课")).toBeVisible();
  expect((await page.goto("/courses/no-such-course/yiban-chengxu/print"))?.status()).toBe(404);
});

test("every seeded lesson prints on one or two A4 sheets", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const { courses } = await readCourseTree(path.resolve("content"));
  const counts: { lesson: string; pages: number }[] = [];
  for (const course of courses) {
    for (const lesson of course.lessons) {
      const url = `/courses/${course.slug}/${lesson.slug}/print`;
      expect((await page.goto(url))?.status(), url).toBe(200);
      counts.push({ lesson: url, pages: (await printedPages(page, testInfo.outputPath("lesson.pdf"))).pages });
    }
  }
  const sorted = counts.map((c) => c.pages).sort((a, b) => a - b);
  const summary = `${counts.length} lessons, max ${sorted.at(-1)} pages, median ${sorted[Math.floor(sorted.length / 2)]}`;
  testInfo.annotations.push({ type: "pages", description: summary });
  console.log(`明白纸: ${summary}`);
  expect(counts.filter((c) => c.pages < 1 || c.pages > 2)).toEqual([]);
});
