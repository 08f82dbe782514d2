import { describe, expect, it } from "vitest";
import { articleLabel, parseChineseNumber, toChineseNumber } from "./chinese-numerals";

const cases: [number, string][] = [
  [1, "一"],
  [9, "九"],
  [10, "十"],
  [15, "十五"],
  [20, "二十"],
  [99, "九十九"],
  [100, "一百"],
  [101, "一百零一"],
  [105, "一百零五"],
  [110, "一百一十"],
  [278, "二百七十八"],
  [1000, "一千"],
  [1001, "一千零一"],
  [1010, "一千零一十"],
  [1100, "一千一百"],
  [1259, "一千二百五十九"],
  [1260, "一千二百六十"],
  [2005, "二千零五"],
  [9999, "九千九百九十九"],
];

describe("toChineseNumber", () => {
  it.each(cases)("%i → %s", (n, s) => {
    expect(toChineseNumber(n)).toBe(s);
  });

  it("refuses numbers outside 1–9999 and non-integers", () => {
    for (const n of [0, -1, 10000, 1.5, Number.NaN]) expect(() => toChineseNumber(n)).toThrow(RangeError);
  });
});

describe("parseChineseNumber", () => {
  it.each(cases)("%i ← %s", (n, s) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it("reads the numbers that occur in the law sources", () => {
    expect(parseChineseNumber("二百七十一")).toBe(271);
    expect(parseChineseNumber("九百三十七")).toBe(937);
    expect(parseChineseNumber("九十三")).toBe(93);
    expect(parseChineseNumber("六十七")).toBe(67);
  });

  it("accepts the usual variant spellings", () => {
    expect(parseChineseNumber("一十五")).toBe(15);
    expect(parseChineseNumber("一千〇一")).toBe(1001);
    expect(parseChineseNumber("两千")).toBe(2000);
  });

  it("refuses what it would have to guess at", () => {
    for (const s of ["", "零", "百", "一二", "十十", "一百五", "一千零一百", "一百零", "二百七十八条", "278", "一万"]) {
      expect(() => parseChineseNumber(s), s).toThrow(SyntaxError);
    }
  });

  it("round-trips 1..2000", () => {
    for (let n = 1; n <= 2000; n++) expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
  });
});

describe("articleLabel", () => {
  it("wraps the numeral as 第…条", () => {
    expect(articleLabel(278)).toBe("第二百七十八条");
    expect(articleLabel(1)).toBe("第一条");
    expect(articleLabel(1260)).toBe("第一千二百六十条");
  });
});
