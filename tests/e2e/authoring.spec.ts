import { readdirSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { lessonBody } from "../../app/lib/lesson-source";
import { branchAdmin, expect, layoutProblems, logIn, test } from "./helpers";

/**
 * A branch admin of 大关 writes a lesson in the browser: a new course, a lesson with a quiz from the
 * toolbar, the live preview, publish, the learner's view, an edit, a rollback — and the compiler's
 * attack samples typed into the editor, every one refused.
 */

async function logInAsBranchAdmin(page: Page) {
  await logIn(page, branchAdmin().phone, branchAdmin().password);
  await expect(page.getByRole("link", { name: "管理", exact: true })).toBeVisible();
}

const body = (page: Page) => page.getByLabel("课文", { exact: true });
const preview = (page: Page) => page.getByTestId("preview");

async function learnerSees(page: Page, href: string, text: string) {
  const learner = await page.context().browser()!.newPage();
  await learner.goto(href);
  await expect(learner.getByRole("main")).toContainText(text);
  const html = await learner.content();
  await learner.close();
  return html;
}

test("a branch admin writes, publishes, edits and rolls back a lesson; learners see each published version", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  await logInAsBranchAdmin(page);
  await page.goto("/admin");
  await page.getByRole("link", { name: "新建课程" }).click();
  await expect(page.getByLabel("所属学院")).toHaveValue(/\d+/); // the one campus they administer, chosen already
  await page.getByLabel("课程名称").fill("加装电梯怎么议");
  await page.getByLabel("课程简介").fill("老旧小区加装电梯，从征求意见到表决。");
  await page.getByLabel("门类").selectOption({ label: "老旧小区" });
  await page.getByRole("button", { name: "创建课程" }).click();
  await expect(page.getByText("课程已创建")).toBeVisible();

  await page.getByLabel("课名").fill("业主怎样共同决定");
  await page.getByLabel("预计学习分钟数").fill("15");
  await page.getByRole("button", { name: "创建并开始编写" }).click();
  await expect(page.getByText("新的一课已创建")).toBeVisible();

  // Write with the toolbar: a paragraph, a law article, a quiz.
  await body(page).fill("加装电梯要由业主共同决定。\n");
  await page.getByRole("button", { name: "＋法条" }).click();
  await page.getByRole("button", { name: "＋测验" }).click();
  await expect(body(page)).toHaveValue(/<Quiz id="quiz-1">/);
  await expect(preview(page).getByText("题目写在这里？")).toBeVisible();
  await expect(preview(page).getByText("正确答案", { exact: true })).toBeVisible();
  await expect(preview(page)).toContainText("第二百七十八条");
  await page.screenshot({ path: testInfo.outputPath("editor.png"), fullPage: true });

  // An image, uploaded from the toolbar, goes in as a <Figure> and shows in the preview.
  await page.getByRole("button", { name: "＋图片" }).click();
  const png = await sharp({ create: { width: 800, height: 400, channels: 3, background: { r: 30, g: 120, b: 200 } } }).png().toBuffer();
  await page.getByLabel("选择图片").setInputFiles({ name: "电梯.png", mimeType: "image/png", buffer: png });
  await page.getByLabel("图片说明（给看不见图片的人读）").fill("加装电梯的单元门口");
  await page.getByRole("button", { name: "上传并插入" }).click();
  await expect(body(page)).toHaveValue(/<Figure src="\/media\/[A-Za-z0-9_-]{16}" alt="加装电梯的单元门口" \/>/);
  const image = preview(page).getByRole("img", { name: "加装电梯的单元门口" });
  await expect(image).toBeVisible();
  // Lazy-loaded: wait until the browser has the pixels, then check they are the upload's.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBe(800);

  await page.getByRole("button", { name: "保存并发布" }).click();
  await expect(page.getByText("第 2 版已发布")).toBeVisible();
  const learnerHref = (await page.getByRole("link", { name: "以学员身份查看" }).getAttribute("href"))!;
  const published = await learnerSees(page, learnerHref, "加装电梯要由业主共同决定");
  expect(published).toContain("题目写在这里？");
  expect(published).not.toMatch(/\bcorrect\b/); // which option is right never reaches a learner's browser

  // A mistake: the preview names the line, the gutter marks it, nothing is published.
  await body(page).fill(`${await body(page).inputValue()}\n第二版多了一段 {1 + 1}\n`);
  const problems = page.getByTestId("problems");
  await expect(problems).toContainText(/第 \d+ 行第 \d+ 列：.*花括号/);
  const line = Number((await problems.getByRole("button").first().textContent())!.match(/第 (\d+) 行/)![1]);
  await expect(page.locator(".bg-red-100.font-bold", { hasText: new RegExp(`^${line}$`) })).toBeVisible();
  await page.getByRole("button", { name: "保存并发布" }).click();
  await expect(page.getByText(/有错误，不能发布/)).toBeVisible();
  await learnerSees(page, learnerHref, "加装电梯要由业主共同决定");

  // The fix is published as the next version.
  await body(page).fill((await body(page).inputValue()).replace("{1 + 1}", "：先征求意见，再表决。"));
  await expect(page.getByTestId("problems")).toHaveCount(0);
  await page.getByRole("button", { name: "保存并发布" }).click();
  await expect(page.getByText(/第 4 版已发布/)).toBeVisible();
  await learnerSees(page, learnerHref, "先征求意见，再表决");

  // Leaving with unsaved text asks first; saying no keeps the text.
  const savedText = await body(page).inputValue();
  await body(page).fill(`${savedText}还没保存的一句。\n`);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("没保存的修改");
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "历史版本" }).first().click();
  await expect(body(page)).toHaveValue(/还没保存的一句/);
  await body(page).fill(savedText);

  // History: who and when, a readable diff, and a rollback to version 2.
  await page.getByRole("link", { name: "历史版本" }).first().click();
  await expect(page.locator("[data-version]")).toHaveCount(4);
  await expect(page.locator("[data-version='3']")).toContainText("有错误");
  await expect(page.locator("[data-version='4']")).toContainText("大关管理员");
  // Options run newest first: 第 4 版, 第 3 版, 第 2 版, 第 1 版.
  await page.getByLabel("旧版本").selectOption({ index: 2 });
  await page.getByLabel("新版本").selectOption({ index: 0 });
  await page.getByRole("button", { name: "对比两版" }).click();
  await expect(page.getByTestId("diff")).toContainText("先征求意见，再表决");
  await page.screenshot({ path: testInfo.outputPath("history.png"), fullPage: true });
  await page.locator("[data-version='2']").getByRole("button", { name: "回退到这一版" }).click();
  await expect(page.getByText("已回退：学员现在看到的是第 2 版")).toBeVisible();
  const rolledBack = await learnerSees(page, learnerHref, "加装电梯要由业主共同决定");
  expect(rolledBack).not.toContain("先征求意见，再表决");
  expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });
});

test("every attack sample typed into the editor is refused and the published lesson stays", async ({ page }) => {
  test.setTimeout(120_000);
  await logInAsBranchAdmin(page);
  await page.goto("/admin/courses/new");
  await page.getByLabel("课程名称").fill("攻击样本课");
  await page.getByLabel("课程简介").fill("测试用。");
  await page.getByLabel("门类").selectOption({ index: 1 });
  await page.getByRole("button", { name: "创建课程" }).click();
  await page.getByLabel("课名").fill("样本");
  await page.getByRole("button", { name: "创建并开始编写" }).click();
  await expect(page.getByText("新的一课已创建")).toBeVisible();
  await body(page).fill("原来的正文。\n");
  await page.getByRole("button", { name: "保存并发布" }).click();
  await expect(page.getByText("已发布，学员现在看到的")).toBeVisible();
  const learnerHref = (await page.getByRole("link", { name: "以学员身份查看" }).getAttribute("href"))!;

  const samples = readdirSync("tests/fixtures/attacks").filter((f) => f.endsWith(".mdx"));
  for (const sample of samples) {
    const source = readFileSync(`tests/fixtures/attacks/${sample}`, "utf8");
    await body(page).fill(sample.includes("frontmatter") ? source : lessonBody(source));
    await expect(page.getByTestId("problems"), sample).toBeVisible();
    await page.getByRole("button", { name: "保存并发布" }).click();
    await expect(page.getByText(/有错误，不能发布/), sample).toBeVisible();
  }
  const html = await learnerSees(page, learnerHref, "原来的正文");
  expect(html).not.toMatch(/<script[^>]*>[^<]*alert|javascript:|onerror=|<iframe/i);
});
