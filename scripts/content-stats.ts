/**
 * npm run content:stats — the library by campus: courses, lessons, quizzes and the shortest lesson
 * (Chinese characters of teaching, front matter and block markup not counted). The numbers issue 7
 * asks for (30 courses, ≥ 3 per campus, ≥ 3 lessons and a quiz per course, ≥ 800 characters per
 * lesson); exits 1 when a course falls short, so it can be run as a check.
 */
import path from "node:path";
import { readCourseTree } from "../app/lib/course-files.server";
import { lessonBody } from "../app/lib/lesson-source";

const MIN_LESSONS = 3;
const MIN_CHARS = 800;
const tree = await readCourseTree(path.resolve("content"));
const han = (text: string) => (text.match(/[\u4e00-\u9fff]/g) ?? []).length;

const byCampus = new Map<string, { course: string; lessons: number; quizzes: number; shortest: number }[]>();
for (const course of tree.courses) {
  const lessons = course.lessons.map((l) => lessonBody(l.source));
  const row = {
    course: `${course.slug}（${course.meta.title}）`,
    lessons: lessons.length,
    quizzes: lessons.reduce((n, body) => n + (body.match(/<Quiz\s/g) ?? []).length, 0),
    shortest: Math.min(...lessons.map((body) => han(body.replace(/<[^>]*>/g, "")))),
  };
  byCampus.set(course.campusSlug, [...(byCampus.get(course.campusSlug) ?? []), row]);
}

let short = 0;
for (const [campus, courses] of byCampus) {
  console.log(`\n${campus}: ${courses.length} 门`);
  for (const c of courses) {
    const ok = c.lessons >= MIN_LESSONS && c.quizzes >= 1 && c.shortest >= MIN_CHARS;
    if (!ok) short++;
    console.log(`  ${ok ? " " : "✗"} ${c.course} — ${c.lessons} 课，${c.quizzes} 道测验，最短一课 ${c.shortest} 字`);
  }
}
const total = tree.courses.length;
const thinCampuses = [...byCampus].filter(([, c]) => c.length < 3).map(([k]) => k);
console.log(`\n共 ${total} 门课，${tree.courses.reduce((n, c) => n + c.lessons.length, 0)} 课；不达标的课程 ${short} 门；少于 3 门课的学院：${thinCampuses.join("、") || "无"}`);
console.log(JSON.stringify({ courses: total, campuses: byCampus.size, short_courses: short, thin_campuses: thinCampuses.length }));
process.exitCode = short > 0 || thinCampuses.length > 0 ? 1 : 0;
