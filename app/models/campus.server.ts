import type { DB } from "../../db/client";

export async function listCampuses(db: DB) {
  return db
    .selectFrom("campuses")
    .select(["id", "slug", "name", "short_name as shortName", "kind", "street", "theme", "description"])
    .where("archived_at", "is", null)
    .orderBy("sort_order")
    .orderBy("id")
    .execute();
}

/**
 * The header's campus list, which every page shows. Campuses change only when content is synced
 * (at start, or `npm run content:sync`), so each process keeps the list for a minute instead of
 * asking the database on every request.
 */
const CAMPUS_LIST_TTL_MS = 60_000;
const campusLists = new WeakMap<DB, { at: number; list: Promise<CampusSummary[]> }>();

export function listCampusesForHeader(db: DB): Promise<CampusSummary[]> {
  const cached = campusLists.get(db);
  if (cached && Date.now() - cached.at < CAMPUS_LIST_TTL_MS) return cached.list;
  const list = listCampuses(db);
  campusLists.set(db, { at: Date.now(), list });
  // A failed read (database briefly down) must not be remembered.
  list.catch(() => campusLists.delete(db));
  return list;
}

export type CampusSummary = Awaited<ReturnType<typeof listCampuses>>[number];

export async function getCampusBySlug(db: DB, slug: string) {
  return db
    .selectFrom("campuses")
    .select(["id", "slug", "name", "kind", "street", "theme", "description"])
    .where("slug", "=", slug)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

export async function getCampusById(db: DB, id: number) {
  return db
    .selectFrom("campuses")
    .select(["id", "slug", "name", "kind"])
    .where("id", "=", id)
    .where("archived_at", "is", null)
    .executeTakeFirst();
}

export async function listCategories(db: DB) {
  return db
    .selectFrom("categories")
    .select(["id", "slug", "name", "description"])
    .where("archived_at", "is", null)
    .orderBy("sort_order")
    .execute();
}
