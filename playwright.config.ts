import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, resolveChromium } from "./tests/e2e/browser";

// Resolved once in the runner; workers inherit the answer through the environment.
if (process.env.E2E_CHROMIUM === undefined) process.env.E2E_CHROMIUM = resolveChromium() ?? "";
const executablePath = process.env.E2E_CHROMIUM || undefined;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: `test-results/e2e${process.env.TEST_REPORT ? `-${process.env.TEST_REPORT}` : ""}`,
  // Starts the built app on its own fresh database (see the file); `npm run test:e2e` builds first.
  globalSetup: "./tests/e2e/global-setup.ts",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: process.env.TEST_REPORT
    ? [["list"], ["json", { outputFile: `test-results/report-${process.env.TEST_REPORT}-e2e.json` }]]
    : "list",
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    trace: "on-first-retry",
    screenshot: "only-on-failure",
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    // Learner flows run once, on the phone (where most learners are); layout checks run at both
    // widths; the lesson editor is used on laptops and tablets, so its journey runs on the desktop.
    { name: "phone", testIgnore: /authoring\.spec\.ts/, use: { ...devices["Pixel 5"], viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 } },
    { name: "desktop", testMatch: /(pages|authoring)\.spec\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } },
  ],
});
