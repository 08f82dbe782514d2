import type { DatabaseHandle } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import type { CampusEntry, CategoryEntry } from "./lib/content-data";
import { syncCampusesAndCategories } from "./models/content-sync.server";

export { readCampusesAndCategories } from "./lib/content-files.server";

/**
 * What must be true before the app serves a request: the schema is current and the campus and
 * category files are in the database. Callers read (and so validate) the files first, with
 * readCampusesAndCategories, so a typo stops start-up before the database is even opened.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  content: { campuses: CampusEntry[]; categories: CategoryEntry[] },
) {
  const migrations = await migrateToLatest(handle.db);
  const sync = await syncCampusesAndCategories(handle.db, content);
  return { migrations, sync };
}
