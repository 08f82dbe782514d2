import { watch } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, installGlobals, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type ErrorRequestHandler } from "express";
import type { AppLoadContext } from "@remix-run/node";
import "./app/context";
import { formatProblems, prepareDatabase, readCampusesAndCategories, summarizeSync, syncContent } from "./app/boot.server";
import { checksOwnSession, resolveRequestSession, sessionIdClaimedBy } from "./app/lib/auth.server";
import { loadEnv } from "./app/lib/env.server";
import { createRequestHandler } from "./app/lib/remix-handler.server";
import { t } from "./app/lib/messages";
import { type PrefChoices, readPrefsCookie, resolvePrefs } from "./app/lib/reading-prefs";
import { requestScope, runInRequestScope, speakRequestLocale } from "./app/lib/request-scope.server";
import { formBodiesOnly, limitBodySize, noLegacyDataRequests, plainPage, sameOriginOnly } from "./app/lib/request-guards.server";
import { precompressed } from "./app/lib/precompressed.server";
import { startRenderThread } from "./app/lib/render-thread.server";
import { securityHeaders } from "./app/lib/security-headers.server";
import { ensureDemoAccounts } from "./app/models/demo.server";
import { DataFileError } from "./app/lib/yaml-data";
import { openDatabase } from "./db/client";
import { isDatabaseUnavailable } from "./db/errors";

installGlobals({ nativeFetch: true });

const env = (() => {
  try {
    return loadEnv();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
})();
const isDev = env.NODE_ENV === "development";
const BUILD_PATH = path.resolve("build/index.js");

const database = await openDatabaseOrExit();
const { db } = database;
const laws = await syncCoursesOnStart();
const demoAccounts =
  database.kind === "pglite" && env.DEMO_ACCOUNTS ? await ensureDemoAccounts(db, path.resolve(env.DATA_DIR)) : [];

const initialBuild = (await import(pathToFileURL(BUILD_PATH).href)) as ServerBuild;
// Documents render on a second thread with its own copy of the build (docs/decisions/009). Not in
// development, where the build is reloaded after every change.
const renderThread = !isDev && env.RENDER_THREAD ? startRenderThread(BUILD_PATH) : null;

const app = express();
app.disable("x-powered-by");
// Behind a load balancer (scripts/cluster): which process answered.
const instanceId = env.INSTANCE_ID;
if (instanceId) {
  app.use((_req, res, next) => {
    res.set("X-Academy-Instance", instanceId);
    next();
  });
}
const trustProxy = env.TRUST_PROXY !== undefined && env.TRUST_PROXY !== "false";
if (trustProxy) app.set("trust proxy", /^\d+$/.test(env.TRUST_PROXY!) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY);

// Pages, scripts and styles are compressed; form posts answer with a few bytes, and wrapping
// every response stream costs the hot progress writes time for nothing.
const compress = compression();
app.use((req, res, next) => (req.method === "GET" || req.method === "HEAD" ? compress(req, res, next) : next()));
app.use(securityHeaders({ dev: isDev, https: env.secureCookies }));

// Fingerprinted assets never change; everything else in public/ may. Every file in public/ has an
// extension and no page address does: pages skip the file-system lookup (a stat on a worker thread
// that fails, per request — context switches this machine charges dearly for).
app.use("/build", precompressed("public/build", { immutable: true, maxAge: "1y" }));
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
const publicFiles = express.static("public", {
  maxAge: "1h",
  // The service worker and the manifest are checked on every visit, so a new version arrives at
  // once rather than after an hour (docs/decisions/010-offline-lessons.md).
  setHeaders: (res, file) => {
    if (file.endsWith(`${path.sep}sw.js`) || file.endsWith(".webmanifest")) res.setHeader("Cache-Control", "no-cache");
  },
});
app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));

app.get("/healthz", async (_req, res) => {
  const ok = await database.ping();
  res.status(ok ? 200 : 503).type("text").set("Cache-Control", "no-store").send(ok ? "ok" : "database unavailable");
});

// From here on `t` speaks the reader's language: the device's choice now, the account's once the
// session is known (getLoadContext). Refusals below are in that language too.
speakRequestLocale();
// The device's choices are read once here and kept for getLoadContext.
app.use((req, res, next) => {
  const device = readPrefsCookie(req.headers.cookie);
  res.locals.devicePrefs = device;
  runInRequestScope({ locale: device.locale ?? "zh" }, next);
});
app.use(sameOriginOnly(env.allowedOrigins, trustProxy));
app.use(formBodiesOnly());
app.use(noLegacyDataRequests());
app.use(
  limitBodySize(1024 * 1024, [
    // 5 MB images plus the multipart envelope; lessons of up to 1 MB, percent-encoded (Chinese triples).
    { prefix: "/admin/media", maxBytes: 6 * 1024 * 1024, message: t.authoring.media.errors.size },
    { prefix: "/admin/lessons/", maxBytes: 4 * 1024 * 1024 },
  ]),
);

app.all(
  "*",
  createRequestHandler({
    mode: initialBuild.mode,
    build: isDev ? () => importFreshBuild() : initialBuild,
    async getLoadContext(req, res): Promise<AppLoadContext> {
      const context = {
        db,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "",
        cspNonce: res.locals.cspNonce as string,
        secureCookies: env.secureCookies,
        laws,
        renderThread,
        // A page load renders a document; a data request (Remix's *.data) does not.
        documentHtml: req.method === "GET" && !req.path.endsWith(".data") ? new Map<string, string>() : null,
      };
      const device = res.locals.devicePrefs as PrefChoices;
      if (checksOwnSession(req.method, req.path)) {
        return { ...context, session: null, claimedSessionId: sessionIdClaimedBy(req.headers.cookie), prefs: resolvePrefs(device, null) };
      }
      const { session, refreshCookie } = await resolveRequestSession(db, req.headers.cookie, env.secureCookies);
      if (refreshCookie) res.append("Set-Cookie", refreshCookie);
      const prefs = resolvePrefs(device, session?.user.prefs ?? null);
      const scope = requestScope();
      if (scope) scope.locale = prefs.locale;
      return { ...context, session, prefs };
    },
  }),
);

// Errors that escape Remix (e.g. the database is down while the session is checked): no stack traces.
const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  // Express's own refusals (an address with a broken %-escape, a body cut off mid-way) carry a 4xx.
  const status = Number((error as { status?: unknown }).status ?? (error as { statusCode?: unknown }).statusCode);
  if (status >= 400 && status < 500) {
    console.warn(`${status} ${req.method} ${req.originalUrl.slice(0, 200)}: ${(error as Error).message}`);
    if (res.headersSent) return res.end();
    return res.status(status).type("html").send(plainPage(t.errors.badRequestTitle, t.errors.badRequest));
  }
  const unavailable = isDatabaseUnavailable(error);
  console.error(unavailable ? `数据库不可用：${(error as Error).message}` : error);
  if (res.headersSent) return res.end();
  res
    .status(unavailable ? 503 : 500)
    .type("html")
    .send(
      unavailable
        ? plainPage(t.errors.unavailableTitle, t.errors.unavailableBody)
        : plainPage(t.errors.serverErrorTitle, t.errors.serverErrorBody),
    );
};
app.use(errorHandler);

const server = app.listen(env.PORT, env.HOST ?? "0.0.0.0", () => {
  printBanner();
  if (isDev) void broadcastDevReady(initialBuild);
});
server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(error.code === "EADDRINUSE" ? `端口 ${env.PORT} 已被占用：请停止占用它的程序，或用 PORT=3001 npm start` : error);
  void shutdown(1);
});

if (isDev) {
  // `remix dev --manual` rewrites build/version.txt after each rebuild; tell it we picked the build up.
  watch(path.dirname(BUILD_PATH), async (_event, file) => {
    if (file === "version.txt") void broadcastDevReady(await importFreshBuild());
  });
}

let shuttingDown = false;
async function shutdown(code = 0) {
  if (shuttingDown) return;
  shuttingDown = true;
  server.close();
  await renderThread?.close();
  // PGlite keeps data in memory until closed: close it so nothing acknowledged is lost.
  await database.close().catch((error) => console.error(error));
  process.exit(code);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());

async function openDatabaseOrExit() {
  try {
    const content = await readCampusesAndCategories(env.CONTENT_DIR);
    const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: env.DB_POOL_SIZE });
    try {
      await prepareDatabase(handle, content);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle;
  } catch (error) {
    if (error instanceof DataFileError) console.error(`内容文件有误，应用未启动：\n${error.message}`);
    else console.error(`应用未启动：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** Lessons compile once here (unchanged ones are skipped by hash); a broken lesson is reported, not fatal. */
async function syncCoursesOnStart() {
  const started = performance.now();
  try {
    const { report, laws } = await syncContent(database, env.CONTENT_DIR);
    for (const line of formatProblems(report)) console.error(line);
    console.log(summarizeSync(report, (performance.now() - started) / 1000));
    return laws;
  } catch (error) {
    console.error(`内容文件有误，应用未启动：\n${error instanceof Error ? error.message : String(error)}`);
    await database.close();
    process.exit(1);
  }
}

async function importFreshBuild(): Promise<ServerBuild> {
  return import(`${pathToFileURL(BUILD_PATH).href}?t=${Date.now()}`);
}

function printBanner() {
  const where = database.kind === "pglite" ? `嵌入式 PostgreSQL（${path.resolve(env.DATA_DIR)}）` : "PostgreSQL（DATABASE_URL）";
  const lines = [`三方学院已启动：http://localhost:${env.PORT}`, `数据库：${where}`];
  if (env.secureCookies) {
    lines.push("登录 Cookie 带 Secure 标记：请用 https:// 或 http://localhost 访问；局域网内用 http 访问请设 COOKIE_SECURE=false。");
  }
  if (demoAccounts.length > 0) {
    lines.push("演示账号（仅嵌入式数据库；密码保存在数据目录的 demo-accounts.json）：");
    for (const a of demoAccounts) lines.push(`  ${a.label}：手机号 ${a.phone}，密码 ${a.password}`);
  }
  console.log(lines.join("\n"));
}
