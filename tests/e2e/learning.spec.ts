import { readdirSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { quizzesOf, type SourceQuiz } from "../support/lesson-quizzes";
import { expect, layoutProblems, register, test } from "./helpers";

const COURSE = "weixiu-zijin";
// Every lesson of the course as content/ holds it, in order: the journey follows the library as it grows.
const COURSE_DIR = `content/courses/main/${COURSE}`;
const LESSONS = readdirSync(COURSE_DIR)
  .filter((f) => /^\d{2}-.+\.mdx$/.test(f))
  .sort()
  .map((f) => ({ slug: f.replace(/^\d{2}-/, "").replace(/\.mdx$/, ""), file: `${COURSE_DIR}/${f}` }));

async function choose(section: Locator, quiz: SourceQuiz, pick: (o: SourceQuiz["options"][number]) => boolean) {
  for (const option of quiz.options) {
    const control = section.getByRole(quiz.multiple ? "checkbox" : "radio", { name: option.text, exact: true });
    if (pick(option)) await control.check();
    else if (quiz.multiple) await control.uncheck();
  }
}

async function answer(page: Page, quiz: SourceQuiz, right: boolean) {
  const section = page.locator(`[data-quiz="${quiz.key}"]`);
  await choose(section, quiz, (o) => (right ? o.correct : !o.correct && o === quiz.options.find((x) => !x.correct)));
  await section.getByRole("button", { name: "提交答案" }).click();
  await expect(section.getByText(right ? "回答正确" : "回答错误")).toBeVisible();
  // The explanation comes only after an attempt.
  await expect(section.getByText("解析", { exact: true })).toBeVisible();
}

test("a new learner takes a course from 开始学习 to a certificate anyone can verify", async ({ page }) => {
  await register(page, { name: "张三明" });
  await page.goto(`/courses/${COURSE}`);
  await page.getByRole("button", { name: "开始学习" }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${COURSE}/${LESSONS[0]!.slug}$`));

  for (const [index, lesson] of LESSONS.entries()) {
    await expect(page).toHaveURL(new RegExp(`/${lesson.slug}$`));
    const quizzes = quizzesOf(lesson.file);
    expect(quizzes.length).toBeGreaterThan(0);
    if (index === 0) {
      // Reached the end before the quizzes: the page says exactly what is missing.
      await page.getByRole("button", { name: "完成本课" }).click();
      await expect(page.getByText("还差：本课测验（需 80 分，现在 0 分）", { exact: false })).toBeVisible();
      await answer(page, quizzes[0]!, false);
    }
    for (const quiz of quizzes) await answer(page, quiz, true);
    if (index > 0) await page.getByRole("button", { name: "完成本课" }).click();
    if (index < LESSONS.length - 1) {
      await expect(page.getByText("本课已完成")).toBeVisible();
      await page.getByRole("link", { name: /下一课/ }).first().click();
    }
  }
  await expect(page.getByText("恭喜！你已学完整门课程")).toBeVisible();

  await page.goto(`/courses/${COURSE}`);
  await expect(page.getByText("已完成", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  await page.getByRole("link", { name: "查看证书" }).click();
  const code = (await page.getByText(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/).first().textContent())!.trim();
  await expect(page.getByText("张三明").first()).toBeVisible();
  expect((await layoutProblems(page)).overflow).toBe(0);

  // 我的证书 and 我的学习 list it.
  await page.goto("/certificates");
  await expect(page.getByRole("link", { name: /住宅专项维修资金/ })).toContainText(code);
  await page.getByRole("link", { name: "我的学习" }).click();
  await expect(page.getByRole("heading", { name: "我的学习", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: "已学完" }).getByText("住宅专项维修资金")).toBeVisible();

  // The public check, as a stranger scanning the QR code would see it.
  await page.context().clearCookies();
  await page.goto(`/verify/${code}`);
  await expect(page.getByText("证书真实有效")).toBeVisible();
  await expect(page.getByText("张*明")).toBeVisible();
  await expect(page.getByText("张三明")).toHaveCount(0);
  await expect(page.getByText("住宅专项维修资金")).toBeVisible();
  const missing = await page.goto("/verify/ABCD-EFGH");
  expect(missing?.status()).toBe(404);
  await expect(page.getByText("证书不存在")).toBeVisible();
});

test("继续学习 goes to the first unfinished lesson, and the course page lists what is missing", async ({ page }) => {
  await register(page);
  await page.goto("/courses/chengjie-chayan");
  await page.getByRole("button", { name: "开始学习" }).click();
  await expect(page).toHaveURL(/\/chengjie-chayan\/xinjian-chengjie-chayan$/);
  await page.goto("/courses/chengjie-chayan");
  await expect(page.getByText("第 1 课：学完后点“完成本课”")).toBeVisible();
  await expect(page.getByText("第 2 课测验（需 80 分）")).toBeVisible();
  await page.getByRole("link", { name: "继续学习" }).click();
  await expect(page).toHaveURL(/\/chengjie-chayan\/xinjian-chengjie-chayan$/);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a quiz is answered and graded with a plain form post", async ({ page }) => {
    await register(page);
    const lesson = LESSONS[1]!;
    await page.goto(`/courses/${COURSE}/${lesson.slug}`);
    await page.getByRole("button", { name: "开始学习" }).click();
    const quiz = quizzesOf(lesson.file)[0]!;
    await answer(page, quiz, true);
    await expect(page).toHaveURL(new RegExp(`#quiz-${quiz.key}$`));
    await page.getByRole("button", { name: "完成本课" }).click();
    await expect(page).toHaveURL(/#finish$/);
    await expect(page.getByText("已读完。还差：本课测验", { exact: false })).toBeVisible();
    // Nothing chosen: a clear message, not an error page.
    const next = quizzesOf(lesson.file)[1]!;
    await page.locator(`[data-quiz="${next.key}"]`).getByRole("button", { name: "提交答案" }).click();
    await expect(page.getByText("请先选择一个答案")).toBeVisible();
  });
});

test("an open lesson sends a 学时 heartbeat about every 30 seconds", async ({ page }) => {
  await page.clock.install();
  await register(page);
  await page.goto(`/courses/${COURSE}`);
  await page.getByRole("button", { name: "开始学习" }).click();
  await expect(page.getByRole("button", { name: "完成本课" })).toBeVisible();
  const beat = page.waitForRequest((r) => r.url().endsWith("/learn/beat") && r.method() === "POST");
  await page.clock.fastForward(31_000);
  const request = await beat;
  expect(request.postData()).toMatch(/name="lesson"/);
  // The server decides what the beat is worth: a beat 31 fake seconds after the visit is only
  // seconds old in real time, so it is refused as too soon (no 学时 from a fast clock).
  expect((await request.response())?.status()).toBe(429);
});

test("forged posts are refused with a 4xx over real HTTP, page and data requests alike", async ({ page }) => {
  await register(page);
  const lesson = `/courses/${COURSE}/${LESSONS[0]!.slug}`;
  await page.goto(lesson);
  const version = await page.locator('input[name="version"]').first().inputValue();
  const quiz = quizzesOf(LESSONS[0]!.file)[0]!.key;
  const origin = new URL(page.url()).origin;
  const post = (url: string, form: Record<string, string>) => page.request.post(url, { form, headers: { origin }, maxRedirects: 0 });
  for (const url of [lesson, `${lesson}.data`]) {
    expect((await post(url, { intent: "answer", quiz, version, answer: "17" })).status(), url).toBe(400);
    expect((await post(url, { intent: "answer", quiz, version: "999999999", answer: "0" })).status(), url).toBe(409);
    expect((await post(url, { intent: "answer", quiz: "q-not-here", version, answer: "0" })).status(), url).toBe(409);
  }
  expect((await post("/learn/progress", { course: COURSE, lesson: "no-such-lesson" })).status()).toBe(404);
  expect((await post("/learn/beat", { lesson: "abc" })).status()).toBe(400);
  expect((await post("/learn/beat", { lesson: "999999" })).status()).toBe(404);
});

test("a lesson's text comes once in the page, and stays through hydration, a quiz answer and the move to the next lesson", async ({ page }) => {
  // Pages render on the server's render thread: React must find the markup it would have rendered
  // itself (a mismatch is logged as a recoverable error, and React re-renders the page).
  const hydrationErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|did not match|Minified React error #(418|419|422|423|425)/i.test(message.text())) hydrationErrors.push(message.text());
  });
  page.on("pageerror", (error) => hydrationErrors.push(error.message));
  await register(page, { name: "李四清" });
  const [first, second] = LESSONS;
  const response = await page.goto(`/courses/${COURSE}/${first!.slug}`);
  const html = await response!.text();
  const paragraph = page.locator("#lesson-part-0 p").first();
  const text = (await paragraph.textContent())!.trim();
  expect(text.length).toBeGreaterThan(8);
  // In the rendered lesson only, not again in the hydration data.
  expect(html.split(text.slice(0, 12)).length - 1).toBe(1);
  await page.waitForFunction(() => "__remixRouter" in window);
  await expect(paragraph).toHaveText(text);

  // Answering revalidates the page's data, which now carries the HTML: the same text.
  await answer(page, quizzesOf(first!.file)[0]!, true);
  await expect(page.locator("#lesson-part-0 p").first()).toHaveText(text);

  // The next lesson arrives as data, HTML included.
  await page.getByRole("link", { name: /下一课/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/${second!.slug}$`));
  await expect(page.locator("#lesson-part-0 p").first()).not.toHaveText(text);
  await expect(page.locator("#lesson-part-0 p").first()).toBeVisible();

  // A reload of a lesson with progress, and the course page, hydrate as cleanly.
  await page.reload();
  await page.waitForFunction(() => "__remixRouter" in window);
  await page.goto(`/courses/${COURSE}`);
  await page.waitForFunction(() => "__remixRouter" in window);
  expect(hydrationErrors).toEqual([]);
});
