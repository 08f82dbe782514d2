import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { audiences } from "../../db/schema";
import { joinChineseLines } from "./content-data";
import { DataFileError, parseYamlData } from "./yaml-data";

/**
 * Reads content/courses/<campus>/<course>/{course.yaml, NN-<slug>.mdx}. Lessons are only read
 * here (compiling is the sync's job); every problem names the file and, where it can, the line.
 */

export const CourseFile = z.object({
  title: z.string({ error: "必填：课程标题" }).trim().min(1, "标题不能为空").max(60, "标题不能超过 60 个字"),
  summary: z.string({ error: "必填：一两句话的简介" }).trim().min(1, "简介不能为空").max(300, "简介不能超过 300 个字").transform(joinChineseLines),
  category: z.string({ error: "必填：门类（content/categories.yaml 里的 slug）" }),
  audience: z.enum(audiences, { error: "只能是 candidates（业委会候选人）、liaisons（小区专员）或 everyone（所有人）" }),
  hours: z.number({ error: "学时应为数字，如 2 或 1.5" }).min(0.5, "学时至少 0.5").max(100, "学时不能超过 100").multipleOf(0.5, "学时以 0.5 为单位"),
  pass_mark: z.number({ error: "及格分应为 0–100 的整数" }).int("及格分应为整数").min(0).max(100).default(80),
  order: z.number({ error: "顺序应为整数" }).int("顺序应为整数").default(0),
  tags: z.array(z.string().trim().min(1).max(20), { error: "标签应为列表，如 [民法典, 业主大会]" }).max(12, "标签最多 12 个").default([]),
});
export type CourseFile = z.output<typeof CourseFile>;

export const LESSON_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ContentProblem {
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface LessonSourceFile {
  file: string;
  slug: string;
  position: number;
  source: string;
}

export interface CourseSource {
  campusSlug: string;
  slug: string;
  file: string;
  meta: CourseFile;
  lessons: LessonSourceFile[];
}

export async function readCourseTree(contentDir: string): Promise<{ courses: CourseSource[]; problems: ContentProblem[] }> {
  const root = path.join(contentDir, "courses");
  const courses: CourseSource[] = [];
  const problems: ContentProblem[] = [];
  for (const campusSlug of await listDirs(root)) {
    for (const slug of await listDirs(path.join(root, campusSlug))) {
      const dir = path.join(root, campusSlug, slug);
      const file = rel(path.join(dir, "course.yaml"));
      if (!SLUG.test(slug)) {
        problems.push({ file: rel(dir), line: 1, column: 1, message: "课程文件夹名只能用小写英文字母、数字和连字符" });
        continue;
      }
      const course = await readCourseFile(path.join(dir, "course.yaml")).catch((error: unknown) => {
        problems.push(...toProblems(error, file));
        return null;
      });
      if (!course) continue;
      const lessons: LessonSourceFile[] = [];
      for (const name of (await readdir(dir)).sort()) {
        if (!name.endsWith(".mdx")) continue;
        const match = LESSON_FILE.exec(name);
        const lessonPath = path.join(dir, name);
        if (!match) {
          problems.push({ file: rel(lessonPath), line: 1, column: 1, message: "课文文件名应为 两位序号-英文名.mdx，如 01-zhuanyou-bufen.mdx" });
          continue;
        }
        const position = Number(match[1]);
        const clash = lessons.find((l) => l.position === position || l.slug === match[2]);
        if (clash) {
          problems.push({ file: rel(lessonPath), line: 1, column: 1, message: `与 ${path.basename(clash.file)} 的序号或英文名重复` });
          continue;
        }
        lessons.push({ file: rel(lessonPath), slug: match[2]!, position, source: await readFile(lessonPath, "utf8") });
      }
      if (lessons.length === 0) problems.push({ file, line: 1, column: 1, message: "这门课还没有课文（NN-名称.mdx）" });
      courses.push({ campusSlug, slug, file, meta: course, lessons });
    }
  }
  const seen = new Map<string, string>();
  for (const course of courses) {
    const other = seen.get(course.slug);
    if (other) problems.push({ file: course.file, line: 1, column: 1, message: `课程英文名 ${course.slug} 与 ${other} 重复（网址要唯一）` });
    else seen.set(course.slug, course.file);
  }
  return { courses, problems };
}

export async function readCourseFile(file: string): Promise<CourseFile> {
  return parseYamlData(rel(file), await readFile(file, "utf8"), CourseFile);
}

export function toProblems(error: unknown, file: string): ContentProblem[] {
  if (error instanceof DataFileError) {
    return error.problems.map((p) => ({ file: error.file, line: p.line, column: p.column, message: p.field ? `${p.field}：${p.message}` : p.message }));
  }
  if ((error as NodeJS.ErrnoException)?.code === "ENOENT") return [{ file, line: 1, column: 1, message: "缺少 course.yaml" }];
  throw error;
}

async function listDirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith(".")).map((e) => e.name).sort();
}

export function rel(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

export async function isDirectory(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory()).catch(() => false);
}
