import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("starts with a BOM, quotes what needs it and defuses formulas", () => {
    expect(toCsv([["姓名", "备注"], ["张三", 'a,"b"'], ["=HYPERLINK(1)", 3]])).toBe('\uFEFF姓名,备注\r\n张三,"a,""b"""\r\n\'=HYPERLINK(1),3\r\n');
  });
});
