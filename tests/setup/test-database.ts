import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, inject } from "vitest";
import { type DatabaseHandle, openPostgres, pgliteOptions, wrapPGlite } from "../../db/client";
import { createDatabase, dropDatabase } from "../../db/postgres-admin";

let counter = 0;

/**
 * A fresh, migrated database for this test file (closed and dropped after the file's tests).
 * Tests never clean up by table name: each file starts from the same template.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const source = inject("testDatabase");
  let handle: DatabaseHandle;
  let cleanup = async () => {};
  if (source.kind === "pglite") {
    const tarball = new Blob([readFileSync(source.file)]);
    handle = wrapPGlite(await PGlite.create({ ...pgliteOptions, loadDataDir: tarball }));
  } else {
    const name = `academy_test_${process.ppid}_${process.pid}_${counter++}`;
    handle = openPostgres(await createDatabase(source.baseUrl, name, source.template), 4);
    cleanup = () => dropDatabase(source.baseUrl, name);
  }
  afterAll(async () => {
    await handle.close();
    await cleanup();
  });
  return handle;
}
