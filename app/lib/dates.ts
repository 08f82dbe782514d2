import { t } from "./messages";

/** The day in Hangzhou, whatever the server's time zone, written in the reader's language: 2026年11月28日 (28 November 2026). */
export function chinaDate(date: Date | string): string {
  return dayLabel(chinaToday(new Date(date)));
}

const dateTimes = new Map<string, Intl.DateTimeFormat>();

/** A moment in Hangzhou time, date and minutes, in the reader's language (audit log, version history). */
export function chinaDateTime(date: Date | string): string {
  const locale = t.common.intlLocale;
  let format = dateTimes.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });
    dateTimes.set(locale, format);
  }
  return format.format(new Date(date));
}

const isoDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today in Hangzhou as YYYY-MM-DD (what a `date` column holds), whatever the server's time zone. */
export function chinaToday(now = new Date()): string {
  return isoDay.format(now);
}

/** "2026-04-12" → 2026年4月12日 (12 April 2026), for `date` columns (no time, no zone to shift). */
export function dayLabel(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return t.common.date(y!, m!, d!);
}

/**
 * A real calendar day written YYYY-MM-DD (2026-02-30 is not one), from 1900 on: PostgreSQL has no
 * year 0, and nothing here (camps, due dates, report ranges) happened before then.
 */
export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < "1900-01-01") return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** `day` moved by n days (negative: back), as YYYY-MM-DD. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
