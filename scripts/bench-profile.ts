/**
 * npm run bench:profile — where the server's time goes on the bench's pages. Starts the app the way
 * `npm run bench` does, with V8's CPU profiler on, loads one path at 32 connections for BENCH_SECONDS,
 * stops the app (which writes the profile) and prints the functions with the most self time and the
 * modules they belong to. The .cpuprofile is kept (open it in Chrome DevTools → Performance).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench:profile -- lesson|floor|write
 */
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { benchDatabase, learnersWithSessions, publishedLessons, readersWithProgress, requireDatabaseUrl } from "./lib/bench-fixture";
import { startApp } from "./lib/bench-server";

const baseUrl = requireDatabaseUrl("bench:profile");
const target = process.argv[2] ?? "lesson";
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const dir = mkdtempSync(path.join(tmpdir(), "academy-profile-"));

const database = await benchDatabase(baseUrl, "academy_profile_");
try {
  const { db } = database.handle;
  const lessons = await publishedLessons(db);
  // Pages are read by learners in the middle of the course (as in npm run bench); writes come from others.
  const readers = await readersWithProgress(db, lessons, 200);
  const learners = target === "write" ? await learnersWithSessions(db, 2000, "172") : readers;
  const app = await startApp(
    {
      DATABASE_URL: database.url,
      DB_POOL_SIZE: process.env.DB_POOL_SIZE ?? "16",
      BENCH_FLOOR: "1",
    },
    ["--cpu-prof", `--cpu-prof-dir=${dir}`],
  );
  let i = 0;
  const request = (): autocannon.Request =>
    target === "write"
      ? {
          method: "POST",
          setupRequest: (r) => {
            const n = i++;
            const l = lessons[Math.floor(n / learners.cookies.length) % lessons.length]!;
            return {
              ...r,
              path: "/learn/progress",
              headers: {
                cookie: learners.cookies[n % learners.cookies.length]!,
                origin: app.url,
                "content-type": "application/x-www-form-urlencoded",
              },
              body: `course=${l.course}&lesson=${l.lesson}`,
            };
          },
        }
      : {
          method: "GET",
          setupRequest: (r) => ({
            ...r,
            path: target === "floor" ? "/bench/floor" : readers.path,
            headers: {
              cookie: learners.cookies[i++ % learners.cookies.length]!,
              "accept-encoding": "gzip",
            },
          }),
        };
  const result = await autocannon({
    url: app.url,
    connections: 32,
    duration: SECONDS,
    requests: [request()],
  });
  await app.stop();
  console.log(
    `${target}: ${Math.round(result.requests.total / result.duration)} req/s, p50 ${result.latency.p50} ms, non-2xx ${result.non2xx}`,
  );
  // The main thread's profile (tsx's loader thread writes one of its own, numbered after it).
  const file = path.join(
    dir,
    readdirSync(dir)
      .filter((f) => f.endsWith(".cpuprofile"))
      .sort()[0]!,
  );
  summarise(JSON.parse(readFileSync(file, "utf8")));
  console.log(`profile: ${file}`);
} finally {
  await database.drop();
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** Self time per function and per module (node_modules package, our app, node internals). */
function summarise(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }) {
  const self = new Map<number, number>();
  profile.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const byFunction = new Map<string, number>();
  const byModule = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (!us) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = moduleOf(url);
    const key = `${functionName || "(anonymous)"}  ${where}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + us);
    byModule.set(where, (byModule.get(where) ?? 0) + us);
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `${((us / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
  console.log(`\nself time by module (${(total / 1e6).toFixed(1)} s sampled)\n${top(byModule, 25).join("\n")}`);
  console.log(`\nself time by function\n${top(byFunction, 40).join("\n")}`);
}

function moduleOf(url: string) {
  if (!url) return "(native/gc/idle)";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split("/");
    return rest[0]!.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith("node:")) return url;
  return path.relative(process.cwd(), url.replace("file://", ""));
}
