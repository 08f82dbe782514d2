import { type MigrationResult, Migrator } from "kysely";
import type { DB } from "./client";
import { migrations } from "./migrations/index";

export async function migrateToLatest(db: DB): Promise<MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error");
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ""}：${cause}`, { cause: error });
  }
  return results ?? [];
}
