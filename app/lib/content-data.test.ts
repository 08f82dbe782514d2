import { describe, expect, it } from "vitest";
import { joinChineseLines } from "./content-data";

describe("joinChineseLines", () => {
  it("drops the space YAML folding puts between Chinese characters, keeps it around Latin words and numbers", () => {
    expect(joinChineseLines("30 个小区中有 29 个是老旧小区， 分学院聚焦\n老旧小区")).toBe("30 个小区中有 29 个是老旧小区，分学院聚焦老旧小区");
    expect(joinChineseLines("使用 Remix 和 PGlite")).toBe("使用 Remix 和 PGlite");
  });
});
