import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { articleLabel } from "./chinese-numerals";
import { type LawLibrary, loadLawLibrary } from "./law.server";
import { DataFileError } from "./yaml-data";

// Runs against the generated content/law. Verbatim agreement with ../shared/law is enforced by
// scripts/import-law.ts itself, so this test needs only the repository.

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

let library: LawLibrary;
beforeAll(async () => {
  library = await loadLawLibrary(path.resolve("content"));
});

describe("content/law", () => {
  it("has the five laws, 法律 first", () => {
    expect(library.laws.map((l) => l.law)).toEqual(["民法典", "物业管理条例", "杭州市物业管理条例", "建筑物区分所有权解释", "物业服务纠纷解释"]);
    expect(library.laws.map((l) => l.kind)).toEqual(["法律", "行政法规", "地方性法规", "司法解释", "司法解释"]);
  });

  it("has exactly the 民法典 articles the sources give", () => {
    expect(library.findLaw("民法典")?.articleNumbers).toEqual([...range(271, 287), ...range(937, 950), ...range(1259, 1260)]);
  });

  it.each([
    ["物业管理条例", 67],
    ["杭州市物业管理条例", 93],
    ["建筑物区分所有权解释", 19],
    ["物业服务纠纷解释", 5],
  ])("%s runs from 第一条 to article %i without gaps", (law, last) => {
    expect(library.findLaw(law)?.articleNumbers).toEqual(range(1, last));
  });

  it("stores clean paragraphs: none empty, none padded, none still carrying its 第X条", () => {
    for (const { law } of library.laws) {
      for (const article of library.findLaw(law)!.articles.values()) {
        expect(article.paragraphs.length).toBeGreaterThan(0);
        for (const p of article.paragraphs) {
          expect(p).not.toBe("");
          expect(p.trim()).toBe(p);
          expect(p.startsWith(article.label)).toBe(false);
        }
      }
    }
  });
});

describe("known article texts", () => {
  it("民法典 278: the list and the voting thresholds, one paragraph per 项 and 款", () => {
    const a = library.getArticle("民法典", 278)!;
    expect(a.label).toBe("第二百七十八条");
    expect(a.part).toBe("物权编");
    expect(a.chapter).toBe("第六章 业主的建筑物区分所有权");
    expect(a.paragraphs).toHaveLength(11);
    expect(a.paragraphs[0]).toBe("下列事项由业主共同决定：");
    expect(a.paragraphs[9]).toBe("（九）有关共有和共同管理权利的其他重大事项。");
    expect(a.paragraphs[10]).toContain("专有部分面积占比三分之二以上的业主且人数占比三分之二以上的业主参与表决");
  });

  it("民法典 944 and 1259", () => {
    const a944 = library.getArticle("民法典", 944)!;
    expect(a944.chapter).toBe("第二十四章 物业服务合同");
    expect(a944.paragraphs).toHaveLength(3);
    expect(a944.paragraphs[2]).toBe("物业服务人不得采取停止供电、供水、供热、供燃气等方式催交物业费。");
    const a1259 = library.getArticle("民法典", 1259)!;
    expect(a1259.part).toBe("附则");
    expect(a1259.chapter).toBeUndefined();
    expect(a1259.paragraphs).toEqual(["民法所称的“以上”、“以下”、“以内”、“届满”，包括本数；所称的“不满”、“超过”、“以外”，不包括本数。"]);
  });

  it("杭州市物业管理条例 73 and a 节 heading", () => {
    const a = library.getArticle("杭州市物业管理条例", 73)!;
    expect(a.chapter).toBe("第六章 物业使用和维护");
    expect(a.paragraphs).toHaveLength(9);
    expect(a.paragraphs[0]).toBe("共有部分发生下列危及公共安全或者严重影响业主居住使用的紧急情况的，物业服务人应当及时报告业主委员会，并采取必要安全措施或者应急措施：");
    expect(a.paragraphs[6]).toBe("（六）排水设施严重堵塞或者损坏。");
    const a13 = library.getArticle("杭州市物业管理条例", 13)!;
    expect([a13.chapter, a13.section]).toEqual(["第三章 业主和业主组织", "第一节 业主和业主大会"]);
    expect(library.getArticle("杭州市物业管理条例", 1)?.chapter).toBe("第一章 总则");
  });

  it("建筑物区分所有权解释 8", () => {
    expect(library.getArticle("建筑物区分所有权解释", 8)?.paragraphs).toEqual([
      "民法典第二百七十八条第二款和第二百八十三条规定的专有部分面积可以按照不动产登记簿记载的面积计算；尚未进行物权登记的，暂按测绘机构的实测面积计算；尚未进行实测的，暂按房屋买卖合同记载的面积计算。",
    ]);
  });
});

describe("lookup", () => {
  it("finds a law by its full title, an alias or in 《》", () => {
    const a = library.getArticle("中华人民共和国民法典", 278);
    expect(a?.law).toBe("民法典");
    expect(a?.title).toBe("中华人民共和国民法典");
    expect(library.findLaw("《民法典》")?.law).toBe("民法典");
    expect(library.findLaw("最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释")?.law).toBe("建筑物区分所有权解释");
    expect(library.findLaw("最高人民法院关于审理物业服务纠纷案件适用法律若干问题的解释")?.law).toBe("物业服务纠纷解释");
  });

  it("accepts the article number as written in a URL or in Chinese", () => {
    expect(library.getArticle("民法典", "278")?.number).toBe(278);
    expect(library.getArticle("民法典", "第二百七十八条")?.number).toBe(278);
    expect(articleLabel(278)).toBe("第二百七十八条");
  });

  it("returns undefined for an unknown law or article", () => {
    expect(library.findLaw("刑法")).toBeUndefined();
    expect(library.getArticle("刑法", 1)).toBeUndefined();
    expect(library.getArticle("民法典", 1)).toBeUndefined();
    expect(library.getArticle("民法典", 288)).toBeUndefined();
    expect(library.getArticle("民法典", 0)).toBeUndefined();
    expect(library.getArticle("民法典", 278.5)).toBeUndefined();
    expect(library.getArticle("民法典", "二百七十八万")).toBeUndefined();
  });
});

describe("loadLawLibrary validation", () => {
  const lawYaml = (law: string, aliases: string[], extra = "") =>
    `law: ${law}\ntitle: ${law}全称\naliases: [${aliases.join(", ")}]\nkind: 法律\nsource: [x.md]\n${extra}articles:\n  1:\n    text: 第一款\n`;

  async function withContent(files: Record<string, string>, run: (dir: string) => Promise<void>) {
    const dir = await mkdtemp(path.join(tmpdir(), "law-test-"));
    try {
      await mkdir(path.join(dir, "law"));
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, "law", name), text);
      await run(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it("rejects a name or alias used by two files, naming both", async () => {
    await withContent({ "a.yaml": lawYaml("甲法", ["通用名"]), "b.yaml": lawYaml("乙法", ["别名", "通用名"]) }, async (dir) => {
      const error = await loadLawLibrary(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataFileError);
      const message = (error as DataFileError).message;
      expect(message).toMatch(/b\.yaml:3:\d+ 字段 aliases\[1\]：「通用名」已被 .*a\.yaml 的 aliases\[0\] 使用/);
    });
  });

  it("reports a bad field with file, line and field", async () => {
    await withContent({ "a.yaml": lawYaml("甲法", [], "").replace("kind: 法律", "kind: 部门规章") }, async (dir) => {
      await expect(loadLawLibrary(dir)).rejects.toThrow(/a\.yaml:4:\d+ 字段 kind：只能是/);
    });
  });
});
