/**
 * After `remix build`: every script and stylesheet in public/build also as .br (Brotli, quality
 * 11) and .gz (gzip, level 9) beside it, for server.ts to send as they are. Compressed once at the
 * highest levels instead of per request at the middleware's: smaller on old phones' first visit
 * (the scripts are most of a lesson page's weight), and no CPU per download. Files already done
 * are skipped (build names carry a content hash).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const ROOT = path.resolve(process.argv[2] ?? "public/build");
let made = 0;
let before = 0;
let after = 0;
for (const name of readdirSync(ROOT, { recursive: true }).map(String)) {
  if (!/\.(js|css)$/.test(name)) continue;
  const file = path.join(ROOT, name);
  const source = readFileSync(file);
  if (source.length < 1024) continue;
  const br = `${file}.br`;
  if (!existsSync(br) || statSync(br).mtimeMs < statSync(file).mtimeMs) {
    writeFileSync(br, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } }));
    writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
    made++;
  }
  before += source.length;
  after += statSync(br).size;
}
console.log(`precompress: ${made} new, scripts and styles ${(before / 1024).toFixed(0)} KB → ${(after / 1024).toFixed(0)} KB as Brotli`);
