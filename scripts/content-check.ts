/**
 * npm run content:check -- [FILE|DIR …]   (nothing = all of content/)
 * Checks lessons with the very compiler the app uses, plus course.yaml files, campus/category
 * references and duplicate names. Prints FILE:LINE:COL: message; exits 1 on any problem.
 * Files outside content/ can be checked too (lessons are checked against content/law).
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { readCampusesAndCategories } from "../app/boot.server";
import { type ContentProblem, readCourseFile, readCourseTree, rel, toProblems } from "../app/lib/course-files.server";
import { loadEnv } from "../app/lib/env.server";
import { loadLawLibrary } from "../app/lib/law.server";
import { compileLesson } from "../app/lib/mdx/compile.server";
import { DataFileError } from "../app/lib/yaml-data";

const env = loadEnv();
const contentDir = path.resolve(env.CONTENT_DIR);
const problems: ContentProblem[] = [];
const fail = (error: unknown, file: string) => problems.push(...toProblems(error, file));

const data = await readCampusesAndCategories(contentDir).catch((error: unknown) => {
  if (error instanceof DataFileError) fail(error, error.file);
  else throw error;
  return null;
});
const laws = await loadLawLibrary(contentDir).catch((error: unknown) => {
  if (error instanceof DataFileError) {
    fail(error, error.file);
    return null;
  }
  throw error;
});

const args = process.argv.slice(2).filter((a) => a !== "--");
const files = args.length > 0 ? await expand(args) : [];
let checked = 0;

if (args.length === 0) {
  const tree = await readCourseTree(contentDir);
  problems.push(...tree.problems);
  for (const course of tree.courses) {
    checkReferences(course.file, course.campusSlug, course.meta.category);
    for (const lesson of course.lessons) await checkLesson(lesson.file, lesson.source);
  }
} else {
  for (const file of files) {
    if (file.endsWith(".mdx")) await checkLesson(rel(file), await readFile(file, "utf8"));
    else if (path.basename(file) === "course.yaml") {
      const meta = await readCourseFile(file).catch((error: unknown) => void fail(error, rel(file)));
      const campusSlug = path.basename(path.dirname(path.dirname(file)));
      if (meta && path.resolve(file).startsWith(path.join(contentDir, "courses"))) checkReferences(rel(file), campusSlug, meta.category);
      checked++;
    }
  }
}

for (const p of problems) console.error(`${p.file}:${p.line}:${p.column}: ${p.message}`);
console.log(problems.length === 0 ? `内容检查通过：${checked} 个文件` : `内容检查发现 ${problems.length} 个问题（${checked} 个文件）`);
process.exitCode = problems.length === 0 ? 0 : 1;

async function checkLesson(file: string, source: string) {
  checked++;
  if (!laws) return;
  const result = await compileLesson(source, { hasLawArticle: (law, article) => laws.getArticle(law, article) !== undefined });
  if (!result.ok) problems.push(...result.problems.map((p) => ({ file, ...p })));
}

function checkReferences(file: string, campusSlug: string, category: string) {
  if (!data) return;
  if (!data.campuses.some((c) => c.slug === campusSlug)) {
    problems.push({ file, line: 1, column: 1, message: `文件夹 ${campusSlug} 不是 content/campuses.yaml 里的学院` });
  }
  if (!data.categories.some((c) => c.slug === category)) {
    problems.push({ file, line: 1, column: 1, message: `category: ${category} 不是 content/categories.yaml 里的门类` });
  }
}

async function expand(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) {
      problems.push({ file: p, line: 1, column: 1, message: "找不到这个文件" });
      continue;
    }
    if (info.isDirectory()) {
      const entries = await readdir(p, { recursive: true });
      out.push(...entries.map((e) => path.join(p, e)).filter((f) => f.endsWith(".mdx") || path.basename(f) === "course.yaml").sort());
    } else out.push(p);
  }
  return out;
}
