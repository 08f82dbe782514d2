import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { ContentProblem, CourseSource, LessonSourceFile } from "../lib/course-files.server";
import type { LawLibrary } from "../lib/law.server";
import { type CompiledLesson, compileLesson, lessonHash } from "../lib/mdx/compile.server";
import { findVersion, insertVersion } from "./lesson-version.server";

/**
 * content/courses → database. Lessons are matched by content hash: an unchanged lesson costs one
 * hash and no write; a changed one is compiled (one at a time) and published as a new version. A
 * lesson that no longer compiles keeps its last good version published and records its problems.
 */

export interface SyncReport {
  courses: number;
  lessons: number;
  compiled: number;
  unchanged: number;
  failed: { file: string; problems: ContentProblem[] }[];
  problems: ContentProblem[];
  archivedCourses: string[];
  archivedLessons: number;
}

export type SyncProgress = (done: number, total: number, file: string) => void;

export async function syncCourses(
  db: DB,
  tree: { courses: CourseSource[]; problems: ContentProblem[] },
  laws: LawLibrary,
  onProgress?: SyncProgress,
): Promise<SyncReport> {
  const report: SyncReport = {
    courses: 0,
    lessons: 0,
    compiled: 0,
    unchanged: 0,
    failed: [],
    problems: [...tree.problems],
    archivedCourses: [],
    archivedLessons: 0,
  };
  const campuses = new Map((await db.selectFrom("campuses").select(["id", "slug"]).execute()).map((c) => [c.slug, c.id]));
  const categories = new Map((await db.selectFrom("categories").select(["id", "slug"]).execute()).map((c) => [c.slug, c.id]));
  const total = tree.courses.reduce((n, c) => n + c.lessons.length, 0);
  let done = 0;
  const syncedCourseIds: number[] = [];

  for (const course of tree.courses) {
    const campusId = campuses.get(course.campusSlug);
    const categoryId = categories.get(course.meta.category);
    if (!campusId) report.problems.push({ file: course.file, line: 1, column: 1, message: `文件夹 ${course.campusSlug} 不是 content/campuses.yaml 里的学院` });
    if (!categoryId) report.problems.push({ file: course.file, line: 1, column: 1, message: `category: ${course.meta.category} 不是 content/categories.yaml 里的门类` });
    if (!campusId || !categoryId) {
      done += course.lessons.length;
      continue;
    }
    const courseId = await upsertCourse(db, course, campusId, categoryId);
    if (courseId === undefined) {
      report.problems.push({ file: course.file, line: 1, column: 1, message: `课程英文名 ${course.slug} 已被网页上创建的课程使用` });
      done += course.lessons.length;
      continue;
    }
    syncedCourseIds.push(courseId);
    report.courses++;

    const existing = await db
      .selectFrom("lessons")
      .leftJoin("lesson_versions as v", "v.id", "lessons.published_version_id")
      .select(["lessons.id", "lessons.slug", "lessons.position", "lessons.source_path", "lessons.archived_at", "v.content_hash"])
      .where("lessons.course_id", "=", courseId)
      .execute();
    const bySlug = new Map(existing.map((l) => [l.slug, l]));

    for (const lesson of course.lessons) {
      onProgress?.(++done, total, lesson.file);
      report.lessons++;
      const hash = lessonHash(lesson.source, laws.hash);
      const current = bySlug.get(lesson.slug);
      if (current && current.content_hash === hash && current.position === lesson.position && current.source_path === lesson.file && !current.archived_at) {
        report.unchanged++;
        continue;
      }
      const lessonId = current?.id ?? (await insertLesson(db, courseId, lesson));
      const known = await findVersion(db, lessonId, hash);
      if (known) {
        await publish(db, lessonId, lesson, known.id);
        report.unchanged++;
        continue;
      }
      const compiled = await compileLesson(lesson.source, {
        hasLawArticle: (law, article) => laws.getArticle(law, article) !== undefined,
      });
      if (!compiled.ok) {
        const problems = compiled.problems.map((p) => ({ file: lesson.file, ...p }));
        report.failed.push({ file: lesson.file, problems });
        await db
          .updateTable("lessons")
          .set({ sync_problems: JSON.stringify(compiled.problems), position: lesson.position, source_path: lesson.file, archived_at: null, updated_at: sql`now()` })
          .where("id", "=", lessonId)
          .execute();
        continue;
      }
      await saveVersion(db, lessonId, lesson, hash, compiled, laws);
      report.compiled++;
    }
    const keep = course.lessons.map((l) => l.slug);
    const archived = await db
      .updateTable("lessons")
      .set({ archived_at: sql`now()` })
      .where("course_id", "=", courseId)
      .where("archived_at", "is", null)
      .where("slug", "not in", keep.length ? keep : [""])
      .returning("id")
      .execute();
    report.archivedLessons += archived.length;
  }

  const gone = await db
    .updateTable("courses")
    .set({ archived_at: sql`now()` })
    .where("origin", "=", "content")
    .where("archived_at", "is", null)
    .where("id", "not in", syncedCourseIds.length ? syncedCourseIds : [-1])
    .returning("slug")
    .execute();
  report.archivedCourses = gone.map((c) => c.slug);
  return report;
}

async function upsertCourse(db: DB, course: CourseSource, campusId: number, categoryId: number): Promise<number | undefined> {
  const { meta } = course;
  const values = {
    campus_id: campusId,
    category_id: categoryId,
    title: meta.title,
    summary: meta.summary,
    audience: meta.audience,
    hours: meta.hours,
    pass_mark: meta.pass_mark,
    sort_order: meta.order,
    tags: meta.tags,
  };
  const row = await db
    .insertInto("courses")
    .values({ ...values, slug: course.slug, origin: "content" })
    .onConflict((oc) =>
      oc
        .column("slug")
        .doUpdateSet({ ...values, archived_at: null, updated_at: sql`now()` })
        .where("courses.origin", "=", "content"),
    )
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

async function insertLesson(db: DB, courseId: number, lesson: LessonSourceFile): Promise<number> {
  const row = await db
    .insertInto("lessons")
    .values({ course_id: courseId, slug: lesson.slug, position: lesson.position, source_path: lesson.file })
    .onConflict((oc) => oc.columns(["course_id", "slug"]).doUpdateSet({ updated_at: sql`now()` }))
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function publish(db: DB, lessonId: number, lesson: LessonSourceFile, versionId: string) {
  await db
    .updateTable("lessons")
    .set({
      published_version_id: versionId,
      sync_problems: null,
      position: lesson.position,
      source_path: lesson.file,
      archived_at: null,
      updated_at: sql`now()`,
    })
    .where("id", "=", lessonId)
    .execute();
}

async function saveVersion(db: DB, lessonId: number, lesson: LessonSourceFile, hash: string, compiled: CompiledLesson, laws: LawLibrary) {
  await db.transaction().execute(async (trx) => {
    const version = await insertVersion(trx, { lessonId, source: lesson.source, hash, compiled, authorId: null }, laws);
    await publish(trx, lessonId, lesson, version.id);
  });
}
