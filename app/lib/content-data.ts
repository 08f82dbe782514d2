import { z } from "zod";
import { audiences, campusKinds } from "../../db/schema";

/** Schemas for content/campuses.yaml and content/categories.yaml. */

const slug = z
  .string({ error: "必填，应为文字" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "只能用小写英文字母、数字和连字符（-），如 daguan");
// YAML folds long lines with a space, which Chinese does not want between two characters.
const CJK_GAP = /([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g;
export const joinChineseLines = (text: string) => text.replace(CJK_GAP, "$1");

const requiredText = (max: number) =>
  z
    .string({ error: "必填，应为文字" })
    .trim()
    .min(1, "不能为空")
    .max(max, `不能超过 ${max} 个字`)
    .transform(joinChineseLines);

const campus = z.object({
  slug,
  name: requiredText(40),
  short_name: requiredText(8),
  kind: z.enum(campusKinds, { error: "只能是 main（主学院）或 branch（分学院）" }),
  street: requiredText(40).nullable().default(null),
  theme: requiredText(60),
  description: requiredText(1000),
});

export const campusesFile = z
  .object({ campuses: z.array(campus, { error: "应为学院列表" }).min(1, "至少要有一所学院") }, { error: "文件应以 campuses: 开头" })
  .superRefine(({ campuses }, ctx) => {
    const mains = campuses.filter((c) => c.kind === "main");
    if (mains.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["campuses"], message: `必须恰好有一所主学院（kind: main），现在有 ${mains.length} 所` });
    }
    reportDuplicates(campuses, "slug", ctx, "campuses");
    reportDuplicates(campuses, "name", ctx, "campuses");
  });

const category = z.object({
  slug,
  name: requiredText(30),
  description: requiredText(300),
});

export const categoriesFile = z
  .object({ categories: z.array(category, { error: "应为门类列表" }).min(1, "至少要有一个门类") }, { error: "文件应以 categories: 开头" })
  .superRefine(({ categories }, ctx) => {
    reportDuplicates(categories, "slug", ctx, "categories");
    reportDuplicates(categories, "name", ctx, "categories");
  });

const learningPath = z.object({
  slug,
  title: requiredText(40),
  audience: z.enum(audiences, { error: "只能是 candidates（业委会候选人）、liaisons（小区专员）或 everyone（所有人）" }),
  description: requiredText(500),
  courses: z.array(slug, { error: "应为课程英文名的列表" }).min(1, "至少要有一门课"),
});

export const pathsFile = z
  .object({ paths: z.array(learningPath, { error: "应为学习路径列表" }) }, { error: "文件应以 paths: 开头" })
  .superRefine(({ paths }, ctx) => {
    reportDuplicates(paths, "slug", ctx, "paths");
    paths.forEach((p, i) => {
      const seen = new Set<string>();
      p.courses.forEach((c, j) => {
        if (seen.has(c)) ctx.addIssue({ code: "custom", path: ["paths", i, "courses", j], message: `课程 ${c} 重复了` });
        seen.add(c);
      });
    });
  });

export type PathEntry = z.output<typeof learningPath>;
export type CampusEntry = z.output<typeof campus>;
export type CategoryEntry = z.output<typeof category>;

function reportDuplicates<T extends Record<K, string>, K extends string>(
  items: T[],
  key: K,
  ctx: z.RefinementCtx,
  listName: string,
) {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const first = seen.get(item[key]);
    if (first === undefined) seen.set(item[key], index);
    else ctx.addIssue({ code: "custom", path: [listName, index, key], message: `与第 ${first + 1} 项重复：${item[key]}` });
  });
}
