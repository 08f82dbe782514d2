/**
 * npm run bench:progress — progress writes (完成本课) from many concurrent learners, through the
 * real HTTP action with real sessions, on PostgreSQL. Budget: ≥ 1,000 writes/s on this 2-core
 * machine, none lost (rows in lesson_progress = writes the server acknowledged with a 2xx).
 *
 * Needs DATABASE_URL (any database on the server: a throwaway one is created next to it and
 * dropped afterwards). Starts the built app as its own process, like `npm start`, and drives it
 * with autocannon. Prints a table and one JSON line. `npm run bench` runs the same writes as its
 * last part, after the page loads.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:progress
 *   BENCH_LEARNERS=4000 BENCH_CONNECTIONS=64 …   (defaults 3000 and 32)
 */
import { benchDatabase, learnersWithSessions, progressWrites, publishedLessons, requireDatabaseUrl, writeTable } from "./lib/bench-fixture";
import { startApp } from "./lib/bench-server";

const baseUrl = requireDatabaseUrl("bench:progress");
const LEARNERS = Number(process.env.BENCH_LEARNERS ?? 3000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

const database = await benchDatabase(baseUrl, "academy_bench_progress_");
let app: Awaited<ReturnType<typeof startApp>> | undefined;
try {
  const { db } = database.handle;
  const lessons = await publishedLessons(db);
  const learners = await learnersWithSessions(db, LEARNERS);
  app = await startApp({ DATABASE_URL: database.url, DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? "16" });
  const report = await progressWrites({ db, url: app.url, learners, lessons, connections: CONNECTIONS });
  console.log("\n进度写入基准（完成本课，经 HTTP、带会话，PostgreSQL）");
  console.table(writeTable(report));
  console.log(JSON.stringify(report));
  if (report.lost_writes > 0 || report.non_2xx > 0 || report.errors > 0) process.exitCode = 1;
} finally {
  await app?.stop();
  await database.drop();
}

