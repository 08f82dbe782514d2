/**
 * npm run db:migrate — bring the database (DATABASE_URL, or the embedded one in DATA_DIR) to the
 * latest schema and sync content/campuses.yaml and categories.yaml. `npm start` does this too.
 */
import { prepareDatabase, readCampusesAndCategories } from "../app/boot.server";
import { loadEnv } from "../app/lib/env.server";
import { openDatabase } from "../db/client";

const env = loadEnv();
const content = await readCampusesAndCategories(env.CONTENT_DIR).catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR, poolSize: 2 });
try {
  const { migrations, sync } = await prepareDatabase(handle, content);
  if (migrations.length === 0) console.log("数据库已是最新结构。");
  for (const m of migrations) console.log(`${m.status === "Success" ? "已执行" : m.status}：${m.migrationName}`);
  for (const s of sync) {
    console.log(`已同步 ${s.table}：${s.upserted} 项${s.archived.length ? `，归档 ${s.archived.join("、")}` : ""}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
