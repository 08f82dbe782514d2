import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { openPostgres } from "../../db/client";
import { fakeBuild, serveBuild } from "../support/fake-build";

/**
 * Resource routes and single-fetch data requests get their status from Remix, not from
 * entry.server: a write that meets a down database must still answer 503, not 500.
 */

const databaseDown = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const logged: unknown[] = [];

const server = serveBuild(
  fakeBuild(
    { default: () => new Response("page"), handleError: (error: unknown) => void logged.push(error) },
    {
      "routes/write": { path: "write", module: { action: () => Promise.reject(databaseDown()) } },
      "routes/bug": { path: "bug", module: { action: () => Promise.reject(new Error("a bug")) } },
      "routes/ok": { path: "ok", module: { action: () => Response.json({ ok: true }) } },
    },
  ),
);

const post = (path: string) =>
  fetch(`${server.url()}${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });

describe("a write while the database is down", () => {
  it("answers 503 with a Chinese page and Retry-After from a resource route (a form post without JavaScript)", async () => {
    const response = await post("/write");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).toContain("暂时无法访问");
    expect(logged.at(-1)).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("answers 503 to a fetcher's single-fetch post, keeping the encoded error for the client", async () => {
    const response = await post("/write.data");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^text\/x-script/);
    expect(await response.text()).toContain("SanitizedError");
  });

  it("still answers 500 for a bug, and leaves successful writes alone", async () => {
    expect((await post("/bug")).status).toBe(500);
    expect((await post("/bug.data")).status).toBe(500);
    const ok = await post("/ok");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ok: true });
  });
});

const source = inject("testDatabase");
describe.runIf(source.kind === "postgres")("a PostgreSQL connection that dies while checked out", () => {
  it("does not crash the process, and the pool opens a new one", async () => {
    const baseUrl = source.kind === "postgres" ? source.baseUrl : "";
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const handle = openPostgres(baseUrl, 2);
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    try {
      await handle.db.connection().execute(async (connection) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(connection);
        await admin.query("select pg_terminate_backend($1)", [rows[0]!.pid]);
        // The server's "terminating connection" arrives while no query runs: what a restart does.
        await new Promise((resolve) => setTimeout(resolve, 300));
      });
      const { rows } = await sql<{ ok: number }>`select 1 as ok`.execute(handle.db);
      expect(rows[0]?.ok).toBe(1);
      expect(logged).toHaveBeenCalledWith("PostgreSQL connection error:", expect.stringContaining("terminating connection"));
    } finally {
      await admin.end();
      await handle.close();
    }
  });
});
