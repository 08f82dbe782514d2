/** Dates as people in Hangzhou read them, whatever the server's time zone. */
const longDate = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });

/** 2026年11月28日 */
export function chinaDate(date: Date | string): string {
  return longDate.format(new Date(date));
}

const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today in Hangzhou as YYYY-MM-DD (what a `date` column holds), whatever the server's time zone. */
export function chinaToday(now = new Date()): string {
  return isoDay.format(now);
}

/** "2026-04-12" → 2026年4月12日, for `date` columns (no time, no zone to shift). */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
