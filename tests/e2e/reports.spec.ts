import { readFileSync } from "node:fs";
import { admin, branchAdmin, expect, layoutProblems, logIn, logOut, register, test } from "./helpers";

/**
 * The dashboards in a real browser: a learner starts a course; the district admin, on a 375 px
 * phone, sees them counted, reads the charts, narrows by campus and downloads a CSV that opens
 * with the Chinese intact; a branch admin sees their own campus only.
 */

test("a district admin reads the dashboard on a phone and downloads a CSV with the Chinese intact", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const learner = await register(page, { name: "看板学员" });
  await page.goto("/campuses/daguan");
  const course = await page.locator('a[href^="/courses/"]').first().getAttribute("href");
  await page.goto(course!);
  await page.getByRole("button", { name: "开始学习" }).click();
  await expect(page.getByRole("button", { name: "完成本课" })).toBeVisible();
  await logOut(page);

  await logIn(page, admin().phone, admin().password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/admin");
  await page.getByRole("link", { name: "数据看板" }).first().click();
  await expect(page.getByRole("heading", { name: "数据看板", level: 1 })).toBeVisible();
  const learners = page.getByRole("definition").filter({ hasText: /^\d+$/ }).first();
  await expect(learners).not.toHaveText("0");
  await expect(page.getByRole("img", { name: "每周活跃学员人数" })).toBeVisible();
  await expect(page.getByRole("region", { name: "课程完成情况", exact: true })).toBeVisible();
  expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });
  await page.screenshot({ path: testInfo.outputPath("dashboard-phone.png"), fullPage: true });

  await page.getByRole("combobox", { name: "学院", exact: true }).selectOption({ label: "大关分学院" });
  await page.getByRole("button", { name: "查看" }).click();
  await expect(page).toHaveURL(/campus=\d+/);
  const funnel = page.locator("section", { has: page.getByRole("heading", { name: "课程完成情况" }) });
  const [download] = await Promise.all([page.waitForEvent("download"), funnel.getByRole("link", { name: "导出 CSV" }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text).toContain("课程,学院,报名人次,开始学习,已完成");
  expect(text).toContain("大关");
  expect(download.suggestedFilename()).toMatch(/课程完成情况.*\.csv$/);

  await page.goto(`/admin/reports/learners?q=${learner.phone}`);
  await page.getByRole("link", { name: "看板学员" }).click();
  await expect(page.getByRole("heading", { name: "看板学员", level: 1 })).toBeVisible();
  await expect(page.getByText(learner.phone)).toHaveCount(0);
});

test("a branch admin's dashboard is their campus only", async ({ page }) => {
  await logIn(page, branchAdmin().phone, branchAdmin().password);
  await expect(page).not.toHaveURL(/\/login/);
  await page.goto("/admin/reports");
  await expect(page.getByText(/大关分学院的学习情况/)).toBeVisible();
  await expect(page.getByRole("combobox", { name: "学院", exact: true })).toHaveCount(0);
  const response = await page.goto("/admin/reports?campus=1");
  expect(response?.status()).toBe(403);
  await expect(page.getByText("你只能查看自己管理的学院的数据")).toBeVisible();
});
