import { admin, expect, logIn, logOut, register, test, uniquePhone } from "./helpers";

test("a candidate registers, logs out and logs in again", async ({ page }) => {
  const learner = await register(page, { name: "张三明" });
  // Their own profile is the one place the full number shows.
  await expect(page.getByTestId("own-phone")).toHaveText(learner.phone);
  await expect(page.getByRole("heading", { name: "张三明" })).toBeVisible();

  await logOut(page);
  await page.goto("/profile");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fprofile/);

  await page.getByLabel("手机号").fill(learner.phone);
  await page.getByLabel("密码").fill(learner.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("link", { name: "我的", exact: true })).toBeVisible();

  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "sf_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("a wrong password gets a plain message and keeps the phone number", async ({ page }) => {
  const learner = await register(page);
  await logOut(page);
  const response = page.waitForResponse((r) => r.url().includes("/login") && r.request().method() === "POST");
  await logIn(page, learner.phone, "not-my-password");
  expect((await response).status()).toBe(400);
  await expect(page.getByRole("alert")).toHaveText("手机号或密码不正确");
  await expect(page.getByLabel("手机号")).toHaveValue(learner.phone);
});

test("too many wrong passwords lock the account for a while", async ({ page }) => {
  const learner = await register(page);
  await logOut(page);
  for (let i = 0; i < 5; i++) {
    await logIn(page, learner.phone, `wrong-${i}`);
    await expect(page.getByRole("alert")).toHaveText("手机号或密码不正确");
  }
  // Even the right password is refused until the window ends.
  await logIn(page, learner.phone, learner.password);
  await expect(page.getByRole("alert")).toHaveText("登录失败次数过多，请 15 分钟后再试");
});

test("registration explains each bad field in Chinese and keeps what was typed", async ({ page }) => {
  await page.goto("/register");
  await page.getByLabel("手机号").fill("12345");
  await page.getByLabel("密码", { exact: true }).fill("short");
  await page.getByLabel("再输一次密码").fill("short");
  await page.getByLabel("姓名").fill("李四");
  await page.getByLabel("街道").fill("大关街道");
  const response = page.waitForResponse((r) => r.url().includes("/register") && r.request().method() === "POST");
  await page.getByRole("button", { name: "注册" }).click();
  expect((await response).status()).toBe(400);
  await expect(page.getByText("请输入 11 位中国大陆手机号，如 13812345678")).toBeVisible();
  await expect(page.getByText("密码至少 8 位")).toBeVisible();
  await expect(page.getByText("请选择身份")).toBeVisible();
  await expect(page.getByLabel("姓名")).toHaveValue("李四");
  await expect(page.getByLabel("街道")).toHaveValue("大关街道");
});

test("a phone number can only register once", async ({ page }) => {
  const learner = await register(page);
  await logOut(page);
  await page.goto("/register");
  await page.getByLabel("手机号").fill(learner.phone);
  await page.getByLabel("密码", { exact: true }).fill("another-pass");
  await page.getByLabel("再输一次密码").fill("another-pass");
  await page.getByLabel("姓名").fill("冒名");
  await page.getByLabel("身份").selectOption({ label: "居民" });
  await page.getByLabel("街道").fill("x");
  await page.getByLabel("社区").fill("x");
  await page.getByLabel("小区").fill("x");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page.getByText("这个手机号已经注册过了，请直接登录").first()).toBeVisible();
});

test("a learner gets 403 on the admin pages", async ({ page }) => {
  await register(page);
  for (const path of ["/admin", "/admin/roles"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  }
});

test("a POST from another origin is refused", async ({ page, baseURL }) => {
  await page.goto("/");
  const phone = uniquePhone();
  const form = { phone, password: "whatever-1", confirmPassword: "whatever-1" };
  const crossSite = await page.request.post(`${baseURL}/register`, { form, headers: { Origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.text()).toContain("请求来源不被允许");

  const fromFetchMetadata = await page.request.post(`${baseURL}/logout`, { headers: { "Sec-Fetch-Site": "cross-site" } });
  expect(fromFetchMetadata.status()).toBe(403);

  // The same request from our own origin reaches the app (and fails validation, not the origin check).
  const sameSite = await page.request.post(`${baseURL}/register`, { form, headers: { Origin: baseURL! } });
  expect(sameSite.status()).toBe(400);
});

test("a district admin makes a learner branch admin of 大关分学院, and revokes it", async ({ browser }) => {
  const learnerContext = await browser.newContext();
  const learnerPage = await learnerContext.newPage();
  const learner = await register(learnerPage, { name: "赵分管" });

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await logIn(adminPage, admin().phone, admin().password);
  await adminPage.getByRole("link", { name: "管理", exact: true }).click();
  await adminPage.getByRole("link", { name: "分学院管理员" }).click();
  await adminPage.getByLabel("用户手机号").fill(learner.phone);
  await adminPage.getByRole("combobox", { name: "学院" }).selectOption({ label: "大关分学院" });
  await adminPage.getByRole("button", { name: "授予" }).click();
  await expect(adminPage.getByText("已授予 赵分管 大关分学院管理员权限")).toBeVisible();
  // Others' phone numbers are masked.
  const masked = `${learner.phone.slice(0, 3)}****${learner.phone.slice(7)}`;
  await expect(adminPage.getByText(masked)).toBeVisible();
  await expect(adminPage.getByText(learner.phone)).toHaveCount(0);

  await learnerPage.goto("/admin");
  await expect(learnerPage.getByRole("heading", { name: "管理", exact: true })).toBeVisible();
  await expect(learnerPage.getByRole("link", { name: "大关分学院" }).last()).toBeVisible();
  expect((await learnerPage.goto("/admin/roles"))?.status()).toBe(403);

  await adminPage.getByRole("button", { name: `撤销 赵分管 大关分学院` }).click();
  await expect(adminPage.getByText("已撤销 赵分管 的大关分学院管理员权限")).toBeVisible();
  expect((await learnerPage.goto("/admin"))?.status()).toBe(403);

  await adminPage.goto("/admin");
  await expect(adminPage.getByText("撤销管理员（大关分学院）：赵分管").first()).toBeVisible();
  await learnerContext.close();
  await adminContext.close();
});
