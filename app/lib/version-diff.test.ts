import { describe, expect, it } from "vitest";
import { diffVersions } from "./version-diff";

describe("diffVersions", () => {
  it("shows a changed line as removed and added, with line numbers and folded context", () => {
    const old = ["一", "二", "三", "四", "五", "六", "七", "八"].join("\n");
    const changed = ["一", "二", "三", "四", "五", "6", "七", "八"].join("\n");
    expect(diffVersions(old, changed)).toEqual([
      { type: "fold", count: 3 },
      { type: "same", oldLine: 4, newLine: 4, text: "四" },
      { type: "same", oldLine: 5, newLine: 5, text: "五" },
      { type: "removed", oldLine: 6, newLine: null, text: "六" },
      { type: "added", oldLine: null, newLine: 6, text: "6" },
      { type: "same", oldLine: 7, newLine: 7, text: "七" },
      { type: "same", oldLine: 8, newLine: 8, text: "八" },
    ]);
  });

  it("is empty for equal texts", () => {
    expect(diffVersions("同样\n", "同样\n")).toEqual([]);
  });
});
