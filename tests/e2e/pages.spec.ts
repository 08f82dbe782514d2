import { admin, expect, layoutProblems, logIn, register, test } from "./helpers";

test("the home page lists the seven campuses, each linking to its page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle(/三方学院/);
  await expect(page.getByRole("heading", { name: "三方学院", level: 1 })).toBeVisible();
  const cards = page.getByRole("region", { name: "七所学院" }).getByRole("listitem");
  await expect(cards).toHaveCount(7);
  await expect(cards.first()).toContainText("三方学院主学院");
  await expect(cards.first()).toContainText("依托祥符街道");
  await cards.getByRole("link", { name: /大关分学院/ }).click();
  await expect(page).toHaveURL(/\/campuses\/daguan$/);
  await expect(page.getByRole("heading", { name: "大关分学院", level: 1 })).toBeVisible();
  await expect(page.getByText("老旧小区").first()).toBeVisible();
});

test("unknown pages answer 404 in Chinese", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect((await page.goto("/campuses/no-such-campus"))?.status()).toBe(404);
  await expect(page.getByText("没有找到这所学院")).toBeVisible();
});

test("pages are clean UTF-8 with no stray NUL bytes (React 18 streaming bug)", async ({ request }) => {
  for (const path of ["/", "/register", "/login", "/campuses/daguan", "/campuses/main", "/courses/weixiu-zijin/yiban-chengxu"]) {
    const body = await (await request.get(path)).body();
    expect(body.indexOf(0), path).toBe(-1);
    expect(new TextDecoder("utf-8", { fatal: true }).decode(body)).toContain("三方学院");
  }
});

test("/healthz answers 200 while the database answers", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
});

const pages = [
  { name: "home", path: "/" },
  { name: "register", path: "/register" },
  { name: "login", path: "/login" },
  { name: "campus", path: "/campuses/daguan" },
  { name: "main-campus", path: "/campuses/main" },
  { name: "course", path: "/courses/minfadian-qufen-suoyouquan" },
  { name: "lesson", path: "/courses/minfadian-qufen-suoyouquan/yezhu-dahui-gongtong-jueding" },
  { name: "lesson-funds", path: "/courses/weixiu-zijin/hangzhou-yingji-chengxu" },
  { name: "lesson-print", path: "/courses/weixiu-zijin/yiban-chengxu/print" },
  { name: "law", path: "/law/民法典/278" },
  { name: "search", path: "/search?q=维修基金" },
  { name: "paths", path: "/paths" },
  { name: "path", path: "/paths/yeweihui-houxuanren" },
  { name: "verify", path: "/verify" },
  { name: "verify-unknown", path: "/verify/ABCD-EFGH" },
];

for (const { name, path } of pages) {
  test(`${name} fits the screen without sideways scrolling`, async ({ page }, testInfo) => {
    await page.goto(path);
    expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  });
}

test("profile fits the screen", async ({ page }, testInfo) => {
  await register(page);
  expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });
  await page.screenshot({ path: testInfo.outputPath("profile.png"), fullPage: true });
});

test("a learner's pages fit the screen, with thumb-sized controls", async ({ page }, testInfo) => {
  await register(page);
  await page.goto("/courses/minfadian-qufen-suoyouquan");
  await page.getByRole("button", { name: "开始学习" }).click();
  await expect(page.getByRole("button", { name: "完成本课" })).toBeVisible();
  for (const [name, path] of [
    ["learner-lesson", "/courses/minfadian-qufen-suoyouquan/zhuanyou-gongyou"],
    ["learner-course", "/courses/minfadian-qufen-suoyouquan"],
    ["learner-home", "/learn"],
    ["learner-hours", "/learn/hours"],
    ["learner-certificates", "/certificates"],
    ["learner-path", "/paths/xiaoqu-zhuanyuan"],
  ] as const) {
    await page.goto(path);
    expect(await layoutProblems(page), name).toEqual({ overflow: 0, small: [] });
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  }
});

test("admin pages fit the screen for a district admin", async ({ page }, testInfo) => {
  await logIn(page, admin().phone, admin().password);
  await expect(page.getByRole("link", { name: "管理", exact: true })).toBeVisible();
  for (const [name, path] of [
    ["admin", "/admin"],
    ["admin-roles", "/admin/roles"],
    ["admin-courses", "/admin/courses"],
    ["admin-course-new", "/admin/courses/new"],
    ["admin-media", "/admin/media"],
    ["admin-audit", "/admin/audit"],
    ["admin-camps", "/admin/camps"],
  ] as const) {
    await page.goto(path);
    expect(await layoutProblems(page), name).toEqual({ overflow: 0, small: [] });
    await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  }
  // A synced course is shown with its lessons, read-only.
  await page.goto("/admin/courses");
  await page.getByRole("link", { name: /住宅专项维修资金/ }).click();
  await expect(page.getByRole("heading", { name: "住宅专项维修资金", level: 1 })).toBeVisible();
  await expect(page.getByText("这里只能查看")).toBeVisible();
  await expect(page.getByText("已发布").first()).toBeVisible();
  expect(await layoutProblems(page)).toEqual({ overflow: 0, small: [] });
  await page.screenshot({ path: testInfo.outputPath("admin-course.png"), fullPage: true });
});

test("the lesson editor and its history fit the screen", async ({ page }, testInfo) => {
  await logIn(page, admin().phone, admin().password);
  await expect(page.getByRole("link", { name: "管理", exact: true })).toBeVisible();
  await page.goto("/admin/courses/new");
  await page.getByLabel("所属学院").selectOption({ label: "大关分学院" });
  await page.getByLabel("课程名称").fill(`版面检查 ${testInfo.project.name}`);
  await page.getByLabel("课程简介").fill("检查编辑器在手机和电脑上的版面。");
  await page.getByLabel("门类").selectOption({ index: 1 });
  await page.getByRole("button", { name: "创建课程" }).click();
  await expect(page.getByText("课程已创建")).toBeVisible();
  expect(await layoutProblems(page), "admin course").toEqual({ overflow: 0, small: [] });
  await page.getByLabel("课名").fill("一课");
  await page.getByRole("button", { name: "创建并开始编写" }).click();
  await expect(page.getByText("新的一课已创建")).toBeVisible();
  await page.getByRole("button", { name: "＋步骤" }).click();
  await page.getByRole("button", { name: "＋测验" }).click();
  await expect(page.getByTestId("preview").getByText("题目写在这里？")).toBeVisible();
  expect(await layoutProblems(page), "editor").toEqual({ overflow: 0, small: [] });
  await page.screenshot({ path: testInfo.outputPath("admin-editor.png"), fullPage: true });
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("已保存为第 2 版")).toBeVisible();
  await page.getByRole("link", { name: "历史版本" }).first().click();
  await expect(page.getByTestId("diff")).toBeVisible();
  expect(await layoutProblems(page), "history").toEqual({ overflow: 0, small: [] });
  await page.screenshot({ path: testInfo.outputPath("admin-history.png"), fullPage: true });
});
