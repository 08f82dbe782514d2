import type { DatabaseHandle } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { readCampusesAndCategories } from "./lib/content-files.server";
import { syncCampusesAndCategories } from "./models/content-sync.server";

/**
 * What must be true before the app serves a request: the schema is current and the campus
 * and category files are valid and in the database. Used by server.ts and by the scripts.
 */
export async function prepareDatabase(handle: DatabaseHandle, contentDir: string) {
  // Validate the files first: a typo in campuses.yaml should stop start-up before anything changes.
  const data = await readCampusesAndCategories(contentDir);
  const migrations = await migrateToLatest(handle.db);
  const sync = await syncCampusesAndCategories(handle.db, data);
  return { migrations, sync };
}
