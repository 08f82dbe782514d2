import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { LearnerIdentity } from "../../db/schema";
import { weeksBetween } from "../lib/report-filters";
import { activeRows, activeUsers, enrolledInScope, inCourses, inRange, ofIdentity, type ReportScope } from "./report-scope.server";

/**
 * The dashboard's numbers. Sums come from report_daily (a row per day, course and 身份); distinct
 * learners from the active-week rollups and the users table (20,000 rows at district scale). No
 * query here reads lesson_progress or study_beats: those hold millions of rows. Every function is
 * one statement, timed by scripts/bench-reports.ts.
 */

const dailySums = sql`
  coalesce(sum(enrolments), 0)::int as enrolments,
  coalesce(sum(cohort_started), 0)::int as started,
  coalesce(sum(cohort_completed), 0)::int as "cohortCompleted",
  coalesce(sum(completions), 0)::int as completions,
  coalesce(sum(lessons_completed), 0)::int as "lessonsCompleted",
  coalesce(sum(certificates), 0)::int as certificates,
  coalesce(sum(study_seconds), 0)::float8 as "studySeconds"`;

interface Sums {
  enrolments: number;
  started: number;
  cohortCompleted: number;
  completions: number;
  lessonsCompleted: number;
  certificates: number;
  studySeconds: number;
}

const dailyWhere = (scope: ReportScope) =>
  sql`${inRange(scope, sql`day`)} and ${inCourses(scope, sql`course_id`)} and ${ofIdentity(scope, sql`identity`)}`;

/** The headline figures: learners in scope, active in the range, and the range's sums. */
export async function overview(db: DB, scope: ReportScope) {
  // Three statements at once on the pool: each is a different kind of scan.
  const [sums, learners, active] = await Promise.all([
    sql<Sums>`select ${dailySums} from report_daily where ${dailyWhere(scope)}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from users u where ${ofIdentity(scope, sql`u.identity`)} and ${enrolledInScope(scope, sql`u.id`)}`.execute(db),
    sql<{ n: number }>`select count(*)::int as n from (${activeUsers(scope)}) a
      ${scope.filters.identity === null ? sql`` : sql`join users u on u.id = a.user_id where ${ofIdentity(scope, sql`u.identity`)}`}`.execute(db),
  ]);
  return { ...sums.rows[0]!, learners: learners.rows[0]!.n, active: active.rows[0]!.n };
}

export interface WeekPoint {
  week: string;
  active: number;
  studySeconds: number;
}

/** Active learners and 学时 per week (Monday), every week of the range present, empty ones as 0. */
export async function weekly(db: DB, scope: ReportScope): Promise<WeekPoint[]> {
  const [active, seconds] = await Promise.all([
    sql<{ week: string; n: number }>`
      select a.week::text as week, count(*)::int as n from (${activeRows(scope)}) a
      ${scope.filters.identity === null ? sql`` : sql`join users u on u.id = a.user_id and ${ofIdentity(scope, sql`u.identity`)}`}
      group by a.week`.execute(db),
    sql<{ week: string; s: number }>`
      select date_trunc('week', day)::date::text as week, sum(study_seconds)::float8 as s
      from report_daily where ${dailyWhere(scope)} group by 1`.execute(db),
  ]);
  const activeBy = new Map(active.rows.map((r) => [r.week, r.n]));
  const secondsBy = new Map(seconds.rows.map((r) => [r.week, r.s]));
  return weeksBetween(scope.filters.from, scope.filters.to).map((week) => ({
    week,
    active: activeBy.get(week) ?? 0,
    studySeconds: secondsBy.get(week) ?? 0,
  }));
}

export interface FunnelRow extends Sums {
  courseId: number;
  title: string;
  campus: string;
}

/**
 * Per course: of the enrolments made in the range, how many have started and completed (a cohort
 * funnel: each step is a subset of the one before), plus completions, certificates and 学时 in the range.
 */
export async function funnel(db: DB, scope: ReportScope): Promise<FunnelRow[]> {
  const { rows } = await sql<FunnelRow>`
    select c.id as "courseId", c.title, campuses.short_name as campus, ${dailySums}
    from report_daily r join courses c on c.id = r.course_id join campuses on campuses.id = c.campus_id
    where ${dailyWhere(scope)}
    group by c.id, c.title, campuses.short_name
    order by enrolments desc, c.id`.execute(db);
  return rows;
}

export interface IdentityRow extends Sums {
  identity: LearnerIdentity;
  learners: number;
  active: number;
}

/** Per 身份: learners in scope, active in the range, and the range's sums. */
export async function byIdentity(db: DB, scope: ReportScope): Promise<IdentityRow[]> {
  const [people, active, sums] = await Promise.all([
    sql<{ identity: LearnerIdentity; n: number }>`
      select u.identity, count(*)::int as n from users u
      where ${ofIdentity(scope, sql`u.identity`)} and ${enrolledInScope(scope, sql`u.id`)} group by u.identity`.execute(db),
    sql<{ identity: LearnerIdentity; n: number }>`
      select u.identity, count(*)::int as n from (${activeUsers(scope)}) a join users u on u.id = a.user_id
      where ${ofIdentity(scope, sql`u.identity`)} group by u.identity`.execute(db),
    sql<Sums & { identity: LearnerIdentity }>`
      select identity, ${dailySums} from report_daily where ${dailyWhere(scope)} group by identity`.execute(db),
  ]);
  const peopleBy = new Map(people.rows.map((r) => [r.identity, r.n]));
  const activeBy = new Map(active.rows.map((r) => [r.identity, r.n]));
  const sumsBy = new Map(sums.rows.map((r) => [r.identity, r]));
  const identities = new Set([...peopleBy.keys(), ...sumsBy.keys()]);
  return [...identities]
    .map((identity) => ({
      ...emptySums,
      ...sumsBy.get(identity),
      identity,
      learners: peopleBy.get(identity) ?? 0,
      active: activeBy.get(identity) ?? 0,
    }))
    .sort((a, b) => b.learners - a.learners);
}

const emptySums: Sums = { enrolments: 0, started: 0, cohortCompleted: 0, completions: 0, lessonsCompleted: 0, certificates: 0, studySeconds: 0 };

export interface CampRow {
  id: number;
  name: string;
  campus: string;
  startsOn: string;
  endsOn: string;
  members: number;
  sessions: number;
  attendances: number;
  certified: number;
}

/** Camps of the scope's campuses that overlap the range: members, sessions held, check-ins, certificates. */
export async function campsSummary(db: DB, scope: ReportScope): Promise<CampRow[]> {
  const campuses = scope.campusIds === null ? sql`true` : sql`camps.campus_id = any(${sql.val(scope.campusIds)}::int[])`;
  const { rows } = await sql<CampRow>`
    select camps.id, camps.name, campuses.short_name as campus, camps.starts_on as "startsOn", camps.ends_on as "endsOn",
      (select count(*)::int from camp_members m where m.camp_id = camps.id) as members,
      (select count(*)::int from camp_sessions s where s.camp_id = camps.id and s.date <= ${scope.filters.to}::date) as sessions,
      (select count(*)::int from camp_attendance a join camp_sessions s on s.id = a.session_id where s.camp_id = camps.id) as attendances,
      (select count(*)::int from certificates c where c.camp_id = camps.id) as certified
    from camps join campuses on campuses.id = camps.campus_id
    where camps.archived_at is null and ${campuses}
      and camps.starts_on <= ${scope.filters.to}::date and camps.ends_on >= ${scope.filters.from}::date
    order by camps.starts_on desc, camps.id`.execute(db);
  return rows;
}
