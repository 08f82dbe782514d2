/**
 * npm run seed:scale — a district-sized academy on PostgreSQL, for scripts/bench-reports.ts and for
 * looking at the dashboards with realistic numbers:
 *   20,000 learners in 18 街道 / 636 小区 with the district's mix of 身份; 60 extra courses × 10
 *   lessons across the 7 campuses (lesson texts copied from the content library); every learner
 *   enrolled in every one of them: 12 M lesson-progress rows, a 学时 beat per studied lesson, quiz
 *   attempts, certificates, and two training camps per campus with sessions and check-ins.
 *
 * Writes a database named academy_scale (SCALE_DB) next to DATABASE_URL, dropping any earlier one.
 * Rows are made by the server (INSERT … SELECT over generate_series) in batches of 1,000 learners,
 * with the report triggers off (session_replication_role = replica); report_rebuild() then computes
 * the rollups once, exactly as the triggers would have. Minutes, not hours.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run seed:scale
 *   SCALE_LEARNERS=2000 …   (a smaller district, for a quick look)
 */
import pg from "pg";
import { prepareDatabase, readCampusesAndCategories, syncContent } from "../app/boot.server";
import { hashPassword } from "../app/models/password.server";
import { openDatabase } from "../db/client";
import { createDatabase, databaseUrlFor, dropDatabase } from "../db/postgres-admin";
import { COMMUNITY_NAMES, COMPOUND_NAMES, GIVEN_NAMES, STREETS, SURNAMES, TOPICS } from "./lib/scale-names";

const baseUrl = process.env.DATABASE_URL;
if (!baseUrl) {
  console.error("seed:scale 需要真实的 PostgreSQL：DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run seed:scale");
  process.exit(1);
}
const DB_NAME = process.env.SCALE_DB ?? "academy_scale";
const LEARNERS = Number(process.env.SCALE_LEARNERS ?? 20_000);
const COURSES = 60;
const LESSONS = 10;
const COMPOUNDS = 636;
const BATCH = 1000;
export const SCALE_ADMIN = { phone: "19800000000", password: "scale-admin-2026" };

const started = Date.now();
const elapsed = () => `${Math.round((Date.now() - started) / 1000)} 秒`;
function bar(done: number, total: number, label: string) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${Math.round((100 * done) / total)}% ${label} · ${elapsed()}   `);
}

console.log(`建库 ${DB_NAME}：内容库、学院和分类…`);
await dropDatabase(baseUrl, DB_NAME);
const url = await createDatabase(baseUrl, DB_NAME);
const handle = await openDatabase({ databaseUrl: url, dataDir: "unused" });
await prepareDatabase(handle, await readCampusesAndCategories("content"));
await syncContent(handle, "content");
await handle.close();

const client = new pg.Client({ connectionString: databaseUrlFor(baseUrl, DB_NAME) });
await client.connect();
const q = (text: string, values: unknown[] = []) => client.query(text, values);
try {
  // Triggers off for the bulk load (the rollups are rebuilt from the rows at the end); FK checks too.
  await q("set session_replication_role = replica");
  await q("set synchronous_commit = off");

  // 60 courses round-robin over the campuses and categories, 10 lessons each, texts from the library.
  await q(
    `insert into courses (campus_id, category_id, slug, title, summary, audience, hours, origin, sort_order)
     select (select id from campuses order by sort_order, id offset (n % (select count(*) from campuses)) limit 1),
       (select id from categories order by sort_order, id offset (n % (select count(*) from categories)) limit 1),
       'scale-' || n, ($1::text[])[1 + n % array_length($1::text[], 1)] || '（第' || (1 + n / array_length($1::text[], 1)) || '期）',
       '规模测试用课程', 'everyone', 2.0, 'admin', 100 + n
     from generate_series(0, ${COURSES - 1}) n`,
    [TOPICS],
  );
  await q(
    `insert into lessons (course_id, slug, position)
     select c.id, 'lesson-' || p, p from courses c cross join generate_series(1, ${LESSONS}) p where c.slug like 'scale-%'`,
  );
  await q(
    `with src as (
       select v.*, row_number() over (order by v.id) - 1 as k, count(*) over () as n
       from lesson_versions v join lessons l on l.published_version_id = v.id
     ), target as (
       select l.id, row_number() over (order by l.id) - 1 as k from lessons l join courses c on c.id = l.course_id where c.slug like 'scale-%'
     ), made as (
       insert into lesson_versions (lesson_id, content_hash, source, code, title, minutes, plain_text, search_text)
       select target.id, src.content_hash, src.source, src.code, src.title, src.minutes, src.plain_text, src.search_text
       from target join src on src.k = target.k % src.n
       returning id, lesson_id, content_hash
     ), copied as (
       insert into quiz_questions (lesson_version_id, quiz_key, position, question, options, correct, multiple, explanation)
       select made.id, qq.quiz_key, qq.position, qq.question, qq.options, qq.correct, qq.multiple, qq.explanation
       from made join lesson_versions orig on orig.content_hash = made.content_hash and orig.lesson_id <> made.lesson_id
         join lessons ol on ol.published_version_id = orig.id join quiz_questions qq on qq.lesson_version_id = orig.id
     )
     update lessons set published_version_id = made.id from made where lessons.id = made.lesson_id`,
  );

  // Learners: 18 街道, 636 小区 (about 35 per 街道, in 8 社区 each), the district's mix of 身份.
  const passwordHash = await hashPassword("scale-learner-2026");
  await q(
    `insert into users (phone, password_hash, display_name, identity, street, community, compound, created_at)
     select '199' || lpad(i::text, 8, '0'), $1,
       ($2::text[])[1 + i % array_length($2::text[], 1)] || ($3::text[])[1 + (i / 7) % array_length($3::text[], 1)],
       case when r < 0.15 then 'committee_member' when r < 0.30 then 'committee_candidate' when r < 0.33 then 'liaison'
         when r < 0.45 then 'property_staff' when r < 0.55 then 'social_worker' else 'resident' end,
       ($4::text[])[1 + k % 18],
       replace(($4::text[])[1 + k % 18], '街道', '') || ($5::text[])[1 + (k / 18) % 8] || '社区',
       ($6::text[])[1 + (k / 18) % array_length($6::text[], 1)] || (k / 18 / array_length($6::text[], 1) + 1) || '区',
       now() - random() * interval '730 days'
     from (select i, random() as r, floor(random() * ${COMPOUNDS})::int as k from generate_series(1, ${LEARNERS}) i) s`,
    [passwordHash, SURNAMES, GIVEN_NAMES, STREETS, COMMUNITY_NAMES, COMPOUND_NAMES],
  );
  const { rows: idRange } = await q("select min(id)::int as lo, max(id)::int as hi from users where phone like '199%'");
  const { lo, hi } = idRange[0] as { lo: number; hi: number };

  for (let from = lo; from <= hi; from += BATCH) {
    const to = Math.min(hi, from + BATCH - 1);
    // Per enrolment: when, how many lessons done (55 % finish the course), days between lessons.
    await q("begin");
    await q(
      `create temp table se2 on commit drop as
       select u.id as user_id, c.id as course_id,
         u.created_at + random() * (now() - u.created_at) as enrolled_at,
         case when random() < 0.55 then ${LESSONS} else floor(random() * ${LESSONS})::int end as done,
         random() * 3 as gap
       from users u cross join courses c where c.slug like 'scale-%' and u.id between $1 and $2`,
      [from, to],
    );
    await q(
      `insert into lesson_progress (user_id, lesson_id, course_id, started_at, last_visited_at, reached_end_at, completed_at,
         passed_quizzes, study_seconds, last_beat_at)
       select se.user_id, l.id, se.course_id, s.st, s.st + s.secs * interval '1 second',
         case when l.position <= se.done then s.st + s.secs * interval '1 second' end,
         case when l.position <= se.done then s.st + s.secs * interval '1 second' end,
         case when l.position <= se.done then coalesce((select array_agg(quiz_key) from quiz_questions where lesson_version_id = l.published_version_id), '{}') else '{}' end,
         s.secs, s.st + s.secs * interval '1 second'
       from se2 se join lessons l on l.course_id = se.course_id
       cross join lateral (
         select least(se.enrolled_at + (l.position - 1) * se.gap * interval '1 day', now() - interval '20 minutes') as st,
           case when l.position <= se.done then 300 + floor(random() * 600)::int else floor(random() * 240)::int end as secs
       ) s`,
    );
    await q(
      `insert into enrolments (user_id, course_id, enrolled_at, started_at, last_lesson_id, last_visited_at, completed_at)
       select se.user_id, se.course_id, se.enrolled_at, min(p.started_at), max(p.lesson_id), max(p.last_visited_at),
         case when count(p.completed_at) = ${LESSONS} then max(p.completed_at) end
       from se2 se join lesson_progress p on p.user_id = se.user_id and p.course_id = se.course_id
       group by se.user_id, se.course_id, se.enrolled_at`,
    );
    await q(
      `insert into study_beats (user_id, lesson_id, credited_seconds, reason, created_at)
       select user_id, lesson_id, study_seconds, 'counted', last_beat_at from lesson_progress
       where user_id between $1 and $2 and study_seconds > 0`,
      [from, to],
    );
    await q(
      `insert into quiz_attempts (user_id, lesson_id, lesson_version_id, quiz_key, answers, score, passed, created_at)
       select p.user_id, p.lesson_id, l.published_version_id, qq.quiz_key, qq.correct, 100, true, p.completed_at - interval '1 minute'
       from lesson_progress p join lessons l on l.id = p.lesson_id join quiz_questions qq on qq.lesson_version_id = l.published_version_id
       where p.user_id between $1 and $2 and p.completed_at is not null and random() < 0.1`,
      [from, to],
    );
    await q("commit");
    bar(to - lo + 1, hi - lo + 1, `${(to - lo + 1).toLocaleString()} 名学员 · ${((to - lo + 1) * COURSES * LESSONS).toLocaleString()} 条学习记录`);
  }
  process.stderr.write("\n");

  console.log(`证书、训练营… (${elapsed()})`);
  // Certificates for completed courses: codes from a counter in the certificate alphabet (unique by construction).
  await q(
    `insert into certificates (code, user_id, course_id, holder_name, title, campus_name, hours, issued_at)
     select (select string_agg(substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + ((n / (31 ^ d)::bigint) % 31)::int, 1), '' order by d)
             from generate_series(0, 7) d),
       e.user_id, e.course_id, u.display_name, c.title, campuses.name, c.hours, e.completed_at
     from (select *, 1000000000 + row_number() over (order by user_id, course_id) as n from enrolments where completed_at is not null) e
       join users u on u.id = e.user_id join courses c on c.id = e.course_id join campuses on campuses.id = c.campus_id`,
  );
  // Two camps per campus for the liaisons: six sessions each, about 85 % attendance.
  await q(
    `insert into camps (campus_id, name, starts_on, ends_on, place, required_sessions, hours)
     select c.id, c.short_name || '小区专员成长训练营（' || k || '期）', current_date - 150 * k, current_date - 150 * k + 60, '社区邻里中心', 4, 12
     from campuses c cross join generate_series(1, 2) k`,
  );
  await q(
    `insert into camp_members (camp_id, user_id)
     select camps.id, u.id from users u join lateral (
       select id from camps order by id offset (u.id % (select count(*) from camps)) limit 1) camps on true
     where u.identity = 'liaison'`,
  );
  await q(
    `insert into camp_sessions (camp_id, date, starts_at, ends_at, place, topic)
     select camps.id, camps.starts_on + 10 * s, '14:00', '16:30', camps.place, '第' || s || '次集中学习'
     from camps cross join generate_series(0, 5) s`,
  );
  await q(
    `insert into camp_attendance (session_id, user_id, method, checked_in_at)
     select s.id, m.user_id, 'code', s.date + time '14:05' from camp_sessions s join camp_members m on m.camp_id = s.camp_id
     where random() < 0.85`,
  );

  // An admin to look around with.
  const adminHash = await hashPassword(SCALE_ADMIN.password);
  await q(
    `with u as (insert into users (phone, password_hash, display_name, identity, street, community, compound)
       values ($1, $2, '区三方办', 'social_worker', '祥符街道', '祥符社区', '三方办') returning id)
     insert into role_grants (user_id, role) select id, 'district_admin' from u`,
    [SCALE_ADMIN.phone, adminHash],
  );

  await q("set session_replication_role = default");
  console.log(`计算报表汇总表 report_rebuild()… (${elapsed()})`);
  await q("select report_rebuild()");
  console.log(`VACUUM ANALYZE… (${elapsed()})`);
  await q("vacuum analyze");

  const { rows } = await q(
    `select (select count(*) from users)::int as users, (select count(*) from courses)::int as courses,
       (select count(*) from lesson_progress)::bigint as progress, (select count(*) from study_beats)::bigint as beats,
       (select count(*) from quiz_attempts)::bigint as attempts, (select count(*) from certificates)::int as certificates,
       (select count(*) from report_daily)::int as daily, (select count(*) from report_active_weeks)::int as weeks,
       (select count(*) from report_active_course_weeks)::int as course_weeks,
       (select count(distinct street || community || compound) from users where phone like '199%')::int as compounds`,
  );
  console.log(rows[0]);
  console.log(`完成，用时 ${elapsed()}。看板：DATABASE_URL=${databaseUrlFor(baseUrl, DB_NAME)} npm start，用 ${SCALE_ADMIN.phone} / ${SCALE_ADMIN.password} 登录。`);
} finally {
  await client.end();
}
