/**
 * scripts/cluster — two app processes on one PostgreSQL behind nginx, all on loopback (issue 9,
 * scale-out). Run through the shell script, which installs nginx if it is missing and cleans up:
 *
 *   scripts/cluster            (DATABASE_URL defaults to postgres://postgres@127.0.0.1:5432/postgres)
 *
 * A throwaway database is created next to DATABASE_URL's and dropped afterwards. Then, through
 * nginx (round robin, so consecutive requests land on alternate processes):
 *   1. one learner registers, logs in with a real POST /login, opens lessons, completes them (as a
 *      form post and as a fetcher's .data post), and reads /learn and /profile: every answer must be
 *      the expected one, every page must be rendered for that learner (the session is never lost),
 *      both processes must have answered, and every completed lesson must be in the database;
 *   2. many learners complete lessons at once: no error, no acknowledged write missing.
 * Prints a table per part and one JSON line; exits 1 when a check fails.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchDatabase, learnersWithSessions, publishedLessons } from "./lib/bench-fixture";
import { startApp } from "./lib/bench-server";
import { recordChildPidsIn, track } from "./lib/children";
import { addTo, checkAcknowledged, countInstance, emptyTally, formatInstances, progressPairs, runLoops, send, type Send, type WritePair } from "./lib/load";
import { startNginx } from "./lib/nginx";

const baseUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
// The shell script passes its temp dir (and removes it); run directly, this makes and removes one.
const tmp = process.env.CLUSTER_TMP ?? mkdtempSync(path.join(tmpdir(), "academy-cluster-"));
if (process.env.CLUSTER_TMP) recordChildPidsIn(path.join(tmp, "children.pid"));
else process.on("exit", () => rmSync(tmp, { recursive: true, force: true }));
const JOURNEY_LESSONS = 12;
const WRITERS = 300;
const CONNECTIONS = 16;
const SECONDS = 5;

const problems: string[] = [];
const check = (ok: boolean, problem: string) => {
  if (!ok) problems.push(problem);
};

const database = await benchDatabase(baseUrl, "academy_cluster_");
const apps: Awaited<ReturnType<typeof startApp>>[] = [];
let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
try {
  const { db } = database.handle;
  const lessons = await publishedLessons(db);
  const writers = await learnersWithSessions(db, WRITERS, "171");
  for (const id of ["app-1", "app-2"]) {
    apps.push(track(await startApp({ DATABASE_URL: database.url, DB_POOL_SIZE: "8", TRUST_PROXY: "1", INSTANCE_ID: id })));
  }
  nginx = track(await startNginx(path.join(tmp, "nginx"), apps.map((a) => new URL(a.url).host)));
  const origin = nginx.url;

  // 1. One learner, one request after another.
  const learner = { phone: "13900000001", password: "cluster-pass-1", name: "集群测试学员" };
  const started = performance.now();
  const instances: Record<string, number> = {};
  const journey = emptyTally();
  let cookie = "";
  let sessionLost = 0;
  const step = async (label: string, request: Send, expect: { status: number[]; page?: boolean }) => {
    const answer = await send(origin, started, { ...request, headers: { ...(cookie ? { cookie } : {}), ...request.headers } }, { text: true });
    addTo(journey, answer);
    countInstance(instances, answer);
    if (answer.location?.startsWith("/login")) sessionLost++;
    check(expect.status.includes(answer.status), `${label}: ${answer.status} from ${answer.instance} (expected ${expect.status.join("/")})`);
    if (expect.page) check(answer.text.includes(learner.name), `${label}: the page from ${answer.instance} is not the logged-in learner's`);
    return answer;
  };
  const form = (fields: Record<string, string>) => ({
    method: "POST" as const,
    headers: { origin, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });

  await step("GET /register", { path: "/register" }, { status: [200] });
  const registered = await step(
    "POST /register",
    {
      path: "/register",
      ...form({
        phone: learner.phone,
        password: learner.password,
        confirmPassword: learner.password,
        displayName: learner.name,
        identity: "liaison",
        street: "大关街道",
        community: "德胜社区",
        compound: "德胜新村",
      }),
    },
    { status: [302, 303] },
  );
  check(registered.location === "/profile", `POST /register went to ${registered.location}, not /profile`);
  await step("GET /login", { path: "/login" }, { status: [200] });
  const login = await step("POST /login", { path: "/login", ...form({ phone: learner.phone, password: learner.password, redirectTo: "/learn" }) }, { status: [302, 303] });
  cookie = login.setCookie.find((c) => c.startsWith("sf_session="))?.split(";")[0] ?? "";
  check(cookie !== "", "POST /login set no session cookie");
  check(login.location === "/learn", `POST /login went to ${login.location}, not /learn`);

  const user = await db.selectFrom("users").select("id").where("phone", "=", learner.phone).executeTakeFirstOrThrow();
  const mine = lessons.slice(0, JOURNEY_LESSONS);
  for (const [i, lesson] of mine.entries()) {
    const page = `/courses/${lesson.course}/${lesson.lesson}`;
    await step(`GET ${page}`, { path: page }, { status: [200], page: true });
    // Without JavaScript the form posts to the route; a fetcher posts to its .data URL.
    const target = i % 2 === 0 ? "/learn/progress" : "/learn/progress.data";
    await step(`POST ${target}`, { path: target, ...form({ course: lesson.course, lesson: lesson.lesson }) }, { status: [200] });
    if (i % 3 === 2) await step("GET /learn", { path: "/learn" }, { status: [200], page: true });
  }
  const learnPage = await step("GET /learn", { path: "/learn" }, { status: [200], page: true });
  await step("GET /profile", { path: "/profile" }, { status: [200], page: true });
  const courses = await db.selectFrom("courses").select("title").where("id", "in", [...new Set(mine.map((l) => l.courseId))]).execute();
  for (const c of courses) check(learnPage.text.includes(c.title), `/learn does not list the course 「${c.title}」 the learner started`);
  const { acknowledged: posted, lost: journeyLost } = await checkAcknowledged(
    db,
    mine.map((l) => ({ userId: user.id, lessonId: l.lessonId })),
  );
  check(sessionLost === 0, `the session was lost ${sessionLost} times (redirected to /login)`);
  check(journeyLost === 0, `${journeyLost} of the learner's ${posted} completed lessons are not in the database`);
  check(Object.keys(instances).filter((k) => k.startsWith("app-")).length === 2, `not both processes answered: ${JSON.stringify(instances)}`);
  check(instances["(no header)"] === undefined && instances["(no answer)"] === undefined, `answers without an instance: ${JSON.stringify(instances)}`);

  // 2. Many learners at once.
  const crowdInstances: Record<string, number> = {};
  const crowd = emptyTally();
  const acknowledged: WritePair[] = [];
  const run = await runLoops<WritePair>({
    baseUrl: origin,
    connections: CONNECTIONS,
    seconds: SECONDS,
    next: progressPairs(writers, lessons, origin),
    onAnswer(outcome, pair) {
      addTo(crowd, outcome);
      countInstance(crowdInstances, outcome);
      if (outcome.status >= 200 && outcome.status < 300) acknowledged.push(pair);
    },
  });
  const crowdCheck = await checkAcknowledged(db, acknowledged);
  check(crowd.ok_2xx === crowd.requests, `concurrent writes: ${crowd.requests - crowd.ok_2xx} of ${crowd.requests} not answered 2xx`);
  check(crowdCheck.lost === 0, `concurrent writes: ${crowdCheck.lost} acknowledged writes are not in the database`);
  check(Object.keys(crowdInstances).filter((k) => k.startsWith("app-")).length === 2, `concurrent writes: not both processes answered`);

  const report = {
    check: "cluster",
    processes: apps.length,
    journey_requests: journey.requests,
    journey_by_instance: instances,
    session_lost: sessionLost,
    lessons_completed: posted,
    lessons_in_database: posted - journeyLost,
    concurrent_requests: crowd.requests,
    concurrent_writes_per_s: Math.round(crowd.ok_2xx / run.seconds),
    concurrent_by_instance: crowdInstances,
    concurrent_non_2xx: crowd.requests - crowd.ok_2xx - crowd.connection_errors,
    concurrent_errors: crowd.connection_errors,
    acknowledged: crowdCheck.acknowledged,
    in_database: crowdCheck.in_database,
    lost: crowdCheck.lost,
    problems: problems.length,
  };
  console.log("\n两个应用进程 + nginx（同一 PostgreSQL，本机回环）\n1. 一名学员注册、登录、学习（逐个请求）");
  console.table({
    "请求": journey.requests,
    "各进程应答": formatInstances(instances),
    "会话丢失（转到登录页）": sessionLost,
    "完成课时 / 数据库中": `${posted} / ${posted - journeyLost}`,
  });
  console.log(`2. ${WRITERS} 名学员同时完成课时（${CONNECTIONS} 并发，${SECONDS} 秒）`);
  console.table({
    "请求": crowd.requests,
    "每秒写入": report.concurrent_writes_per_s,
    "各进程应答": formatInstances(crowdInstances),
    "非 2xx / 连接错误": `${report.concurrent_non_2xx} / ${report.concurrent_errors}`,
    "确认写入 / 数据库中 / 丢失": `${crowdCheck.acknowledged} / ${crowdCheck.in_database} / ${crowdCheck.lost}`,
  });
  console.log(JSON.stringify(report));
  if (problems.length > 0) {
    console.error(`\n未通过：\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exitCode = 1;
  } else {
    console.log("通过：每个请求都落在两个进程之一，会话和进度都没有丢失。");
  }
} finally {
  await nginx?.stop();
  await Promise.all(apps.map((a) => a.stop()));
  await database.drop();
}
