import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { CampusEntry, CategoryEntry } from "../lib/content-data";

export interface SyncSummary {
  table: "campuses" | "categories";
  upserted: number;
  archived: string[];
}

/**
 * Makes the campuses and categories tables match the YAML files, in one transaction.
 * Entries are matched by slug; the file order becomes sort_order. Entries missing from the
 * file are archived, not deleted, because learners' records point at them.
 */
export async function syncCampusesAndCategories(
  db: DB,
  data: { campuses: CampusEntry[]; categories: CategoryEntry[] },
): Promise<SyncSummary[]> {
  return db.transaction().execute(async (trx) => [
    await upsertBySlug(
      trx,
      "campuses",
      data.campuses.map((c, i) => ({ ...c, sort_order: i })),
    ),
    await upsertBySlug(
      trx,
      "categories",
      data.categories.map((c, i) => ({ ...c, sort_order: i })),
    ),
  ]);
}

async function upsertBySlug(
  trx: DB,
  table: SyncSummary["table"],
  rows: ({ slug: string; sort_order: number } & Record<string, unknown>)[],
): Promise<SyncSummary> {
  // The two tables share the columns this touches; Kysely cannot type a table chosen at run time.
  const db = trx as unknown as import("kysely").Kysely<any>;
  const columns = Object.keys(rows[0] ?? {}).filter((c) => c !== "slug");
  await db
    .insertInto(table)
    .values(rows)
    .onConflict((oc) =>
      oc.column("slug").doUpdateSet((eb) => ({
        ...Object.fromEntries(columns.map((c) => [c, eb.ref(`excluded.${c}`)])),
        archived_at: null,
        updated_at: sql`now()`,
      })),
    )
    .execute();
  const archived = await db
    .updateTable(table)
    .set({ archived_at: sql`now()`, updated_at: sql`now()` })
    .where("archived_at", "is", null)
    .where(
      "slug",
      "not in",
      rows.map((r) => r.slug),
    )
    .returning("slug")
    .execute();
  return { table, upserted: rows.length, archived: archived.map((r) => r.slug as string) };
}
