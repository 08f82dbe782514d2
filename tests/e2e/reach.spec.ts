import type { Page } from "@playwright/test";
import { expect, layoutProblems, logIn, logOut, register, test } from "./helpers";

// 长辈版, the English switch and 朗读: what older readers and non-Chinese readers get.

const lesson = "/courses/minfadian-qufen-suoyouquan/zhuanyou-gongyou";

test("长辈版 makes text and targets larger, stays on across pages, and follows the account to another device", async ({ page, browser }) => {
  const learner = await register(page);
  await page.goto(lesson);
  const bodySize = () => page.locator("#lesson-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const before = await bodySize();
  const toggle = page.getByRole("button", { name: /长辈版/ });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();

  await expect(page).toHaveURL(new RegExp(`${lesson}$`));
  await expect(page.getByRole("button", { name: /长辈版/ })).toHaveAttribute("aria-pressed", "true");
  expect(await bodySize()).toBeGreaterThanOrEqual(20);
  expect(await bodySize()).toBeGreaterThan(before);
  // Every control in the page is at least 60 px tall (MIIT's ageing-friendly spec).
  const heights = await page
    .getByRole("main")
    .locator("button, a.inline-flex, input:not([type=hidden],[type=radio],[type=checkbox]), select")
    .evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().height > 0).map((e) => Math.round(e.getBoundingClientRect().height)));
  expect(heights.length).toBeGreaterThan(0);
  expect(Math.min(...heights)).toBeGreaterThanOrEqual(60);
  expect((await layoutProblems(page)).overflow).toBe(0);

  await page.goto("/");
  await expect(page.locator("html")).toHaveClass(/elder/);

  // Another phone, logged in as the same learner: the account remembers.
  const other = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: "zh-CN" });
  const phone = await other.newPage();
  await phone.goto("/");
  await expect(phone.locator("html")).not.toHaveClass(/elder/);
  await logIn(phone, learner.phone, learner.password);
  await expect(phone).not.toHaveURL(/\/login/);
  await phone.goto("/");
  await expect(phone.locator("html")).toHaveClass(/elder/);
  await other.close();

  // Switched off, it stays off.
  await page.getByRole("button", { name: /长辈版/ }).click();
  await expect(page.locator("html")).not.toHaveClass(/elder/);
  await page.reload();
  await expect(page.locator("html")).not.toHaveClass(/elder/);
});

test("a larger text size in the browser's own settings enlarges the page without breaking it", async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await page.goto(lesson);
  const normal = await page.locator("#lesson-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  await cdp.send("Page.setFontSizes", { fontSizes: { standard: 24, fixed: 20 } });
  await page.reload();
  const larger = await page.locator("#lesson-body p").first().evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  expect(larger).toBeGreaterThan(normal * 1.4);
  expect((await layoutProblems(page)).overflow).toBe(0);
});

test("the interface switches to English and back; the lesson stays in Chinese", async ({ page }) => {
  await page.goto(lesson);
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("link", { name: "Log in" }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("专有部分与共有部分");
  // Hydrated in English: a client-side move keeps the English interface.
  await expect(async () => {
    await page.getByRole("link", { name: /Next/ }).first().click();
    await expect(page).not.toHaveURL(new RegExp(`${lesson}$`), { timeout: 1000 });
  }).toPass();
  await expect(page.getByText(/Log in to record your progress|Log in/).first()).toBeVisible();
  expect((await layoutProblems(page)).overflow).toBe(0);

  // Back to Chinese with the switch, which names Chinese in Chinese.
  await page.getByRole("button", { name: "中文" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "登录" }).first()).toBeVisible();
});

/** A stand-in for the browser's speech synthesis that records what it was asked to say. */
async function fakeSpeech(page: Page, voices: { lang: string; name: string }[]) {
  await page.addInitScript((voiceList) => {
    const spoken: { text: string; rate: number; lang: string }[] = [];
    (window as any).__spoken = spoken;
    class Utterance {
      text: string;
      rate = 1;
      lang = "";
      voice: unknown = null;
      onend: (() => void) | null = null;
      onerror: ((e: { error: string }) => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    let current: Utterance | null = null;
    const synth = {
      getVoices: () => voiceList.map((v) => ({ ...v, default: false, localService: true, voiceURI: v.name })),
      speak(u: Utterance) {
        current = u;
        spoken.push({ text: u.text, rate: u.rate, lang: u.lang });
        // Each block "takes" 30 ms to say — or, held, until it is cancelled.
        if (!(window as any).__holdSpeech) setTimeout(() => current === u && (current = null, u.onend?.()), 30);
      },
      cancel() {
        const u = current;
        current = null;
        u?.onerror?.({ error: "canceled" });
      },
      pause() {},
      resume() {},
      addEventListener() {},
      removeEventListener() {},
    };
    Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
    Object.defineProperty(window, "SpeechSynthesisUtterance", { value: Utterance, configurable: true });
  }, voices);
}

test("朗读 reads the lesson in order — title, text, quiz questions and options — in Mandarin, with pause and speed", async ({ page }) => {
  await fakeSpeech(page, [{ lang: "en-US", name: "English" }, { lang: "zh-CN", name: "普通话" }]);
  await page.goto(lesson);
  const player = page.getByRole("region", { name: "朗读" });
  // Retried until the page has hydrated. On a slow machine a click that did start the reading can
  // still miss the 1-s check, and the retry reads the lesson again: only the last reading counts.
  await expect(async () => {
    await page.evaluate(() => ((window as any).__spoken.length = 0));
    await player.getByRole("button", { name: /朗读全文/ }).click({ timeout: 1000 });
    await expect(player.getByRole("button", { name: /暂停/ })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await expect(player.getByText(/读完了|朗读这一课/)).toBeVisible({ timeout: 20_000 });

  const spoken: { text: string; rate: number; lang: string }[] = await page.evaluate(() => (window as any).__spoken);
  const texts = spoken.map((s) => s.text);
  expect(texts[0]).toBe("专有部分与共有部分");
  expect(spoken.every((s) => s.lang === "zh-CN")).toBe(true);
  const at = (fragment: string) => texts.findIndex((text) => text.includes(fragment));
  // In page order: a heading, the first quiz's question, then its options, then the second quiz.
  expect(at("一套房，三种权利")).toBeGreaterThan(0);
  expect(at("下面哪些属于业主共有部分")).toBeGreaterThan(at("在实际工作中怎么用"));
  expect(at("楼道和楼梯")).toBe(at("下面哪些属于业主共有部分") + 1);
  expect(at("业主家里的卧室")).toBeGreaterThan(at("楼道和楼梯"));
  expect(at("这个说法对吗")).toBeGreaterThan(at("业主家里的卧室"));
  // Nothing is read twice, and the player's own controls are not read.
  expect(new Set(texts).size).toBe(texts.length);
  expect(texts.some((text) => text.includes("语速"))).toBe(false);

  // Pause, then continue at another speed from the same block (held on it: no block ends by itself).
  await page.evaluate(() => (((window as any).__spoken.length = 0), ((window as any).__holdSpeech = true)));
  await player.getByRole("button", { name: /朗读全文/ }).click();
  await player.getByRole("button", { name: /暂停/ }).click();
  await expect(player.getByRole("button", { name: /继续朗读/ })).toBeVisible();
  await player.getByText("1.5 倍").click();
  await player.getByRole("button", { name: /继续朗读/ }).click();
  await expect.poll(() => page.evaluate(() => (window as any).__spoken.at(-1)?.rate)).toBe(1.5);
  const said: string[] = await page.evaluate(() => (window as any).__spoken.map((s: { text: string }) => s.text));
  expect(said).toEqual(["专有部分与共有部分", "专有部分与共有部分"]);
  await player.getByRole("button", { name: /停止/ }).click();
  await expect(player.getByRole("button", { name: /朗读全文/ })).toBeVisible();
});

test("朗读 is not offered where the browser has no Mandarin voice", async ({ page }) => {
  await fakeSpeech(page, [{ lang: "en-US", name: "English" }, { lang: "zh-TW", name: "國語" }]);
  await page.goto(lesson);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.waitForFunction(() => (window as any).__remixContext && document.readyState === "complete");
  await page.waitForTimeout(300);
  await expect(page.getByRole("region", { name: "朗读" })).toHaveCount(0);
});

test("in 长辈版 every main page fits a 375 px phone and every control is a 60 px target", async ({ page, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  await page.context().addCookies([{ name: "sf_prefs", value: "elder.zh", url: baseURL! }]);
  const problems: string[] = [];
  for (const path of ["/", "/campuses/daguan", "/courses/minfadian-qufen-suoyouquan", lesson, `${lesson}/print`, "/law/民法典/278", "/search?q=维修资金", "/paths/yeweihui-houxuanren", "/login", "/register", "/verify"]) {
    await page.goto(path);
    const { overflow } = await layoutProblems(page);
    if (overflow > 0) problems.push(`${path}: ${overflow}px sideways`);
    const small = await page
      .locator("body")
      .locator("button, a.inline-flex, input:not([type=hidden]), select, textarea")
      .evaluateAll((els) =>
        els
          .map((e) => (e.closest("label") ?? e) as HTMLElement)
          .filter((e) => e.getBoundingClientRect().height > 0 && e.getBoundingClientRect().height < 60)
          .map((e) => `${e.tagName.toLowerCase()} “${(e.textContent || (e as HTMLInputElement).placeholder || e.getAttribute("aria-label") || "").trim().slice(0, 20)}” ${Math.round(e.getBoundingClientRect().height)}px`),
      );
    problems.push(...small.map((s) => `${path}: ${s}`));
    if (path === lesson) await page.screenshot({ path: testInfo.outputPath("elder-lesson.png"), fullPage: true });
  }
  expect(problems).toEqual([]);
});
