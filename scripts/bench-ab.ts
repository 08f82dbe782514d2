/**
 * npm run bench:ab -- <other checkout> [lesson|floor|write] — the CPU one request costs in two builds,
 * measured side by side. This machine's speed drifts by a third from one minute to the next, so
 * comparing two `npm run bench` runs taken minutes apart says little about a change. Here both
 * builds run at once on one database (this checkout's and the other's, each built and installed),
 * and take turns: 3-s runs at 8 connections, each followed by the other, six pairs. For each run
 * the CPU time the process spent (/proc/<pid>/stat, all its threads) is divided by the requests it
 * answered; the median of the per-pair ratios is the figure to quote (docs/decisions/009).
 * The database is migrated by this checkout, so the other must have the same migrations (a build
 * before a migration refuses to start on it). Two builds of the same commit show the noise: ~1.0.
 * `write` is 完成本课 (POST /learn/progress) as `npm run bench` sends it: every request a new learner
 * and lesson pair, counted across both builds, so each writes a new row.
 *
 *   git worktree add /tmp/base <commit> && (cd /tmp/base && npm ci && npm run build)
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:ab -- /tmp/base lesson
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { benchDatabase, learnersWithSessions, publishedLessons, readersWithProgress, requireDatabaseUrl } from "./lib/bench-fixture";
import { ensureBuilt, freePort, SERVER_NODE_FLAGS } from "./lib/bench-server";

const baseUrl = requireDatabaseUrl("bench:ab");
const [otherDir, target = "lesson"] = process.argv.slice(2);
if (!otherDir || !["lesson", "floor", "write"].includes(target)) {
  console.error("用法：npm run bench:ab -- <另一份已构建的检出目录> [lesson|floor|write]");
  process.exit(1);
}
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = 3;
ensureBuilt();

const database = await benchDatabase(baseUrl, "academy_ab_");
const apps: { name: string; url: string; child: ChildProcess }[] = [];
try {
  const lessons = await publishedLessons(database.handle.db);
  const page = await readersWithProgress(database.handle.db, lessons, 200);
  const pagePath = target === "floor" ? "/bench/floor" : page.path;
  const writers = target === "write" ? await learnersWithSessions(database.handle.db, 3000, "175") : null;
  let written = 0;
  const request = (r: autocannon.Request, i: number, origin: string): autocannon.Request => {
    if (!writers) return { ...r, path: pagePath, headers: { cookie: page.cookies[i % page.cookies.length]!, "accept-encoding": "gzip" } };
    const k = written++;
    const lesson = lessons[Math.floor(k / writers.cookies.length) % lessons.length]!;
    return {
      ...r,
      method: "POST",
      path: "/learn/progress",
      headers: { cookie: writers.cookies[k % writers.cookies.length]!, origin, "content-type": "application/x-www-form-urlencoded" },
      body: `course=${lesson.course}&lesson=${lesson.lesson}`,
    };
  };
  for (const dir of [path.resolve(otherDir), process.cwd()]) apps.push(await start(dir, database.url));

  const run = async (app: (typeof apps)[number]) => {
    let i = 0;
    const before = cpuTicks(app.child.pid!);
    const result = await autocannon({
      url: app.url,
      connections: 8,
      duration: SECONDS,
      requests: [
        // GET a page, or POST a write (request() sets the method).
        { setupRequest: (r) => request(r, i++, app.url) },
      ],
    });
    if (result.non2xx + result.errors > 0) throw new Error(`${app.name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    return { rps: result.requests.total / result.duration, cpuMs: ((cpuTicks(app.child.pid!) - before) * 10) / result.requests.total };
  };
  for (const app of apps) await run(app); // warm-up
  const runs: { rps: number; cpuMs: number }[][] = apps.map(() => []);
  // The order flips every round (AB, BA, …): an A/A run showed the second of a fixed pair some 10 %
  // cheaper, whatever the build.
  for (let round = 0; round < ROUNDS; round++) {
    for (const k of round % 2 === 0 ? [0, 1] : [1, 0]) runs[k]!.push(await run(apps[k]!));
  }

  const ratios = runs[1]!.map((b, k) => b.cpuMs / runs[0]![k]!.cpuMs);
  console.log(`\n${{ floor: "框架底线", lesson: "课时页", write: "完成本课（写入）" }[target]}：每个请求的 CPU 时间（${ROUNDS} 轮交替，每轮各 ${SECONDS} 秒，8 个连接）`);
  console.table(
    Object.fromEntries(
      apps.map((app, k) => [
        app.name,
        { "CPU ms/请求（中位数）": round2(median(runs[k]!.map((r) => r.cpuMs))), "请求/秒（中位数）": Math.round(median(runs[k]!.map((r) => r.rps))) },
      ]),
    ),
  );
  console.log(`本检出 / 对照，逐轮：${ratios.map(round2).join(" ")}；中位数 ${round2(median(ratios))}`);
} finally {
  for (const app of apps) app.child.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await database.drop();
}

/** The built app of `dir`, started the way bench-server.ts starts this one. */
async function start(dir: string, databaseUrl: string) {
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, "--import", "tsx", "server.ts"], {
    cwd: dir,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DEMO_ACCOUNTS: "false",
      COOKIE_SECURE: "false",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DB_POOL_SIZE: "16",
      BENCH_FLOOR: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (!(await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false))) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`${dir}: the app did not start (same migrations as this checkout?)`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { name: dir === process.cwd() ? "本检出" : `对照 ${dir}`, url, child };
}

/** User + system clock ticks (10 ms) of a process, all its threads. */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function round2(n: number) {
  return Math.round(n * 100) / 100;
}
