import { test as base, expect, type Page } from "@playwright/test";

/** The app started by global-setup.ts; workers get its address through the environment. */
export const test = base.extend({
  baseURL: async ({}, use) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error("E2E_BASE_URL is not set: run the tests with `npm run test:e2e`.");
    await use(url);
  },
});
export { expect };

export const admin = () => ({ phone: process.env.E2E_ADMIN_PHONE!, password: process.env.E2E_ADMIN_PASSWORD! });
/** Branch admin of 大关 only. */
export const branchAdmin = () => ({ phone: process.env.E2E_BRANCH_PHONE!, password: process.env.E2E_BRANCH_PASSWORD! });

/** A phone number no other test uses. */
export function uniquePhone(): string {
  return `139${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
}

export interface Learner {
  phone: string;
  password: string;
  name: string;
}

export async function register(page: Page, overrides: Partial<Learner> = {}): Promise<Learner> {
  const learner = { phone: uniquePhone(), password: "pass-word-1", name: "王小明", ...overrides };
  await page.goto("/register");
  await page.getByLabel("手机号").fill(learner.phone);
  await page.getByLabel("密码", { exact: true }).fill(learner.password);
  await page.getByLabel("再输一次密码").fill(learner.password);
  await page.getByLabel("姓名").fill(learner.name);
  await page.getByLabel("身份").selectOption({ label: "业委会候选人" });
  await page.getByLabel("街道").fill("大关街道");
  await page.getByLabel("社区").fill("德胜社区");
  await page.getByLabel("小区").fill("德胜新村");
  await page.getByRole("button", { name: "注册" }).click();
  await expect(page).toHaveURL(/\/profile$/);
  return learner;
}

export async function logIn(page: Page, phone: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("手机号").fill(phone);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

export async function logOut(page: Page) {
  // The 我的 page has the button at every width (the header has it only on wider screens).
  await page.goto("/profile");
  await page.getByRole("main").getByRole("button", { name: "退出登录" }).click();
  await expect(page.getByRole("link", { name: "登录" })).toBeVisible();
}

/** What a phone user would notice: sideways scrolling, or a control too small for a thumb (< 44 px). */
export async function layoutProblems(page: Page) {
  // After a form post without JavaScript the URL changes as soon as the next document starts
  // arriving; measured before its stylesheet has loaded, every control is unstyled and "too small".
  await page.waitForLoadState("load");
  // And once more, by what the stylesheet does (the root layout's body is a flex column): after
  // 注册 or 登录, Clear-Site-Data has emptied the browser's cache, and a profile page was once
  // measured unstyled after "load" (every input ~20 px high; the failure screenshot, taken a
  // moment later, showed them at 48 px).
  await page.waitForFunction(() => getComputedStyle(document.body).display === "flex", undefined, { timeout: 10_000 });
  // clientWidth, not innerWidth: on a phone the layout viewport widens to fit wide content, so
  // innerWidth grows with the overflow and hides it.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  const small = await page
    .getByRole("main")
    .locator("button, a.inline-flex, input:not([type=hidden]), select")
    // A checkbox or radio is tapped through its label, which is what must be thumb-sized.
    .evaluateAll((els) => els.filter((e) => (e.closest("label") ?? e).getBoundingClientRect().height < 44).map((e) => e.outerHTML.slice(0, 80)));
  return { overflow: Math.max(0, overflow), small };
}
