import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium the end-to-end tests drive, in this order: CHROMIUM_PATH, Debian's chromium,
 * Playwright's own download, and finally one attempt at `npx playwright install chromium`.
 * No browser at all is an error with instructions, never a silent skip.
 * Returns an executable path, or undefined for "Playwright's own browser".
 */
export function resolveChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser"];
  if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} 不存在。`);
  }
  const system = candidates.find((c): c is string => Boolean(c && existsSync(c)));
  if (system) return system;
  if (hasPlaywrightBrowser()) return undefined;

  console.log("没有找到 Chromium，尝试 npx playwright install chromium …");
  const install = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  if (install.status === 0 && hasPlaywrightBrowser()) return undefined;
  throw new Error(
    [
      "端到端测试需要 Chromium 浏览器，但没有找到，也无法自动下载。请任选一种方式安装后重试：",
      "  apt-get install -y chromium fonts-noto-cjk   （Debian/Ubuntu，推荐）",
      "  npx playwright install chromium             （需要能访问互联网）",
      "或者用 CHROMIUM_PATH=/path/to/chromium 指定已有的浏览器。",
    ].join("\n"),
  );
}

function hasPlaywrightBrowser(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

/** Flags that keep Chromium quiet on a machine with no network but loopback. */
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  "--disable-gpu",
  "--disable-dev-shm-usage",
];
