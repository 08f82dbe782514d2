import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { syncContent } from "../../app/boot.server";
import { readCourseTree } from "../../app/lib/course-files.server";
import { loadLawLibrary } from "../../app/lib/law.server";
import { lessonPlainHtml, renderLesson } from "../../app/lib/mdx/render.server";
import { getCourse, getLessonForReading, lessonCode, lessonsCitingArticle } from "../../app/models/course.server";
import { searchContent } from "../../app/models/search.server";
import { createTestDatabase } from "../setup/test-database";

const handle = await createTestDatabase();
const { db } = handle;
const dir = mkdtempSync(path.join(tmpdir(), "academy-content-"));
cpSync("content", dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const laws = await loadLawLibrary(dir);
const lessonFile = path.join(dir, "courses/main/weixiu-zijin/01-yiban-chengxu.mdx");
// The library as content/ holds it now: the counts follow it as courses are added.
const tree = await readCourseTree(dir);
const COURSES = tree.courses.length;
const LESSONS = tree.courses.reduce((n, c) => n + c.lessons.length, 0);
const chayanLessons = tree.courses.find((c) => c.slug === "chengjie-chayan")!.lessons.map((l) => l.slug);

describe("content sync", () => {
  it("the template already holds the starter courses; syncing again compiles nothing", async () => {
    const { report } = await syncContent(handle, dir, laws);
    expect(COURSES).toBeGreaterThan(3);
    expect(report).toMatchObject({ courses: COURSES, lessons: LESSONS, compiled: 0, unchanged: LESSONS, failed: [], problems: [] });
  });

  it("recompiles only the lesson that changed and publishes the new version", async () => {
    const original = readFileSync(lessonFile, "utf8");
    writeFileSync(lessonFile, original.replace(/\n## /, "\n这是新加的一句话。\n\n## "));
    const { report } = await syncContent(handle, dir, laws);
    expect(report).toMatchObject({ compiled: 1, unchanged: LESSONS - 1, failed: [] });
    const page = await getLessonForReading(db, "weixiu-zijin", "yiban-chengxu");
    expect(lessonPlainHtml(renderLesson(page!.lesson.versionId, await lessonCode(db, page!.lesson.versionId), laws))).toContain("这是新加的一句话。");
    writeFileSync(lessonFile, original);
    expect((await syncContent(handle, dir, laws)).report).toMatchObject({ compiled: 0, unchanged: LESSONS }); // the old version is reused
  });

  it("two processes syncing the same change at once both succeed and publish one version", async () => {
    const original = readFileSync(lessonFile, "utf8");
    writeFileSync(lessonFile, original.replace(/\n## /, "\n两个进程同时同步。\n\n## "));
    const [a, b] = await Promise.all([syncContent(handle, dir, laws), syncContent(handle, dir, laws)]);
    expect(a.report.failed).toEqual([]);
    expect(b.report.failed).toEqual([]);
    const versions = await db
      .selectFrom("lesson_versions")
      .innerJoin("lessons", "lessons.id", "lesson_versions.lesson_id")
      .select("lesson_versions.id")
      .where("lessons.slug", "=", "yiban-chengxu")
      .where("lesson_versions.plain_text", "like", "%两个进程同时同步%")
      .execute();
    expect(versions).toHaveLength(1);
    writeFileSync(lessonFile, original);
    await syncContent(handle, dir, laws);
  });

  it("a lesson that breaks keeps its last good version published and reports line:column", async () => {
    const original = readFileSync(lessonFile, "utf8");
    const before = await getLessonForReading(db, "weixiu-zijin", "yiban-chengxu");
    writeFileSync(lessonFile, `${original}\n\n<script>alert(1)</script>\n`);
    const { report } = await syncContent(handle, dir, laws);
    const lines = original.split("\n").length;
    expect(report.failed).toEqual([
      {
        file: expect.stringContaining("01-yiban-chengxu.mdx"),
        problems: [expect.objectContaining({ line: lines + 2, column: 1, message: expect.stringContaining("不允许使用 <script>") })],
      },
    ]);
    expect(report.unchanged).toBe(LESSONS - 1);
    const after = await getLessonForReading(db, "weixiu-zijin", "yiban-chengxu");
    expect(after?.lesson.versionId).toBe(before?.lesson.versionId);
    writeFileSync(lessonFile, original);
    await syncContent(handle, dir, laws);
  });

  it("a lesson removed from content/ disappears from its course", async () => {
    const file = path.join(dir, "courses/main/chengjie-chayan/02-genghuan-wuye-jiaojie.mdx");
    const original = readFileSync(file, "utf8");
    rmSync(file);
    expect((await syncContent(handle, dir, laws)).report.archivedLessons).toBe(1);
    expect((await getCourse(db, "chengjie-chayan"))?.lessons.map((l) => l.slug)).toEqual(chayanLessons.filter((s) => s !== "genghuan-wuye-jiaojie"));
    writeFileSync(file, original);
    await syncContent(handle, dir, laws);
    expect((await getCourse(db, "chengjie-chayan"))?.lessons).toHaveLength(chayanLessons.length);
  });

  it("stores quiz answers in the database, never in the compiled code", async () => {
    const page = await getLessonForReading(db, "minfadian-qufen-suoyouquan", "yezhu-dahui-gongtong-jueding");
    const questions = await db
      .selectFrom("quiz_questions")
      .select(["quiz_key", "correct", "options", "explanation"])
      .where("lesson_version_id", "=", page!.lesson.versionId)
      .execute();
    expect(questions.length).toBeGreaterThan(0);
    for (const q of questions) {
      expect(q.correct.length).toBeGreaterThan(0);
      expect(q.explanation.length).toBeGreaterThan(0);
      expect(await lessonCode(db, page!.lesson.versionId)).not.toContain(q.explanation.slice(0, 12));
    }
    const html = lessonPlainHtml(renderLesson(page!.lesson.versionId, await lessonCode(db, page!.lesson.versionId), laws));
    expect(html).not.toMatch(/correct/i);
  });
});

describe("law backlinks and search", () => {
  it("lists the lessons citing 民法典 278", async () => {
    const lessons = await lessonsCitingArticle(db, "民法典", 278);
    expect(lessons.map((l) => l.lessonSlug)).toContain("yezhu-dahui-gongtong-jueding");
  });

  it("finds 维修资金 lessons when searching 维修基金, with a highlighted snippet", async () => {
    const result = await searchContent(db, "维修基金");
    expect(result.lessons.map((l) => l.slug)).toContain("yiban-chengxu");
    const hit = result.lessons.find((l) => l.slug === "yiban-chengxu");
    expect(hit?.snippet?.match).toMatch(/维修资金|维修基金/);
  });

  it("treats % and _ as plain characters and finds nothing for nonsense", async () => {
    expect((await searchContent(db, "%_%")).lessons).toEqual([]); // unescaped, this would match every lesson
    expect((await searchContent(db, "完全不存在的词组")).lessons).toEqual([]);
  });
});
