import { describe, expect, it } from "vitest";
import { readCampusesAndCategories } from "../../app/lib/content-files.server";
import { campusesFile } from "../../app/lib/content-data";
import { DataFileError, parseYamlData } from "../../app/lib/yaml-data";
import { listCampuses, listCategories } from "../../app/models/campus.server";
import { syncCampusesAndCategories } from "../../app/models/content-sync.server";
import { createTestDatabase } from "../setup/test-database";

const { db } = await createTestDatabase();

describe("campuses and categories from content/", () => {
  it("lists the seven campuses: the main academy in 祥符街道 first, 大关 for old compounds", async () => {
    const campuses = await listCampuses(db);
    expect(campuses).toHaveLength(7);
    expect(campuses[0]).toMatchObject({ slug: "main", kind: "main", street: "祥符街道" });
    expect(campuses.filter((c) => c.kind === "branch")).toHaveLength(6);
    expect(campuses.find((c) => c.slug === "daguan")).toMatchObject({ name: "大关分学院", theme: "老旧小区" });
  });

  it("lists the six problem categories", async () => {
    const names = (await listCategories(db)).map((c) => c.name);
    expect(names).toEqual(["商品房小区", "回迁安置小区", "老旧小区", "业委会建设", "物业服务与维修资金", "有机更新"]);
  });

  it("re-syncing is idempotent; renames apply; removed entries are archived, not deleted", async () => {
    const data = await readCampusesAndCategories("content");
    const before = await listCampuses(db);
    await syncCampusesAndCategories(db, data);
    expect(await listCampuses(db)).toEqual(before);

    const edited = {
      ...data,
      campuses: data.campuses
        .filter((c) => c.slug !== "liaison")
        .map((c) => (c.slug === "daguan" ? { ...c, name: "大关分学院（新）" } : c)),
    };
    const summary = await syncCampusesAndCategories(db, edited);
    expect(summary[0]?.archived).toEqual(["liaison"]);
    const after = await listCampuses(db);
    expect(after.map((c) => c.slug)).not.toContain("liaison");
    expect(after.find((c) => c.slug === "daguan")?.name).toBe("大关分学院（新）");
    expect(after.find((c) => c.slug === "daguan")?.id).toBe(before.find((c) => c.slug === "daguan")?.id);

    await syncCampusesAndCategories(db, data);
    expect(await listCampuses(db)).toEqual(before);
  });
});

describe("validation of campuses.yaml", () => {
  const problems = (text: string) => {
    try {
      parseYamlData("content/campuses.yaml", text, campusesFile);
    } catch (error) {
      if (error instanceof DataFileError) return error.message;
      throw error;
    }
    throw new Error("expected a DataFileError");
  };

  it("names the file, line and field of a bad value", () => {
    const text = [
      "campuses:",
      "  - slug: main",
      "    name: 主学院",
      "    short_name: 主学院",
      "    kind: main",
      "    theme: 核心",
      "    description: 介绍",
      "  - slug: Bad Slug",
      "    name: 分学院",
      "    short_name: 分学院",
      "    kind: school",
      "    theme: 老旧小区",
      "    description: 介绍",
    ].join("\n");
    const message = problems(text);
    expect(message).toContain("content/campuses.yaml:8:11 字段 campuses[1].slug：只能用小写英文字母、数字和连字符");
    expect(message).toContain("content/campuses.yaml:11:11 字段 campuses[1].kind：只能是 main（主学院）或 branch（分学院）");
  });

  it("points at the entry when a field is missing", () => {
    const text = ["campuses:", "  - slug: main", "    kind: main", "    theme: 核心", "    description: 介绍"].join("\n");
    expect(problems(text)).toContain("content/campuses.yaml:2:5 字段 campuses[0].name：必填，应为文字");
  });

  it("requires exactly one main campus and unique slugs", () => {
    const entry = (slug: string, kind: string) =>
      [`  - slug: ${slug}`, `    name: ${slug}`, `    short_name: ${slug}`, `    kind: ${kind}`, "    theme: 主题", "    description: 介绍"].join("\n");
    const message = problems(["campuses:", entry("a", "branch"), entry("a", "branch")].join("\n"));
    expect(message).toContain("必须恰好有一所主学院（kind: main），现在有 0 所");
    expect(message).toContain("字段 campuses[1].slug：与第 1 项重复：a");
  });

  it("reports broken YAML with its position", () => {
    expect(problems("campuses:\n  - slug: [unclosed\n")).toMatch(/^content\/campuses\.yaml:\d+:\d+ YAML 格式错误/);
  });
});
