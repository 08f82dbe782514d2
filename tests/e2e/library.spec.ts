import { expect, test } from "./helpers";

test("a learner browses home → campus → course → lesson and on to the next lesson", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("region", { name: "七所学院" }).getByRole("link", { name: /三方学院主学院/ }).click();
  await expect(page.getByRole("heading", { name: "三方学院主学院", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: /民法典：业主的建筑物区分所有权/ }).click();
  await expect(page).toHaveURL(/\/courses\/minfadian-qufen-suoyouquan$/);
  await expect(page.getByRole("heading", { name: "课程目录" })).toBeVisible();
  // Reading is open to everyone: no account needed to open a lesson.
  await page.getByRole("link", { name: /专有部分与共有部分/ }).click();
  await expect(page).toHaveURL(/\/courses\/minfadian-qufen-suoyouquan\/zhuanyou-gongyou$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("专有部分与共有部分");
  // A cited article shows its official text under its Chinese number, linking to the law page.
  await expect(page.getByRole("link", { name: /《民法典》第二百七十一条/ })).toBeVisible();
  await page.getByRole("link", { name: /下一课/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("业主大会与共同决定的事项");
  await expect(page.getByText("测验（单选）").first()).toBeVisible();
});

test("the lesson page never tells the browser which option is right", async ({ request }) => {
  for (const path of ["/courses/minfadian-qufen-suoyouquan/yezhu-dahui-gongtong-jueding", "/courses/weixiu-zijin/yiban-chengxu"]) {
    const html = await (await request.get(path)).text();
    expect(html).toContain("data-quiz=");
    expect(html).not.toMatch(/correct/i);
    expect(html).not.toContain("Explanation");
    expect(html).not.toContain("解析");
    // The data a client-side navigation fetches (single fetch) says no more than the page.
    const data = await (await request.get(`${path}.data`)).text();
    expect(data).toContain("questionHtml");
    expect(data).not.toMatch(/correct/i);
    expect(data).not.toContain("解析");
  }
});

test("/law/民法典/278 shows the article and the lessons that cite it", async ({ page }) => {
  await page.goto("/law/民法典/278");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("《民法典》第二百七十八条");
  await expect(page.getByText("专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决", { exact: false })).toBeVisible();
  const cited = page.getByRole("region", { name: "引用本条的课" });
  await cited.getByRole("link", { name: /业主大会与共同决定的事项/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("业主大会与共同决定的事项");
  expect((await page.goto("/law/民法典/9999"))?.status()).toBe(404);
  await expect(page.getByText("没有找到这一条")).toBeVisible();
});

test("searching 维修基金 finds the 维修资金 lessons, highlighted", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox").fill("维修基金");
  await page.getByRole("button", { name: "搜索" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByText(/也搜索了：.*维修资金/)).toBeVisible();
  const hit = page.getByRole("link", { name: /^课文.*一般程序/ }).first();
  await expect(hit).toBeVisible();
  await expect(page.locator("mark").first()).toHaveText(/维修资金|维修基金/);
  await hit.click();
  await expect(page).toHaveURL(/\/courses\/weixiu-zijin\//);
});

test("unknown courses and lessons answer 404 in Chinese", async ({ page }) => {
  expect((await page.goto("/courses/no-such-course"))?.status()).toBe(404);
  await expect(page.getByText("没有找到这门课")).toBeVisible();
  expect((await page.goto("/courses/weixiu-zijin/no-such-lesson"))?.status()).toBe(404);
  await expect(page.getByText("没有找到这一课")).toBeVisible();
  expect((await page.goto("/categories/no-such-category"))?.status()).toBe(404);
});

test("the header's links move within the app and mark the campus being read", async ({ page }) => {
  await page.goto("/courses/minfadian-qufen-suoyouquan");
  // A document load would drop this: the header's links are handled by the router, as <Link>s are.
  await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
  const campuses = page.getByRole("navigation", { name: "学院", exact: true });
  await campuses.getByRole("link", { name: /大关/ }).click();
  await expect(page).toHaveURL(/\/campuses\/daguan$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("大关");
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await expect(campuses.getByRole("link", { name: /大关/ })).toHaveAttribute("aria-current", "page");
  await expect(campuses.locator("[aria-current]")).toHaveCount(1);
  await page.getByRole("link", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/login$/);
  expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await expect(campuses.locator("[aria-current]")).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(/\/campuses\/daguan$/);
});
