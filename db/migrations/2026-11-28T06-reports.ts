import { type Kysely, sql } from "kysely";

// Reports (ADR 008): rollup tables kept current by triggers in the same transaction as each write,
// so the dashboards read a few thousand rows instead of millions, and no code path can forget them.
// `report_rebuild()` recomputes them from the base tables; the tests check the two always agree.
// Frozen once landed. Nothing newer than PostgreSQL 15; PL/pgSQL is in PGlite too.

export async function up(db: Kysely<any>): Promise<void> {
  // When the learner first opened a lesson of the course: the funnel's 开始学习 step.
  await sql`alter table enrolments add column started_at timestamptz`.execute(db);
  await sql`
    update enrolments e set started_at = p.first
    from (select user_id, course_id, min(started_at) as first from lesson_progress group by user_id, course_id) p
    where p.user_id = e.user_id and p.course_id = e.course_id`.execute(db);

  // Additive facts per China day, course and 身份 (the learner's current one: a profile change moves them).
  // enrolments / cohort_*: enrolments made that day, and how many of those have since started / completed.
  // completions, lessons_completed, certificates, study_seconds: events that happened that day.
  await sql`
    create table report_daily (
      day date not null,
      course_id integer not null references courses(id) on delete cascade,
      identity text not null,
      enrolments integer not null default 0,
      cohort_started integer not null default 0,
      cohort_completed integer not null default 0,
      completions integer not null default 0,
      lessons_completed integer not null default 0,
      certificates integer not null default 0,
      study_seconds bigint not null default 0,
      primary key (day, course_id, identity)
    )`.execute(db);
  // Who was active in which week (Monday, China time): a beat, a quiz answer, a lesson started, finished or completed.
  await sql`
    create table report_active_weeks (
      week date not null,
      user_id integer not null references users(id) on delete cascade,
      primary key (week, user_id)
    )`.execute(db);
  await sql`
    create table report_active_course_weeks (
      week date not null,
      course_id integer not null references courses(id) on delete cascade,
      user_id integer not null references users(id) on delete cascade,
      primary key (week, course_id, user_id)
    )`.execute(db);

  // The same per campus (campus first: a campus dashboard reads one index range), for campus scopes
  // without a category filter: a learner active in nine courses of a campus is one row, not nine.
  await sql`
    create table report_active_campus_weeks (
      campus_id integer not null references campuses(id) on delete cascade,
      week date not null,
      user_id integer not null references users(id) on delete cascade,
      primary key (campus_id, week, user_id)
    )`.execute(db);

  // Indexes the dashboards' direct queries need.
  await sql`create index certificates_issued_idx on certificates (issued_at) include (user_id, course_id)`.execute(db);
  await sql`create index users_street_idx on users (street, community, compound)`.execute(db);

  await sql`
    create function report_day(ts timestamptz) returns date language sql stable as
    $$ select (ts at time zone 'Asia/Shanghai')::date $$`.execute(db);
  await sql`
    create function report_week(ts timestamptz) returns date language sql stable as
    $$ select date_trunc('week', ts at time zone 'Asia/Shanghai')::date $$`.execute(db);

  await sql`
    create function report_add(p_day date, p_course integer, p_identity text, p_enrolments integer, p_cohort_started integer,
      p_cohort_completed integer, p_completions integer, p_lessons integer, p_certificates integer, p_seconds bigint)
    returns void language sql as $$
      insert into report_daily as r values (p_day, p_course, p_identity, p_enrolments, p_cohort_started, p_cohort_completed,
        p_completions, p_lessons, p_certificates, p_seconds)
      on conflict (day, course_id, identity) do update set
        enrolments = r.enrolments + excluded.enrolments,
        cohort_started = r.cohort_started + excluded.cohort_started,
        cohort_completed = r.cohort_completed + excluded.cohort_completed,
        completions = r.completions + excluded.completions,
        lessons_completed = r.lessons_completed + excluded.lessons_completed,
        certificates = r.certificates + excluded.certificates,
        study_seconds = r.study_seconds + excluded.study_seconds
    $$`.execute(db);

  await sql`
    create function report_touch(p_user integer, p_course integer, ts timestamptz) returns void language sql as $$
      insert into report_active_weeks values (report_week(ts), p_user) on conflict do nothing;
      insert into report_active_course_weeks values (report_week(ts), p_course, p_user) on conflict do nothing;
      insert into report_active_campus_weeks select campus_id, report_week(ts), p_user from courses where id = p_course
        on conflict do nothing;
    $$`.execute(db);

  // Every fact of report_daily, from the base tables: for one learner (p_user) or everyone (null).
  // The triggers below add the same facts one row at a time; report_rebuild() and the tests use this.
  await sql`
    create function report_facts(p_user integer)
    returns table (day date, course_id integer, identity text, enrolments bigint, cohort_started bigint, cohort_completed bigint,
      completions bigint, lessons_completed bigint, certificates bigint, study_seconds bigint)
    language sql stable as $$
      select x.day, x.course_id, u.identity, sum(x.e), sum(x.cs), sum(x.cc), sum(x.c), sum(x.l), sum(x.ce), sum(x.s)::bigint
      from (
        select user_id, report_day(enrolled_at) as day, course_id, 1 as e, (started_at is not null)::int as cs,
          (completed_at is not null)::int as cc, 0 as c, 0 as l, 0 as ce, 0 as s
        from enrolments where p_user is null or user_id = p_user
        union all
        select user_id, report_day(completed_at), course_id, 0, 0, 0, 1, 0, 0, 0
        from enrolments where completed_at is not null and (p_user is null or user_id = p_user)
        union all
        select user_id, report_day(completed_at), course_id, 0, 0, 0, 0, 1, 0, 0
        from lesson_progress where completed_at is not null and (p_user is null or user_id = p_user)
        union all
        select user_id, report_day(issued_at), course_id, 0, 0, 0, 0, 0, 1, 0
        from certificates where course_id is not null and (p_user is null or user_id = p_user)
        union all
        select b.user_id, report_day(b.created_at), l.course_id, 0, 0, 0, 0, 0, 0, b.credited_seconds
        from study_beats b join lessons l on l.id = b.lesson_id where p_user is null or b.user_id = p_user
      ) x join users u on u.id = x.user_id
      group by x.day, x.course_id, u.identity
    $$`.execute(db);

  await sql`
    create function report_rebuild_campus_weeks() returns void language sql as $$
      truncate report_active_campus_weeks;
      insert into report_active_campus_weeks
        select distinct c.campus_id, w.week, w.user_id from report_active_course_weeks w join courses c on c.id = w.course_id;
    $$`.execute(db);

  await sql`
    create function report_rebuild() returns void language plpgsql as $$
    begin
      truncate report_daily, report_active_weeks, report_active_course_weeks, report_active_campus_weeks;
      insert into report_daily select * from report_facts(null);
      insert into report_active_course_weeks
        select distinct report_week(x.ts), x.course_id, x.user_id from (
          select user_id, course_id, started_at as ts from lesson_progress
          union all select user_id, course_id, reached_end_at from lesson_progress where reached_end_at is not null
          union all select user_id, course_id, completed_at from lesson_progress where completed_at is not null
          union all select b.user_id, l.course_id, b.created_at from study_beats b join lessons l on l.id = b.lesson_id
          union all select q.user_id, l.course_id, q.created_at from quiz_attempts q join lessons l on l.id = q.lesson_id
        ) x;
      insert into report_active_weeks select distinct week, user_id from report_active_course_weeks;
      perform report_rebuild_campus_weeks();
    end $$`.execute(db);

  // A learner's facts moved from one 身份 to another (p_sign -1 removes them, +1 adds them).
  await sql`
    create function report_move_user(p_user integer, p_identity text, p_sign integer) returns void language plpgsql as $$
    begin
      perform report_add(f.day, f.course_id, p_identity, (p_sign * f.enrolments)::int, (p_sign * f.cohort_started)::int,
        (p_sign * f.cohort_completed)::int, (p_sign * f.completions)::int, (p_sign * f.lessons_completed)::int,
        (p_sign * f.certificates)::int, p_sign * f.study_seconds)
      from report_facts(p_user) f;
    end $$`.execute(db);

  await sql`
    create function report_identity(p_user integer) returns text language sql stable as
    $$ select identity from users where id = p_user $$`.execute(db);

  // Enrolments: the row's whole contribution out with its old values, in with its new ones.
  await sql`
    create function report_enrolment_trg() returns trigger language plpgsql as $$
    declare who text;
    begin
      if tg_op = 'UPDATE' then
        who := report_identity(old.user_id);
        perform report_add(report_day(old.enrolled_at), old.course_id, who, -1, -(old.started_at is not null)::int,
          -(old.completed_at is not null)::int, 0, 0, 0, 0);
        if old.completed_at is not null then
          perform report_add(report_day(old.completed_at), old.course_id, who, 0, 0, 0, -1, 0, 0, 0);
        end if;
      end if;
      who := report_identity(new.user_id);
      perform report_add(report_day(new.enrolled_at), new.course_id, who, 1, (new.started_at is not null)::int,
        (new.completed_at is not null)::int, 0, 0, 0, 0);
      if new.completed_at is not null then
        perform report_add(report_day(new.completed_at), new.course_id, who, 0, 0, 0, 1, 0, 0, 0);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger enrolments_report_ins after insert on enrolments for each row execute function report_enrolment_trg()`.execute(db);
  await sql`
    create trigger enrolments_report_upd after update of started_at, completed_at, enrolled_at on enrolments for each row
    when (old.started_at is distinct from new.started_at or old.completed_at is distinct from new.completed_at
      or old.enrolled_at is distinct from new.enrolled_at)
    execute function report_enrolment_trg()`.execute(db);

  // Lesson progress: completions, activity, and the enrolment's first start (min over its lessons;
  // the row lock on the enrolment makes two first lessons at once count one start).
  await sql`
    create function report_progress_trg() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        perform report_touch(new.user_id, new.course_id, new.started_at);
        update enrolments set started_at = new.started_at
          where user_id = new.user_id and course_id = new.course_id and (started_at is null or started_at > new.started_at);
      end if;
      if new.reached_end_at is not null and (tg_op = 'INSERT' or old.reached_end_at is distinct from new.reached_end_at) then
        perform report_touch(new.user_id, new.course_id, new.reached_end_at);
      end if;
      if tg_op = 'UPDATE' and old.completed_at is not null then
        perform report_add(report_day(old.completed_at), old.course_id, report_identity(old.user_id), 0, 0, 0, 0, -1, 0, 0);
      end if;
      if new.completed_at is not null then
        perform report_add(report_day(new.completed_at), new.course_id, report_identity(new.user_id), 0, 0, 0, 0, 1, 0, 0);
        perform report_touch(new.user_id, new.course_id, new.completed_at);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger lesson_progress_report_ins after insert on lesson_progress for each row execute function report_progress_trg()`.execute(db);
  // The WHEN clause keeps 学时 beats and repeat visits (which touch neither column) off this path.
  await sql`
    create trigger lesson_progress_report_upd after update of reached_end_at, completed_at on lesson_progress for each row
    when (old.reached_end_at is distinct from new.reached_end_at or old.completed_at is distinct from new.completed_at)
    execute function report_progress_trg()`.execute(db);

  await sql`
    create function report_beat_trg() returns trigger language plpgsql as $$
    declare course integer;
    begin
      select course_id into course from lessons where id = new.lesson_id;
      if new.credited_seconds <> 0 then
        perform report_add(report_day(new.created_at), course, report_identity(new.user_id), 0, 0, 0, 0, 0, 0, new.credited_seconds);
      end if;
      perform report_touch(new.user_id, course, new.created_at);
      return null;
    end $$`.execute(db);
  await sql`create trigger study_beats_report_ins after insert on study_beats for each row execute function report_beat_trg()`.execute(db);

  await sql`
    create function report_quiz_trg() returns trigger language plpgsql as $$
    begin
      perform report_touch(new.user_id, (select course_id from lessons where id = new.lesson_id), new.created_at);
      return null;
    end $$`.execute(db);
  await sql`create trigger quiz_attempts_report_ins after insert on quiz_attempts for each row execute function report_quiz_trg()`.execute(db);

  await sql`
    create function report_certificate_trg() returns trigger language plpgsql as $$
    begin
      perform report_add(report_day(new.issued_at), new.course_id, report_identity(new.user_id), 0, 0, 0, 0, 0, 1, 0);
      return null;
    end $$`.execute(db);
  await sql`
    create trigger certificates_report_ins after insert on certificates for each row when (new.course_id is not null)
    execute function report_certificate_trg()`.execute(db);

  // A course moved to another campus (content sync can do that): its activity moves along. Rare
  // enough that recomputing the campus table from the per-course one is the simple, exact answer.
  await sql`
    create function report_course_campus_trg() returns trigger language plpgsql as $$
    begin
      perform report_rebuild_campus_weeks();
      return null;
    end $$`.execute(db);
  await sql`
    create trigger courses_report_campus after update of campus_id on courses for each row
    when (old.campus_id is distinct from new.campus_id) execute function report_course_campus_trg()`.execute(db);

  // A learner who changes 身份 takes their history along; one who is deleted takes it away
  // (before the cascade removes the rows it was computed from).
  await sql`
    create function report_user_trg() returns trigger language plpgsql as $$
    begin
      perform report_move_user(old.id, old.identity, -1);
      if tg_op = 'UPDATE' then
        perform report_move_user(new.id, new.identity, 1);
        return null;
      end if;
      return old;
    end $$`.execute(db);
  await sql`
    create trigger users_report_upd after update of identity on users for each row
    when (old.identity is distinct from new.identity) execute function report_user_trg()`.execute(db);
  await sql`create trigger users_report_del before delete on users for each row execute function report_user_trg()`.execute(db);

  await sql`select report_rebuild()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger courses_report_campus on courses`.execute(db);
  await sql`drop trigger users_report_del on users`.execute(db);
  await sql`drop trigger users_report_upd on users`.execute(db);
  await sql`drop trigger certificates_report_ins on certificates`.execute(db);
  await sql`drop trigger quiz_attempts_report_ins on quiz_attempts`.execute(db);
  await sql`drop trigger study_beats_report_ins on study_beats`.execute(db);
  await sql`drop trigger lesson_progress_report_upd on lesson_progress`.execute(db);
  await sql`drop trigger lesson_progress_report_ins on lesson_progress`.execute(db);
  await sql`drop trigger enrolments_report_upd on enrolments`.execute(db);
  await sql`drop trigger enrolments_report_ins on enrolments`.execute(db);
  for (const fn of [
    "report_course_campus_trg()",
    "report_user_trg()",
    "report_certificate_trg()",
    "report_quiz_trg()",
    "report_beat_trg()",
    "report_progress_trg()",
    "report_enrolment_trg()",
    "report_identity(integer)",
    "report_move_user(integer, text, integer)",
    "report_rebuild()",
    "report_rebuild_campus_weeks()",
    "report_facts(integer)",
    "report_touch(integer, integer, timestamptz)",
    "report_add(date, integer, text, integer, integer, integer, integer, integer, integer, bigint)",
    "report_week(timestamptz)",
    "report_day(timestamptz)",
  ]) {
    await sql.raw(`drop function ${fn}`).execute(db);
  }
  await sql`drop index users_street_idx`.execute(db);
  await sql`drop index certificates_issued_idx`.execute(db);
  await sql`drop table report_active_campus_weeks, report_active_course_weeks, report_active_weeks, report_daily`.execute(db);
  await sql`alter table enrolments drop column started_at`.execute(db);
}
