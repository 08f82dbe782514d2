/**
 * Chinese numerals as used in the numbering of legal texts (第二百七十八条, 第一千二百六十条).
 *
 * Only the forms official texts use are produced and accepted: no leading 一 before 十 below
 * twenty (十五, not 一十五) but an explicit one after a higher unit (一百一十); 零 marks skipped
 * units (一百零五, 一千零一十). Parsing is strict on purpose: the law importer relies on it to
 * notice a mangled article number instead of silently filing the article under the wrong key.
 */

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"] as const;
const DIGIT_VALUES: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNIT_VALUES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const MAX_CHINESE_NUMBER = 9999;

export function toChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > MAX_CHINESE_NUMBER) {
    throw new RangeError(`toChineseNumber: ${n} is not an integer between 1 and ${MAX_CHINESE_NUMBER}`);
  }
  const places: [number, string][] = [
    [Math.floor(n / 1000), "千"],
    [Math.floor(n / 100) % 10, "百"],
    [Math.floor(n / 10) % 10, "十"],
    [n % 10, ""],
  ];
  let out = "";
  let gap = false;
  for (const [digit, unit] of places) {
    if (digit === 0) {
      // A zero only shows between two non-zero places: 一千零一, but 一千 and 一百一十.
      gap = out !== "";
      continue;
    }
    if (gap) out += "零";
    gap = false;
    out += unit === "十" && digit === 1 && out === "" ? "十" : `${DIGITS[digit]}${unit}`;
  }
  return out;
}

/**
 * Inverse of toChineseNumber. Also accepts 〇 for 零, 两 for 二 and 一十 for a leading 十; anything
 * else that is not exactly the official form (一百五, 一千零一百, 十十) throws rather than guessing.
 */
export function parseChineseNumber(s: string): number {
  const fail = (why: string): never => {
    throw new SyntaxError(`parseChineseNumber: cannot read 「${s}」 (${why})`);
  };
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const ch of s) {
    const d = DIGIT_VALUES[ch];
    const unit = UNIT_VALUES[ch];
    if (d === 0) continue; // checked by the canonical comparison below
    if (d !== undefined) {
      if (digit !== null) fail("two digits in a row");
      digit = d;
    } else if (unit !== undefined) {
      if (unit >= lastUnit) fail("units out of order");
      total += (digit ?? 1) * unit;
      digit = null;
      lastUnit = unit;
    } else {
      fail(`unexpected character ${ch}`);
    }
  }
  total += digit ?? 0;
  if (total < 1 || total > MAX_CHINESE_NUMBER) fail("out of range");

  const written = s.replaceAll("〇", "零").replaceAll("两", "二").replace(/^一十/, "十");
  if (written !== toChineseNumber(total)) fail(`not the official form of ${total}, which is ${toChineseNumber(total)}`);
  return total;
}

/** 278 → 第二百七十八条 */
export function articleLabel(n: number): string {
  return `第${toChineseNumber(n)}条`;
}
