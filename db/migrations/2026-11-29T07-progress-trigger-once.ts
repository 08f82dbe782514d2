import { type Kysely, sql } from "kysely";

// 完成本课 on a lesson not opened before inserts a progress row with started_at and reached_end_at
// (and completed_at, for a lesson without quizzes) all set to now(): the trigger of migration 06
// recorded the same active week up to three times, three upserts each. It now records a week once
// per row change; the rollups are the same (the upserts were idempotent), and the hottest write
// does a third of that work. Frozen once landed.

const body = (touchOnce: boolean) => sql.raw(`
    create or replace function report_progress_trg() returns trigger language plpgsql as $$
    ${touchOnce ? "declare touched date;" : ""}
    begin
      if tg_op = 'INSERT' then
        perform report_touch(new.user_id, new.course_id, new.started_at);
        ${touchOnce ? "touched := report_week(new.started_at);" : ""}
        update enrolments set started_at = new.started_at
          where user_id = new.user_id and course_id = new.course_id and (started_at is null or started_at > new.started_at);
      end if;
      if new.reached_end_at is not null and (tg_op = 'INSERT' or old.reached_end_at is distinct from new.reached_end_at)
        ${touchOnce ? "and report_week(new.reached_end_at) is distinct from touched" : ""} then
        perform report_touch(new.user_id, new.course_id, new.reached_end_at);
        ${touchOnce ? "touched := report_week(new.reached_end_at);" : ""}
      end if;
      if tg_op = 'UPDATE' and old.completed_at is not null then
        perform report_add(report_day(old.completed_at), old.course_id, report_identity(old.user_id), 0, 0, 0, 0, -1, 0, 0);
      end if;
      if new.completed_at is not null then
        perform report_add(report_day(new.completed_at), new.course_id, report_identity(new.user_id), 0, 0, 0, 0, 1, 0, 0);
        ${touchOnce ? "if report_week(new.completed_at) is distinct from touched then" : ""}
        perform report_touch(new.user_id, new.course_id, new.completed_at);
        ${touchOnce ? "end if;" : ""}
      end if;
      return null;
    end $$`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`${body(true)}`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`${body(false)}`.execute(db);
}
