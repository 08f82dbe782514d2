import { type Kysely, sql } from "kysely";

// The rollup helpers the report triggers call on every 完成本课 — report_add, report_touch and
// report_identity — were `language sql` functions with a FROM or several statements, which
// PostgreSQL cannot inline: before version 18 it parses and plans their statements again at every
// call. PL/pgSQL keeps each statement's plan for the life of the connection. Same statements, same
// results; the hot write's statement alone (pgbench, 16 clients, every write a new row) went from
// about 2,250 to 3,200 a second (ADR 009, fifth pass). Frozen once landed.

const SHARDS = 8;

const DAILY_UPSERT = `
  insert into report_daily as r values (p_day, p_course, p_identity, p_enrolments, p_cohort_started, p_cohort_completed,
    p_completions, p_lessons, p_certificates, p_seconds, (pg_backend_pid() % ${SHARDS})::smallint)
  on conflict (day, course_id, identity, shard) do update set
    enrolments = r.enrolments + excluded.enrolments,
    cohort_started = r.cohort_started + excluded.cohort_started,
    cohort_completed = r.cohort_completed + excluded.cohort_completed,
    completions = r.completions + excluded.completions,
    lessons_completed = r.lessons_completed + excluded.lessons_completed,
    certificates = r.certificates + excluded.certificates,
    study_seconds = r.study_seconds + excluded.study_seconds`;

const ADD_SIGNATURE = `report_add(p_day date, p_course integer, p_identity text, p_enrolments integer, p_cohort_started integer,
  p_cohort_completed integer, p_completions integer, p_lessons integer, p_certificates integer, p_seconds bigint)`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`${sql.raw(`
    create or replace function ${ADD_SIGNATURE} returns void language plpgsql as $$
    begin
      ${DAILY_UPSERT};
    end $$`)}`.execute(db);
  await sql`
    create or replace function report_touch(p_user integer, p_course integer, ts timestamptz) returns void language plpgsql as $$
    declare w date := report_week(ts);
    begin
      insert into report_active_weeks values (w, p_user) on conflict do nothing;
      insert into report_active_course_weeks values (w, p_course, p_user) on conflict do nothing;
      insert into report_active_campus_weeks select campus_id, w, p_user from courses where id = p_course on conflict do nothing;
    end $$`.execute(db);
  await sql`
    create or replace function report_identity(p_user integer) returns text language plpgsql stable as $$
    begin
      return (select identity from users where id = p_user);
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // As migrations 06 and 10 left them. The language of a function can be replaced in place.
  await sql`${sql.raw(`create or replace function ${ADD_SIGNATURE} returns void language sql as $$ ${DAILY_UPSERT} $$`)}`.execute(db);
  await sql`
    create or replace function report_touch(p_user integer, p_course integer, ts timestamptz) returns void language sql as $$
      insert into report_active_weeks values (report_week(ts), p_user) on conflict do nothing;
      insert into report_active_course_weeks values (report_week(ts), p_course, p_user) on conflict do nothing;
      insert into report_active_campus_weeks select campus_id, report_week(ts), p_user from courses where id = p_course
        on conflict do nothing;
    $$`.execute(db);
  await sql`
    create or replace function report_identity(p_user integer) returns text language sql stable as
    $$ select identity from users where id = p_user $$`.execute(db);
}
