import { type LearnerIdentity, learnerIdentities } from "../../db/schema";
import { addDays, isDay } from "./dates";
import { t } from "./messages";

/**
 * The dashboard's filters, read from the address (a GET form, so a filtered view can be
 * bookmarked, shared and exported as it is). Anything malformed falls back to the default, except
 * a date range that runs backwards or spans more than MAX_DAYS, which is a 400 with a message.
 */
export interface ReportFilters {
  from: string;
  to: string;
  campusId: number | null;
  categoryId: number | null;
  identity: LearnerIdentity | null;
}

export const DEFAULT_DAYS = 84;
export const MAX_DAYS = 366 * 3;

export type FilterResult = { ok: true; filters: ReportFilters } | { ok: false; message: string };

const idOf = (value: string | null) => (value && /^\d{1,9}$/.test(value) ? Number(value) : null);

export function parseReportFilters(params: URLSearchParams, today: string): FilterResult {
  const to = isDay(params.get("to") ?? "") ? (params.get("to") as string) : today;
  const from = isDay(params.get("from") ?? "") ? (params.get("from") as string) : addDays(to, -(DEFAULT_DAYS - 1));
  if (from > to) return { ok: false, message: t.reports.rangeBackwards };
  if (daysBetween(from, to) > MAX_DAYS) return { ok: false, message: t.reports.rangeTooLong };
  const identity = params.get("identity");
  return {
    ok: true,
    filters: {
      from,
      to,
      campusId: idOf(params.get("campus")),
      categoryId: idOf(params.get("category")),
      identity: learnerIdentities.includes(identity as LearnerIdentity) ? (identity as LearnerIdentity) : null,
    },
  };
}

/** The filters as query parameters, for links that keep them (exports, drill-downs). */
export function filterParams(f: ReportFilters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ from: f.from, to: f.to });
  if (f.campusId !== null) params.set("campus", String(f.campusId));
  if (f.categoryId !== null) params.set("category", String(f.categoryId));
  if (f.identity) params.set("identity", f.identity);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Monday of the week a China date falls in: the charts count whole weeks. */
export function mondayOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const back = (date.getUTCDay() + 6) % 7;
  return addDays(day, -back);
}

/** Every Monday from the week of `from` to the week of `to`. */
export function weeksBetween(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let week = mondayOf(from); week <= to; week = addDays(week, 7)) weeks.push(week);
  return weeks;
}
