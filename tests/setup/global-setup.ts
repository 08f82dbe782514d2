import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { prepareDatabase, readCampusesAndCategories, syncContent } from "../../app/boot.server";
import { openPostgres, pgliteOptions, wrapPGlite } from "../../db/client";
import { createDatabase, dropDatabase, dropDatabasesLike } from "../../db/postgres-admin";

/**
 * Migrates one template database per test run. Each test file then gets a copy of it:
 * PGlite → the template's data directory as a tarball, loaded into a fresh in-memory instance;
 * PostgreSQL → CREATE DATABASE … TEMPLATE …, which copies files and takes ~0.1 s.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  const contentDir = path.resolve("content");

  if (databaseUrl) {
    const prefix = "academy_test_";
    await dropDatabasesLike(databaseUrl, prefix);
    const template = `${prefix}template_${process.pid}`;
    const templateUrl = await createDatabase(databaseUrl, template);
    const handle = openPostgres(templateUrl, 2);
    await prepareDatabase(handle, await readCampusesAndCategories(contentDir));
    await syncContent(handle, contentDir);
    await handle.close();
    project.provide("testDatabase", { kind: "postgres", baseUrl: databaseUrl, template });
    return async () => {
      await dropDatabasesLike(databaseUrl, `${prefix}${process.pid}_`);
      await dropDatabase(databaseUrl, template);
    };
  }

  const pglite = await PGlite.create(pgliteOptions);
  const handle = wrapPGlite(pglite);
  await prepareDatabase(handle, await readCampusesAndCategories(contentDir));
  // Templates carry the starter courses, compiled once per run rather than once per test file.
  await syncContent(handle, contentDir);
  const dump = await pglite.dumpDataDir("none");
  await handle.close();
  const dir = mkdtempSync(path.join(tmpdir(), "academy-test-"));
  const file = path.join(dir, "template.tar");
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("testDatabase", { kind: "pglite", file });
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    testDatabase: { kind: "pglite"; file: string } | { kind: "postgres"; baseUrl: string; template: string };
  }
}
