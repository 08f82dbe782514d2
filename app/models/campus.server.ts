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
