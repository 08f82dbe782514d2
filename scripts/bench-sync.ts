/**
 * npm run bench:sync — content sync on a generated 600-lesson tree (60 courses × 10 lessons over
 * the seven campuses, built from the starter lessons): once cold (every lesson compiled) and once
 * with nothing changed, then search over the result. Budgets: cold < 60 s, unchanged < 2 s,
 * search < 50 ms. Prints a table and a
 * JSON line. Uses a throwaway database: embedded PGlite, or PostgreSQL when DATABASE_URL is set.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase, readCampusesAndCategories, syncContent } from "../app/boot.server";
import { searchContent } from "../app/models/search.server";
import { openDatabase } from "../db/client";
import { createDatabase, dropDatabase } from "../db/postgres-admin";
import { progressBar } from "./lib/progress";

const COURSES = 60;
const LESSONS_PER_COURSE = 10;
const source = path.resolve("content");
const dir = mkdtempSync(path.join(tmpdir(), "academy-bench-sync-"));

const starters = readdirSync(path.join(source, "courses/main"), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => readFileSync(path.join(source, "courses/main", f), "utf8"));
const campuses = (await readCampusesAndCategories(source)).campuses.map((c) => c.slug);
const categories = (await readCampusesAndCategories(source)).categories.map((c) => c.slug);

cpSync(path.join(source, "law"), path.join(dir, "law"), { recursive: true });
for (const f of ["campuses.yaml", "categories.yaml"]) cpSync(path.join(source, f), path.join(dir, f));
for (let c = 0; c < COURSES; c++) {
  const courseDir = path.join(dir, "courses", campuses[c % campuses.length]!, `bench-course-${c}`);
  mkdirSync(courseDir, { recursive: true });
  writeFileSync(
    path.join(courseDir, "course.yaml"),
    `title: 基准课程 ${c}\nsummary: 用于测量内容同步速度的生成课程。\ncategory: ${categories[c % categories.length]}\naudience: everyone\nhours: 2\norder: ${c}\n`,
  );
  for (let l = 0; l < LESSONS_PER_COURSE; l++) {
    const lesson = starters[(c * LESSONS_PER_COURSE + l) % starters.length]!;
    // A unique paragraph per lesson so no two share a hash.
    const body = lesson.replace(/\n---\n/, `\n---\n\n（基准课程 ${c} 第 ${l + 1} 课）\n`);
    writeFileSync(path.join(courseDir, `${String(l + 1).padStart(2, "0")}-lesson-${l + 1}.mdx`), body);
  }
}

const baseUrl = process.env.DATABASE_URL;
const dbName = `academy_bench_sync_${process.pid}`;
const handle = await openDatabase({
  databaseUrl: baseUrl ? await createDatabase(baseUrl, dbName) : undefined,
  dataDir: path.join(dir, "data"),
});
try {
  await prepareDatabase(handle, await readCampusesAndCategories(dir));
  const bar = progressBar();
  let t = performance.now();
  const cold = await syncContent(handle, dir, undefined, bar.update);
  bar.done();
  const coldSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  const warm = await syncContent(handle, dir, cold.laws);
  const warmSeconds = (performance.now() - t) / 1000;

  // Search over the same 600 lessons (budget: < 50 ms): each query 20 times, slowest run reported.
  const queries = ["维修基金", "业委会 选举", "承接查验", "物业公司", "不存在的词"];
  const searchMs: Record<string, number> = {};
  await searchContent(handle.db, "预热"); // opens the pool's connections; not part of any timing
  for (const q of queries) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const start = performance.now();
      await searchContent(handle.db, q);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    searchMs[q] = Number(times[Math.floor(times.length * 0.95)]!.toFixed(1));
  }

  const rows = [
    ["run", "lessons", "compiled", "unchanged", "failed", "seconds", "budget"],
    ["cold", cold.report.lessons, cold.report.compiled, cold.report.unchanged, cold.report.failed.length, coldSeconds.toFixed(2), "< 60"],
    ["unchanged", warm.report.lessons, warm.report.compiled, warm.report.unchanged, warm.report.failed.length, warmSeconds.toFixed(2), "< 2"],
  ];
  for (const row of rows) console.log(row.map((cell) => String(cell).padEnd(10)).join(""));
  for (const [q, ms] of Object.entries(searchMs)) console.log(`search p95 ${q.padEnd(8, "　")} ${ms} ms (budget < 50)`);
  console.log(
    JSON.stringify({
      database: handle.kind,
      lessons: cold.report.lessons,
      cold_s: Number(coldSeconds.toFixed(2)),
      unchanged_s: Number(warmSeconds.toFixed(2)),
      failed: cold.report.failed.length,
      search_p95_ms: Math.max(...Object.values(searchMs)),
    }),
  );
} finally {
  await handle.close();
  if (baseUrl) await dropDatabase(baseUrl, dbName);
  rmSync(dir, { recursive: true, force: true });
}
