/**
 * npm run bench:preview — how long the lesson editor's live preview takes on the server: every
 * lesson in content/courses is compiled and rendered the way a preview request does it (same
 * compiler, same renderer, uncached), REPEAT times. The editor waits 600 ms after typing stops, so a
 * preview well under that feels immediate. Prints a table and a JSON line; no database needed.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { loadLawLibrary } from "../app/lib/law.server";
import { previewDraft } from "../app/lib/lesson-preview.server";
import { lessonBody } from "../app/lib/lesson-source";

const REPEAT = 5;
const laws = await loadLawLibrary(path.resolve("content"));
const files = readdirSync("content/courses", { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => path.join("content/courses", f));

const rows: { file: string; chars: number; ms: number[] }[] = [];
for (const file of files) {
  const body = lessonBody(readFileSync(file, "utf8"));
  const ms: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    const preview = await previewDraft(laws, "预览", 10, body);
    ms.push(performance.now() - start);
    if (!preview.ok) throw new Error(`${file} does not compile: ${preview.problems[0]?.message}`);
  }
  rows.push({ file, chars: body.length, ms });
}

const all = rows.flatMap((r) => r.ms.slice(1)).sort((a, b) => a - b); // the first run of each warms the JIT
const pct = (p: number) => all[Math.min(all.length - 1, Math.floor((p / 100) * all.length))]!;
console.log("lesson".padEnd(64), "chars".padStart(6), "median ms".padStart(10));
for (const r of rows) {
  const sorted = [...r.ms].sort((a, b) => a - b);
  console.log(r.file.padEnd(64), String(r.chars).padStart(6), sorted[Math.floor(sorted.length / 2)]!.toFixed(0).padStart(10));
}
console.log(JSON.stringify({ lessons: rows.length, previews: all.length, preview_p50_ms: Math.round(pct(50)), preview_p95_ms: Math.round(pct(95)) }));
