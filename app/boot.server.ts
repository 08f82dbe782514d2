import path from "node:path";
import type { DatabaseHandle } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import type { CampusEntry, CategoryEntry } from "./lib/content-data";
import { readPaths } from "./lib/content-files.server";
import { readCourseTree } from "./lib/course-files.server";
import { DataFileError } from "./lib/yaml-data";
import { type LawLibrary, loadLawLibrary } from "./lib/law.server";
import { syncCampusesAndCategories } from "./models/content-sync.server";
import { type SyncProgress, type SyncReport, syncCourses } from "./models/course-sync.server";
import { syncPaths } from "./models/path.server";

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

/** Courses and lessons from content/courses, then the learning paths: a broken file is reported, never fatal. */
export async function syncContent(
  handle: DatabaseHandle,
  contentDir: string,
  laws?: LawLibrary,
  onProgress?: SyncProgress,
): Promise<{ report: SyncReport; laws: LawLibrary }> {
  const library = laws ?? (await loadLawLibrary(contentDir));
  const tree = await readCourseTree(contentDir);
  const report = await syncCourses(handle.db, tree, library, onProgress);
  try {
    const { file, paths } = await readPaths(contentDir);
    report.problems.push(...(await syncPaths(handle.db, file, paths)));
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    // The paths already in the database stay as they were.
    report.problems.push(...error.problems.map((p) => ({ file: error.file, line: p.line, column: p.column, message: `${p.field ? `字段 ${p.field}：` : ""}${p.message}` })));
  }
  return { report, laws: library };
}

export function summarizeSync(report: SyncReport, seconds: number): string {
  const parts = [
    `课程 ${report.courses} 门、课文 ${report.lessons} 课`,
    `新编译 ${report.compiled}`,
    `未变 ${report.unchanged}`,
    `出错 ${report.failed.length}`,
  ];
  if (report.archivedCourses.length || report.archivedLessons) parts.push(`归档课程 ${report.archivedCourses.length}、课文 ${report.archivedLessons}`);
  return `内容同步：${parts.join("，")}（${seconds.toFixed(1)} 秒）`;
}

export function formatProblems(report: SyncReport): string[] {
  return [...report.problems, ...report.failed.flatMap((f) => f.problems)].map(
    (p) => `${p.file}:${p.line}:${p.column}: ${p.message}`,
  );
}

export const defaultContentDir = path.resolve("content");
