import { prepareDatabase, readCampusesAndCategories } from "../../app/boot.server";
import { loadEnv } from "../../app/lib/env.server";
import { type DatabaseHandle, openDatabase } from "../../db/client";

/**
 * For command-line scripts: the database named by the environment (DATABASE_URL, or the embedded
 * one in DATA_DIR), migrated and with content synced. Problems are printed as one plain message
 * (no stack trace) and end the process with exit code 1.
 */
export async function openPreparedDatabase(): Promise<{ handle: DatabaseHandle; report: Awaited<ReturnType<typeof prepareDatabase>> }> {
  let handle: DatabaseHandle | undefined;
  try {
    const env = loadEnv();
    const content = await readCampusesAndCategories(env.CONTENT_DIR);
    handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
    const report = await prepareDatabase(handle, content);
    return { handle, report };
  } catch (error) {
    await handle?.close();
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
