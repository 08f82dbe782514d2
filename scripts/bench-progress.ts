/**
 * npm run bench:progress — progress writes (完成本课) from many concurrent learners, through the
 * real HTTP action with real sessions, on PostgreSQL. Budget: ≥ 1,000 writes/s on this 2-core
 * machine, none lost (rows in lesson_progress = writes the server acknowledged with a 2xx).
 *
 * Needs DATABASE_URL (any database on the server: a throwaway one is created next to it and
 * dropped afterwards). Starts the built app as its own process, like `npm start`, and drives it
 * with autocannon. Prints a table and one JSON line.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:progress
 *   BENCH_LEARNERS=4000 BENCH_CONNECTIONS=64 …   (defaults 3000 and 32)
 */
import autocannon from "autocannon";
import { sql } from "kysely";
import { prepareDatabase, readCampusesAndCategories, syncContent } from "../app/boot.server";
import { hashPassword } from "../app/models/password.server";
import { generateSessionToken, SESSION_LIFETIME_MS, sessionIdFromToken } from "../app/models/session.server";
import { SESSION_COOKIE } from "../app/lib/session-cookie.server";
import { openDatabase } from "../db/client";
import { createDatabase, dropDatabase, dropDatabasesLike } from "../db/postgres-admin";
import { startApp } from "./lib/bench-server";

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) {
  console.error("bench:progress 需要真实的 PostgreSQL：DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:progress");
  process.exit(1);
}
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 3000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const PREFIX = "academy_bench_progress_";

await dropDatabasesLike(baseUrl, PREFIX);
const dbName = `${PREFIX}${process.pid}`;
const dbUrl = await createDatabase(baseUrl, dbName);
const handle = await openDatabase({ databaseUrl: dbUrl, dataDir: "unused" });
let app: Awaited<ReturnType<typeof startApp>> | undefined;
try {
  await prepareDatabase(handle, await readCampusesAndCategories("content"));
  await syncContent(handle, "content");
  const { db } = handle;
  const lessons = await db
    .selectFrom("lessons")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .select(["courses.slug as course", "lessons.slug as lesson"])
    .where("lessons.published_version_id", "is not", null)
    .orderBy("courses.id")
    .orderBy("lessons.position")
    .execute();

  // Learners and their sessions, inserted directly (hashing 3,000 passwords is not what we measure).
  const passwordHash = await hashPassword("bench-password");
  const cookies: string[] = [];
  for (let from = 0; from < LEARNERS; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, LEARNERS - from) }, (_, i) => from + i);
    const users = await db
      .insertInto("users")
      .values(
        batch.map((i) => ({
          phone: `170${String(i).padStart(8, "0")}`,
          password_hash: passwordHash,
          display_name: `学员${i}`,
          identity: "liaison" as const,
          street: "大关街道",
          community: "德胜社区",
          compound: "德胜新村",
        })),
      )
      .returning("id")
      .execute();
    const tokens = users.map(() => generateSessionToken());
    await db
      .insertInto("sessions")
      .values(users.map((u, i) => ({ id: sessionIdFromToken(tokens[i]!), user_id: u.id, expires_at: new Date(Date.now() + SESSION_LIFETIME_MS) })))
      .execute();
    cookies.push(...tokens.map((token) => `${SESSION_COOKIE}=${token}`));
  }

  app = await startApp({ DATABASE_URL: dbUrl, DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? "16" });
  const origin = app.url;
  // Each request is a different (learner, lesson) pair, learners interleaved, so every write is a
  // new row and rows = acknowledged writes exactly.
  const total = LEARNERS * lessons.length;
  let next = 0;
  const run = (amount: number) =>
    autocannon({
      url: app!.url,
      connections: CONNECTIONS,
      amount,
      timeout: 10,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const i = next++;
            const lesson = lessons[Math.floor(i / LEARNERS) % lessons.length]!;
            return {
              ...request,
              // What a browser's fetcher posts with single fetch: the route's .data URL.
              path: "/learn/progress",
              headers: { cookie: cookies[i % LEARNERS]!, origin, "content-type": "application/x-www-form-urlencoded" },
              body: `course=${lesson.course}&lesson=${lesson.lesson}`,
            };
          },
        },
      ],
    });

  const warm = await run(Math.min(1000, Math.floor(total / 10)));
  const main = await run(total - warm.requests.total);
  const acknowledged = warm["2xx"] + main["2xx"];
  const { rows } = (
    await sql<{ rows: number }>`select count(*)::int as rows from lesson_progress where reached_end_at is not null`.execute(db)
  ).rows[0]!;
  const writesPerSecond = Math.round(main["2xx"] / (main.duration || 1));
  const report = {
    learners: LEARNERS,
    connections: CONNECTIONS,
    requests: main.requests.total,
    writes_per_s: writesPerSecond,
    p50_ms: main.latency.p50,
    p99_ms: main.latency.p99,
    non_2xx: warm.non2xx + main.non2xx,
    errors: warm.errors + main.errors + warm.timeouts + main.timeouts,
    acknowledged,
    rows,
    lost_writes: Math.max(0, acknowledged - rows),
  };
  console.log("\n进度写入基准（完成本课，经 HTTP、带会话，PostgreSQL）");
  console.table({
    "并发连接": CONNECTIONS,
    "学员": LEARNERS,
    "计时请求数": report.requests,
    "每秒写入": `${writesPerSecond}（预算 ≥ 1000）`,
    "延迟 p50 / p99": `${report.p50_ms} / ${report.p99_ms} ms`,
    "非 2xx / 错误": `${report.non_2xx} / ${report.errors}`,
    "确认写入 / 数据库行数": `${acknowledged} / ${rows}`,
    "丢失": report.lost_writes,
  });
  console.log(JSON.stringify(report));
  if (report.lost_writes > 0 || report.non_2xx > 0 || report.errors > 0) process.exitCode = 1;
} finally {
  await app?.stop();
  await handle.close();
  await dropDatabase(baseUrl, dbName);
}
