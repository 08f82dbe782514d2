import type { Kysely } from "kysely";

// 完成本课 pressed offline is sent later, at least once: two tabs coming back online can both send
// it (each tab reads the outbox through its own copy of localStorage, which Chromium syncs between
// processes a moment late), and a reply lost on a weak signal is sent again. The client's id for
// each queued completion is recorded once; a second arrival is answered as a replay and changes
// nothing. Random ids (122 bits), so no user column is needed to keep them apart. Frozen once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("offline_replays")
    .addColumn("id", "text", (col) => col.primaryKey())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(db.fn("now")))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("offline_replays").execute();
}
