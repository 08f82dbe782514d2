import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { Database } from "./schema";

/**
 * The one place that creates the database handle. Everything else receives the Kysely
 * instance from here (through the Remix load context, script arguments or test fixtures).
 *
 * DATABASE_URL set   → a pg Pool on PostgreSQL.
 * DATABASE_URL unset → PGlite (embedded PostgreSQL in WebAssembly) stored in DATA_DIR.
 */

export type DB = Kysely<Database>;

export interface DatabaseHandle {
  db: DB;
  kind: "pglite" | "postgres";
  /** True when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

const DATE_OID = 1082;

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  /** Folder for embedded data; PGlite files go to `<dataDir>/pglite`. */
  dataDir?: string | undefined;
  /** Pool size for PostgreSQL. */
  poolSize?: number | undefined;
}

/**
 * pg returns int8 (count(*), sum, bigint ids) as strings; PGlite would return numbers.
 * Make PGlite match so code and tests behave the same on both. Dates without a time (`date`, e.g.
 * a camp session's day) stay "YYYY-MM-DD" strings on both: as JS Dates they would shift with the
 * process's time zone.
 */
export const pgliteOptions = {
  parsers: { [types.INT8]: (value: string) => value, [types.DATE]: (value: string) => value },
};

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.poolSize ?? 10);
  const dataDir = path.resolve(config.dataDir ?? "./data");
  const pgliteDir = path.join(dataDir, "pglite");
  mkdirSync(pgliteDir, { recursive: true });
  const releaseLock = lockDataDir(dataDir);
  try {
    const pglite = await PGlite.create(pgliteDir, pgliteOptions);
    const handle = wrapPGlite(pglite);
    return { ...handle, close: () => handle.close().finally(releaseLock) };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * PGlite is a single-process database: two processes opening the same folder corrupt it.
 * A pid file refuses the second one with a message instead.
 */
function lockDataDir(dataDir: string): () => void {
  const lockFile = path.join(dataDir, "pglite.lock");
  try {
    const pid = Number(readFileSync(lockFile, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `嵌入式数据库 ${dataDir} 正被另一个进程（pid ${pid}）使用。请先停止它（例如正在运行的 npm start），再执行本命令。`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function wrapPGlite(pglite: PGlite): DatabaseHandle {
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    ping: (timeoutMs) => ping(db, timeoutMs),
    async close() {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}

export function openPostgres(connectionString: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    // JIT compiles a query for ~250 ms when its estimated cost is high: report queries over a few
    // hundred thousand rollup rows cross that line and pay more to compile than to run.
    options: "-c jit=off",
    types: { getTypeParser: (oid: number, format?: "text" | "binary") => (oid === DATE_OID ? (v: string) => v : pg.types.getTypeParser(oid, format as "text")) },
  });
  // An idle client losing its connection (e.g. PostgreSQL restarting) emits 'error' on the pool;
  // unhandled, that would crash the process instead of letting the next query fail and recover.
  pool.on("error", (error) => {
    console.error("PostgreSQL pool error:", error.message);
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: namedStatements(pool) }) });
  return {
    db,
    kind: "postgres",
    ping: (timeoutMs) => ping(db, timeoutMs),
    close: () => db.destroy(),
  };
}

/**
 * Gives each distinct SQL text a statement name, so PostgreSQL parses and plans it once per
 * connection instead of on every call (measured: about half of the server's CPU per simple query
 * on this machine). Our SQL texts are fixed by the code, but a few vary (an `in (…)` list's
 * length), so only the first MAX_NAMED texts are named; the rest run unnamed, as before.
 * A migration that changes a table a named statement reads would make PostgreSQL refuse it
 * ("cached plan must not change result type"): migrations run before the app serves.
 */
const MAX_NAMED = 2_000;
function namedStatements(pool: pg.Pool) {
  const names = new Map<string, string>();
  const nameFor = (text: string) => {
    let name = names.get(text);
    if (name === undefined && names.size < MAX_NAMED) {
      name = `k${names.size}`;
      names.set(text, name);
    }
    return name;
  };
  return {
    async connect() {
      const client = await pool.connect();
      // The pool listens for errors only on idle clients. A checked-out one whose server goes away
      // between two queries (PostgreSQL restarting: "terminating connection due to administrator
      // command") emits 'error' with no listener, which would crash the process. Caught here, and
      // the client is handed back as broken so the pool drops it instead of reusing it.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken = error;
        console.error("PostgreSQL connection error:", error.message);
      };
      client.on("error", onError);
      return {
        query: ((text: unknown, values?: unknown[]) =>
          typeof text === "string" ? client.query({ name: nameFor(text), text, values }) : client.query(text as never)) as pg.PoolClient["query"],
        release: () => {
          client.off("error", onError);
          client.release(broken);
        },
      };
    },
    end: () => pool.end(),
  };
}

async function ping(db: DB, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const query = sql`select 1 as ok`
    .execute(db)
    .then(() => true)
    .catch(() => false);
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
