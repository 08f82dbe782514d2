import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { chromiumArgs, resolveChromium } from "../tests/e2e/browser";

/**
 * The installable app's icons (public/icons/*.png), drawn from public/favicon.svg by the same
 * Chromium the tests use, so the glyph is the Noto CJK 三 the favicon shows. Run it again after
 * changing the favicon, and commit the PNGs: the server only serves files.
 *
 *   npx tsx scripts/make-icons.ts
 */

const favicon = readFileSync("public/favicon.svg", "utf8");

/**
 * A maskable icon is cropped to a circle (or squircle) of 80 % of its width by the launcher: full
 * bleed brand colour with no rounded corners, and the glyph smaller so it stays inside that zone.
 * iOS rounds the apple-touch-icon's corners itself and shows transparency as black: an opaque square.
 */
const square = favicon.replace(/ rx="\d+"/, "");
const maskable = square.replace('font-size="34"', 'font-size="28"').replace('y="44"', 'y="42"');

const icons = [
  { file: "public/icons/icon-192.png", size: 192, svg: favicon },
  { file: "public/icons/icon-512.png", size: 512, svg: favicon },
  { file: "public/icons/maskable-512.png", size: 512, svg: maskable },
  { file: "public/icons/apple-touch-icon.png", size: 180, svg: square },
];

const browser = await chromium.launch({ executablePath: resolveChromium(), args: chromiumArgs });
try {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const icon of icons) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const svg = icon.svg.replace("<svg ", `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.evaluate(() => document.fonts.ready);
    writeFileSync(icon.file, await page.screenshot({ omitBackground: true }));
    console.log(`${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
