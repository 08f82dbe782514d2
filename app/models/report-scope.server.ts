import { type RawBuilder, sql } from "kysely";
import type { DB } from "../../db/client";
import type { ReportFilters } from "../lib/report-filters";
import { mondayOf } from "../lib/report-filters";

/**
 * What a dashboard counts: the filters, plus the courses they select. A branch admin's scope is
 * their own campuses, whatever the address says (another campus is refused, not widened).
 * `courseIds` null means every course: the queries then use the rollups without a course filter.
 */
export interface ReportScope {
  filters: ReportFilters;
  campusIds: number[] | null;
  courseIds: number[] | null;
}

export async function resolveScope(db: DB, filters: ReportFilters, administered: number[] | null): Promise<ReportScope | null> {
  if (administered !== null && filters.campusId !== null && !administered.includes(filters.campusId)) return null;
  const campusIds = filters.campusId !== null ? [filters.campusId] : administered;
  if (campusIds === null && filters.categoryId === null) return { filters, campusIds, courseIds: null };
  let query = db.selectFrom("courses").select("id").orderBy("id");
  if (campusIds !== null) query = query.where("campus_id", "in", campusIds.length ? campusIds : [-1]);
  if (filters.categoryId !== null) query = query.where("category_id", "=", filters.categoryId);
  const courseIds = (await query.execute()).map((c) => c.id);
  return { filters, campusIds, courseIds };
}

/** SQL: `column` is one of the scope's courses (always true without a course filter). */
export function inCourses(scope: ReportScope, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return scope.courseIds === null ? sql`true` : sql`${column} = any(${sql.val(scope.courseIds)}::int[])`;
}

/** SQL: the user's 身份 matches the filter (always true without one). */
export function ofIdentity(scope: ReportScope, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return scope.filters.identity === null ? sql`true` : sql`${column} = ${scope.filters.identity}`;
}

/** SQL: `day` falls in the date range. */
export function inRange(scope: ReportScope, column: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`${column} between ${scope.filters.from}::date and ${scope.filters.to}::date`;
}

/**
 * SQL: one row per (week, user) active in the range within the scope, weeks counted whole. Without
 * a course filter it reads report_active_weeks, unique per (week, user); with one, the per-course
 * table, where a learner active in two of the courses appears once per course (hence `distinct`).
 */
export function activeRows(scope: ReportScope): RawBuilder<{ week: string; user_id: number }> {
  const weeks = sql`week between ${mondayOf(scope.filters.from)}::date and ${scope.filters.to}::date`;
  if (scope.courseIds === null) return sql`select week, user_id from report_active_weeks where ${weeks}`;
  if (byCampus(scope)) {
    const ids = scope.campusIds!;
    if (ids.length === 1) return sql`select week, user_id from report_active_campus_weeks where campus_id = ${ids[0]} and ${weeks}`;
    return sql`select distinct week, user_id from report_active_campus_weeks where campus_id = any(${sql.val(ids)}::int[]) and ${weeks}`;
  }
  return sql`select distinct week, user_id from report_active_course_weeks where ${weeks} and ${inCourses(scope, sql`course_id`)}`;
}

/** A campus scope without a category filter reads the per-campus table (one row per learner, not per course). */
const byCampus = (scope: ReportScope) => scope.campusIds !== null && scope.filters.categoryId === null;

/** SQL: the distinct users active in the range within the scope (identity not yet applied). */
export function activeUsers(scope: ReportScope): RawBuilder<{ user_id: number }> {
  const weeks = sql`week between ${mondayOf(scope.filters.from)}::date and ${scope.filters.to}::date`;
  if (scope.courseIds === null) return sql`select distinct user_id from report_active_weeks where ${weeks}`;
  if (byCampus(scope)) return sql`select distinct user_id from report_active_campus_weeks where campus_id = any(${sql.val(scope.campusIds!)}::int[]) and ${weeks}`;
  return sql`select distinct user_id from report_active_course_weeks where ${weeks} and ${inCourses(scope, sql`course_id`)}`;
}

/** SQL: the user has enrolled in at least one course of the scope. */
export function enrolledInScope(scope: ReportScope, userColumn: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`exists (select 1 from enrolments e where e.user_id = ${userColumn} and ${inCourses(scope, sql`e.course_id`)})`;
}
