import { type Kysely, sql } from "kysely";

// 长辈版 and the UI language follow a learner from phone to phone: stored on the account (null =
// never chosen, the device's own choice applies). Frozen once landed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("users")
    .addColumn("elder_mode", "boolean")
    .addColumn("ui_locale", "text", (col) => col.check(sql`ui_locale in ('zh', 'en')`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("elder_mode").dropColumn("ui_locale").execute();
}
