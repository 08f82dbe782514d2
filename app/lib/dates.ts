/** Dates as people in Hangzhou read them, whatever the server's time zone. */
const longDate = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric" });

/** 2026年11月28日 */
export function chinaDate(date: Date | string): string {
  return longDate.format(new Date(date));
}
