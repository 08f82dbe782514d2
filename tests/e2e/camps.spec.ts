import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { branchAdmin, expect, layoutProblems, logIn, register, test } from "./helpers";

/**
 * A camp end to end: a branch admin (desktop) creates it and imports members from a CSV; an
 * instructor (desktop) opens check-in; a member on a 375 px phone checks in with the code on the
 * instructor's screen; the count rises; the board shows the attendance and its CSV opens with the
 * Chinese intact.
 */

async function desktop(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: "zh-CN", timezoneId: "Asia/Shanghai", baseURL: process.env.E2E_BASE_URL });
  return context.newPage();
}

const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());

test("a camp: CSV import, check-in by code from a phone, the board and its CSV", async ({ page: phone, browser }, testInfo) => {
  test.setTimeout(120_000);
  const member = await register(phone, { name: "周小专" });
  const instructorPage = await desktop(browser);
  const instructor = await register(instructorPage, { name: "吴讲师" });

  const admin = await desktop(browser);
  await logIn(admin, branchAdmin().phone, branchAdmin().password);
  await expect(admin.getByRole("link", { name: "管理", exact: true })).toBeVisible();
  await admin.goto("/admin/camps");
  await admin.getByLabel("训练营名称").fill("大关街道小区专员成长训练营");
  await admin.getByLabel("开始日期").fill(today());
  await admin.getByLabel("结束日期").fill(today());
  await admin.getByLabel("地点", { exact: true }).fill("德胜社区红色三方邻里坊");
  await admin.getByLabel("结业要求：至少出勤几次").fill("1");
  await admin.getByRole("button", { name: "创建训练营" }).click();
  await expect(admin.getByRole("heading", { name: "大关街道小区专员成长训练营", level: 1 })).toBeVisible();

  await admin.getByLabel("添加讲师：手机号").fill(instructor.phone);
  await admin.getByRole("button", { name: "添加讲师" }).click();
  await expect(admin.getByTestId("instructor-list")).toContainText("吴讲师");

  const csv = `\uFEFF手机号,姓名\r\n${member.phone},周小专\r\n13800000000,没注册的人\r\n12345,号码不对\r\n`;
  await admin.getByLabel(/CSV 文件/).setInputFiles({ name: "名单.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await admin.getByRole("button", { name: "预览" }).click();
  const preview = admin.getByTestId("import-preview");
  await expect(preview).toContainText("将添加 1 人");
  await expect(preview).toContainText("1 人还没有注册");
  await expect(preview).toContainText("1 行格式有误");
  await expect(admin.getByTestId("member-list")).toHaveCount(0); // nothing saved by the preview
  await admin.getByRole("button", { name: "确认导入 1 人" }).click();
  await expect(admin.getByText("已导入 1 人")).toBeVisible();
  await expect(admin.getByTestId("member-list")).toContainText("周小专");

  await admin.getByLabel("日期", { exact: true }).fill(today());
  await admin.getByLabel("主题").fill("开营：小区专员做什么");
  await admin.getByLabel("开始时间").fill("00:00");
  await admin.getByLabel("结束时间").fill("23:59");
  await admin.getByLabel("地点", { exact: true }).last().fill("德胜社区红色三方邻里坊");
  await admin.getByRole("button", { name: "添加一次课" }).click();
  await expect(admin.getByText("开营：小区专员做什么")).toBeVisible();
  const campUrl = admin.url().replace("/admin/camps/", "/camps/");

  // The instructor finds the camp on 我的学习 and opens check-in.
  await instructorPage.goto("/learn");
  await instructorPage.getByRole("link", { name: /讲师 · 大关街道小区专员成长训练营/ }).click();
  await instructorPage.getByRole("link", { name: "签到" }).first().click();
  await instructorPage.getByRole("button", { name: "打开签到" }).click();
  const code = (await instructorPage.getByTestId("checkin-code").textContent())!.trim();
  expect(code).toMatch(/^\d{6}$/);
  await expect(instructorPage.getByTestId("checkin-count")).toHaveText("已签到 0 / 1 人");
  await instructorPage.screenshot({ path: testInfo.outputPath("checkin-screen.png"), fullPage: true });

  // The member, on a phone, types the code.
  await phone.goto("/checkin");
  await phone.getByLabel("签到码").fill(code);
  await phone.getByRole("button", { name: "签到" }).click();
  await expect(phone.getByText(/签到成功：大关街道小区专员成长训练营/)).toBeVisible();
  expect(await layoutProblems(phone)).toEqual({ overflow: 0, small: [] });
  await phone.screenshot({ path: testInfo.outputPath("checkin-phone.png"), fullPage: true });
  await phone.goto(campUrl);
  await expect(phone.getByText("已达到结业要求")).toBeVisible();
  expect(await layoutProblems(phone)).toEqual({ overflow: 0, small: [] });
  await phone.screenshot({ path: testInfo.outputPath("camp-phone.png"), fullPage: true });

  // Meeting the camp's requirement issues its certificate.
  await phone.getByRole("link", { name: "结业证书" }).click();
  await expect(phone.getByText("训练营：大关街道小区专员成长训练营")).toBeVisible();

  // An assignment past its due date stands out on the member's 我的学习.
  const yesterday = new Date(Date.parse(`${today()}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await admin.getByLabel("课程或学习路径").selectOption({ index: 1 });
  await admin.getByLabel("截止日期").fill(yesterday);
  await admin.getByRole("button", { name: "布置" }).click();
  await expect(admin.getByText(/前完成/)).toBeVisible();
  await phone.goto("/learn");
  await expect(phone.getByRole("heading", { name: "我的训练营" })).toBeVisible();
  await expect(phone.getByText("已逾期")).toBeVisible();
  expect(await layoutProblems(phone)).toEqual({ overflow: 0, small: [] });

  // The instructor's screen counts it without a reload.
  await expect(instructorPage.getByTestId("checkin-count")).toHaveText("已签到 1 / 1 人", { timeout: 8_000 });

  await instructorPage.goto(`${campUrl}/board`);
  await expect(instructorPage.getByTestId("board")).toContainText("周小专");
  await expect(instructorPage.getByTestId("board")).toContainText("1 / 1");
  await expect(instructorPage.getByTestId("board")).toContainText("已逾期");
  await instructorPage.screenshot({ path: testInfo.outputPath("board.png"), fullPage: true });
  const [download] = await Promise.all([instructorPage.waitForEvent("download"), instructorPage.getByRole("link", { name: "导出 CSV" }).click()]);
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  expect(text).toContain("姓名,手机号,出勤");
  expect(text).toContain("周小专");
  expect(text).toContain("1 / 1");
});
