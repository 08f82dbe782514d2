import { describe, expect, it } from "vitest";
import { expandQuery, snippet } from "./search-terms";

describe("search terms", () => {
  it("expands synonyms inside longer terms", () => {
    expect(expandQuery("维修基金")[0]).toEqual(expect.arrayContaining(["维修基金", "维修资金", "专项维修资金"]));
    expect(expandQuery("业委会 选举")).toEqual([expect.arrayContaining(["业委会", "业主委员会"]), ["选举"]]);
    expect(expandQuery("物业公司退出")[0]).toEqual(expect.arrayContaining(["物业服务企业退出", "物业服务人退出"]));
    expect(expandQuery("接管验收")[0]).toContain("承接查验");
  });

  it("cuts a snippet around the first match", () => {
    expect(snippet("甲乙丙丁维修资金属于业主共有", ["维修基金", "维修资金"], 2)).toEqual({ before: "…丙丁", match: "维修资金", after: "属于业主…" });
    expect(snippet("没有", ["维修资金"])).toBeNull();
  });
});
