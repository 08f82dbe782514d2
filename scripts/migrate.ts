/**
 * npm run db:migrate — bring the database (DATABASE_URL, or the embedded one in DATA_DIR) to the
 * latest schema and sync content/campuses.yaml and categories.yaml. `npm start` does this too.
 */
import { openPreparedDatabase } from "./lib/prepared-database";

const { handle, report } = await openPreparedDatabase();
if (report.migrations.length === 0) console.log("数据库已是最新结构。");
for (const m of report.migrations) console.log(`${m.status === "Success" ? "已执行" : m.status}：${m.migrationName}`);
for (const s of report.sync) {
  console.log(`已同步 ${s.table}：${s.upserted} 项${s.archived.length ? `，归档 ${s.archived.join("、")}` : ""}`);
}
await handle.close();
