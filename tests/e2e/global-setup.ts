import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { prepareDatabase, readCampusesAndCategories } from "../../app/boot.server";
import { grantRole } from "../../app/models/role.server";
import { registerUser } from "../../app/models/user.server";
import { openDatabase } from "../../db/client";
import { createDatabase, dropDatabase } from "../../db/postgres-admin";

/**
 * Starts the built app (build/) on a database of its own — a temporary PGlite folder, or a
 * throwaway database on the server in DATABASE_URL — with one district admin the tests log in as.
 * Workers read E2E_BASE_URL / E2E_ADMIN_* from the environment this sets.
 */
export default async function globalSetup() {
  const baseDatabaseUrl = process.env.DATABASE_URL;
  const dbName = `academy_e2e_${process.pid}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "academy-e2e-"));
  const databaseUrl = baseDatabaseUrl ? await createDatabase(baseDatabaseUrl, dbName) : undefined;

  const admin = { phone: "13700000001", password: `e2e-${Math.random().toString(36).slice(2)}` };
  const branchAdmin = { phone: "13700000002", password: `e2e-${Math.random().toString(36).slice(2)}` };
  const handle = await openDatabase({ databaseUrl, dataDir });
  try {
    await prepareDatabase(handle, await readCampusesAndCategories(path.resolve("content")));
    const registered = await registerUser(handle.db, {
      ...admin,
      displayName: "测试区管理员",
      identity: "social_worker",
      street: "祥符街道",
      community: "测试社区",
      compound: "测试小区",
    });
    if (!registered.ok) throw new Error("could not create the e2e admin");
    await grantRole(handle.db, { actorId: null, userId: registered.userId, role: "district_admin", campusId: null });
    // A branch admin of 大关 (the editor journey), who must not reach other campuses.
    const branch = await registerUser(handle.db, {
      ...branchAdmin,
      displayName: "大关管理员",
      identity: "social_worker",
      street: "大关街道",
      community: "德胜社区",
      compound: "德胜新村",
    });
    const daguan = await handle.db.selectFrom("campuses").select("id").where("slug", "=", "daguan").executeTakeFirstOrThrow();
    if (!branch.ok) throw new Error("could not create the e2e branch admin");
    await grantRole(handle.db, { actorId: null, userId: branch.userId, role: "branch_admin", campusId: daguan.id });
  } finally {
    await handle.close();
  }

  const port = await freePort();
  const logDir = path.resolve("test-results");
  mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, "e2e-server.log");
  const log = createWriteStream(logFile);
  const server = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? "",
      DEMO_ACCOUNTS: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);

  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealthy(baseURL, server, logFile);
  process.env.E2E_BASE_URL = baseURL;
  process.env.E2E_ADMIN_PHONE = admin.phone;
  process.env.E2E_ADMIN_PASSWORD = admin.password;
  process.env.E2E_BRANCH_PHONE = branchAdmin.phone;
  process.env.E2E_BRANCH_PASSWORD = branchAdmin.password;

  return async () => {
    await stop(server);
    if (baseDatabaseUrl) await dropDatabase(baseDatabaseUrl, dbName);
    rmSync(dataDir, { recursive: true, force: true });
  };
}

async function waitForHealthy(baseURL: string, server: ChildProcess, logFile: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) break;
    try {
      if ((await fetch(`${baseURL}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop(server);
  throw new Error(`The app did not become healthy at ${baseURL}. Server log:\n${readFileSync(logFile, "utf8")}`);
}

function stop(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
    server.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    server.kill("SIGTERM");
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
