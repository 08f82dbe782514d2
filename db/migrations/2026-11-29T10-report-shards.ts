import { type Kysely, sql } from "kysely";

// report_daily holds one row per day, course and 身份, and every 完成本课 (and enrolment, and the
// first opening of a course) adds to its row inside the writing transaction. On an evening when
// many learners of one course finish lessons at once, they all update the same row: each waits
// for the row lock until the previous transaction has committed, WAL flush included, and the
// writes go one at a time (the bench saw ten of sixteen connections waiting on `transactionid`,
// and 完成本课 stuck near 700/s with both cores a third idle).
//
// The row is split in 8 by the database connection that writes it (pg_backend_pid() % 8): two
// transactions running at the same moment are on different connections, so they seldom share a
// row. Every reader already sums report_daily over its rows (ADR 008), so the figures are the same;
// a busy day, course and 身份 can have up to 8 rows instead of 1. report_rebuild() writes shard 0.
// Frozen once landed.

const SHARDS = 8;

const reportAdd = (sharded: boolean) => sql.raw(`
    create or replace function report_add(p_day date, p_course integer, p_identity text, p_enrolments integer, p_cohort_started integer,
      p_cohort_completed integer, p_completions integer, p_lessons integer, p_certificates integer, p_seconds bigint)
    returns void language sql as $$
      insert into report_daily as r values (p_day, p_course, p_identity, p_enrolments, p_cohort_started, p_cohort_completed,
        p_completions, p_lessons, p_certificates, p_seconds${sharded ? `, (pg_backend_pid() % ${SHARDS})::smallint` : ""})
      on conflict (day, course_id, identity${sharded ? ", shard" : ""}) do update set
        enrolments = r.enrolments + excluded.enrolments,
        cohort_started = r.cohort_started + excluded.cohort_started,
        cohort_completed = r.cohort_completed + excluded.cohort_completed,
        completions = r.completions + excluded.completions,
        lessons_completed = r.lessons_completed + excluded.lessons_completed,
        certificates = r.certificates + excluded.certificates,
        study_seconds = r.study_seconds + excluded.study_seconds
    $$`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table report_daily add column shard smallint not null default 0`.execute(db);
  await sql`alter table report_daily drop constraint report_daily_pkey`.execute(db);
  await sql`alter table report_daily add primary key (day, course_id, identity, shard)`.execute(db);
  await sql`${reportAdd(true)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // Shards folded back into one row per day, course and 身份 before the old key returns.
  await sql`
    create temporary table report_daily_folded as
      select day, course_id, identity, sum(enrolments)::int as enrolments, sum(cohort_started)::int as cohort_started,
        sum(cohort_completed)::int as cohort_completed, sum(completions)::int as completions,
        sum(lessons_completed)::int as lessons_completed, sum(certificates)::int as certificates, sum(study_seconds)::bigint as study_seconds
      from report_daily group by day, course_id, identity`.execute(db);
  await sql`delete from report_daily`.execute(db);
  await sql`alter table report_daily drop constraint report_daily_pkey`.execute(db);
  await sql`alter table report_daily drop column shard`.execute(db);
  await sql`alter table report_daily add primary key (day, course_id, identity)`.execute(db);
  await sql`insert into report_daily select * from report_daily_folded`.execute(db);
  await sql`drop table report_daily_folded`.execute(db);
  await sql`${reportAdd(false)}`.execute(db);
}
