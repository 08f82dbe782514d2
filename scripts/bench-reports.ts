/**
 * npm run bench:reports — times every dashboard query on the scale seed (npm run seed:scale first).
 * Budget: every dashboard query p95 < 300 ms on this 2-core machine.
 *
 * Each query runs RUNS times (after two warm-up runs) in each scenario — the district and a branch
 * campus, 12 weeks and a year, with campus / category / 身份 filters — one at a time, then the
 * whole dashboard as its loader runs it (all queries at once on the pool). Prints a table and one
 * JSON line {"progress_rows":…,"dashboard_p95_ms":…,"slowest":"…","page_p95_ms":…} — dashboard_p95_ms
 * is the slowest query's p95 (the budget), page_p95_ms the slowest whole page's.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:reports
 */
import { sql } from "kysely";
import { addDays, chinaToday } from "../app/lib/dates";
import type { ReportFilters } from "../app/lib/report-filters";
import { byStreet, compoundsOf } from "../app/models/report-geo.server";
import { learnerRecord, listLearners } from "../app/models/report-learner.server";
import { resolveScope, type ReportScope } from "../app/models/report-scope.server";
import { byIdentity, campsSummary, funnel, overview, weekly } from "../app/models/report.server";
import { openDatabase } from "../db/client";
import { databaseUrlFor } from "../db/postgres-admin";

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) {
  console.error("bench:reports 需要 PostgreSQL 和 npm run seed:scale 建好的库：DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:reports");
  process.exit(1);
}
const PAGE = "整页 dashboard (并发)";
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const handle = await openDatabase({ databaseUrl: databaseUrlFor(baseUrl, process.env.SCALE_DB ?? "academy_scale"), dataDir: "unused" });
const { db } = handle;

try {
  const progressRows = Number((await sql<{ n: string }>`select count(*) as n from lesson_progress`.execute(db)).rows[0]!.n);
  if (progressRows < 1000) throw new Error("库里几乎没有学习记录：先运行 npm run seed:scale");
  const id = async (table: "campuses" | "categories", slug: string) =>
    (await db.selectFrom(table).select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
  const daguan = await id("campuses", "daguan");
  const category = (await db.selectFrom("categories").select("id").orderBy("sort_order").executeTakeFirstOrThrow()).id;
  const street = (await db.selectFrom("users").select("street").where("phone", "like", "199%").executeTakeFirstOrThrow()).street;
  const learner = (await db.selectFrom("users").select("id").where("phone", "like", "199%").orderBy("id").executeTakeFirstOrThrow()).id;

  const today = chinaToday();
  const base: ReportFilters = { from: addDays(today, -83), to: today, campusId: null, categoryId: null, identity: null };
  const scenarios: [string, ReportFilters, number[] | null][] = [
    ["区级·近12周", base, null],
    ["区级·近一年", { ...base, from: addDays(today, -364) }, null],
    ["区级·业委会委员", { ...base, identity: "committee_member" }, null],
    ["区级·大关分学院", { ...base, campusId: daguan }, null],
    ["区级·一个类别+身份", { ...base, categoryId: category, identity: "resident" }, null],
    ["大关管理员·近一年", { ...base, from: addDays(today, -364) }, [daguan]],
  ];
  const queries: [string, (scope: ReportScope) => Promise<unknown>][] = [
    ["overview 概况", (s) => overview(db, s)],
    ["weekly 每周活跃", (s) => weekly(db, s)],
    ["funnel 课程完成", (s) => funnel(db, s)],
    ["identity 按身份", (s) => byIdentity(db, s)],
    ["streets 按街道", (s) => byStreet(db, s)],
    ["compounds 街道内小区", (s) => compoundsOf(db, s, street)],
    ["camps 训练营", (s) => campsSummary(db, s)],
    ["learners 学员列表(50)", (s) => listLearners(db, s, { limit: 51 })],
    ["learner 学员档案", (s) => learnerRecord(db, s, learner)],
  ];
  const dashboard = (s: ReportScope) => Promise.all([overview(db, s), weekly(db, s), funnel(db, s), byIdentity(db, s), byStreet(db, s), campsSummary(db, s)]);

  const results: { query: string; scenario: string; p50: number; p95: number }[] = [];
  const time = async (fn: () => Promise<unknown>) => {
    await fn();
    await fn();
    const ms: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await fn();
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    const pct = (p: number) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)]!;
    return { p50: pct(50), p95: pct(95) };
  };
  for (const [scenario, filters, administered] of scenarios) {
    const scope = (await resolveScope(db, filters, administered))!;
    for (const [query, fn] of queries) results.push({ query, scenario, ...(await time(() => fn(scope))) });
    results.push({ query: PAGE, scenario, ...(await time(() => dashboard(scope))) });
    process.stderr.write(".");
  }
  process.stderr.write("\n");

  const names = [...new Set(results.map((r) => r.query))];
  const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
  console.log(`lesson_progress ${progressRows.toLocaleString()} 行 · 每项 ${RUNS} 次 · p95 毫秒（p50）`);
  console.log(pad("查询", 26) + scenarios.map(([s]) => pad(s, 22)).join(""));
  for (const name of names) {
    const cells = scenarios.map(([s]) => {
      const r = results.find((x) => x.query === name && x.scenario === s)!;
      return pad(`${Math.round(r.p95)} (${Math.round(r.p50)})`, 22);
    });
    console.log(pad(name, 26) + cells.join(""));
  }
  // The budget is per dashboard query; the whole page (all of them at once on 2 cores) is printed beside it.
  const max = (rows: typeof results) => rows.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const slowest = max(results.filter((r) => r.query !== PAGE));
  const page = max(results.filter((r) => r.query === PAGE));
  console.log(
    JSON.stringify({
      progress_rows: progressRows,
      dashboard_p95_ms: Math.round(slowest.p95),
      slowest: `${slowest.query} / ${slowest.scenario}`,
      page_p95_ms: Math.round(page.p95),
      page_slowest: page.scenario,
    }),
  );
} finally {
  await handle.close();
}
