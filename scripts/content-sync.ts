/**
 * npm run content:sync — content/courses → database (also done on every start). Unchanged
 * lessons are skipped by content hash; a broken lesson is reported and keeps its last good version.
 */
import { formatProblems, summarizeSync, syncContent } from "../app/boot.server";
import { loadEnv } from "../app/lib/env.server";
import { openPreparedDatabase } from "./lib/prepared-database";
import { progressBar } from "./lib/progress";

const env = loadEnv();
const { handle } = await openPreparedDatabase();
const started = performance.now();
const bar = progressBar();
try {
  const { report } = await syncContent(handle, env.CONTENT_DIR, undefined, bar.update);
  bar.done();
  for (const line of formatProblems(report)) console.error(line);
  console.log(summarizeSync(report, (performance.now() - started) / 1000));
  if (report.failed.length > 0 || report.problems.length > 0) process.exitCode = 1;
} finally {
  await handle.close();
}
