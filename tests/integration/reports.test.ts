import { sql } from "kysely";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { addDays, chinaToday } from "../../app/lib/dates";
import { loadLawLibrary } from "../../app/lib/law.server";
import type { ReportFilters } from "../../app/lib/report-filters";
import { getLessonTarget } from "../../app/models/course.server";
import { enrol, finishLesson, recordVisit } from "../../app/models/progress.server";
import { submitAnswer } from "../../app/models/quiz.server";
import { byStreet } from "../../app/models/report-geo.server";
import { resolveScope } from "../../app/models/report-scope.server";
import { byIdentity, funnel, overview, weekly } from "../../app/models/report.server";
import type { RoleGrantRef, SessionUser } from "../../app/models/session.server";
import { recordBeat } from "../../app/models/study-time.server";
import { registerUser, updateProfile } from "../../app/models/user.server";
import { loader as dashboardLoader } from "../../app/routes/admin.reports._index";
import { loader as exportLoader } from "../../app/routes/admin.reports.export";
import { loader as recordLoader } from "../../app/routes/admin.reports.learners.$userId";
import type { LearnerIdentity } from "../../db/schema";
import { createTestDatabase } from "../setup/test-database";
import { get, routeContext, settle } from "../support/routes";

const { db } = await createTestDatabase();
const laws = await loadLawLibrary("content");
const today = chinaToday();

const campusId = async (slug: string) => (await db.selectFrom("campuses").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
const main = await campusId("main");
const daguan = await campusId("daguan");
/** The first course of a campus, with its published lessons in order. */
async function courseOf(campus: number, offset = 0) {
  const course = await db.selectFrom("courses").select(["id", "slug"]).where("campus_id", "=", campus).orderBy("id").offset(offset).limit(1).executeTakeFirstOrThrow();
  const lessons = await db.selectFrom("lessons").select("slug").where("course_id", "=", course.id).where("published_version_id", "is not", null).orderBy("position").execute();
  return { ...course, lessons: lessons.map((l) => l.slug) };
}
const mainA = await courseOf(main, 0);
const mainB = await courseOf(main, 1);
const daguanA = await courseOf(daguan, 0);

let phone = 13700000000;
async function learner(name: string, identity: LearnerIdentity, street: string, compound = "德胜新村"): Promise<SessionUser> {
  const p = String(++phone);
  const r = await registerUser(db, { phone: p, password: "pass-word-1", displayName: name, identity, street, community: `${street.slice(0, 2)}社区`, compound });
  if (!r.ok) throw new Error("taken");
  return { id: r.userId, phone: p, displayName: name, identity, prefs: { elder: null, locale: null } };
}

async function target(courseSlug: string, lessonSlug: string) {
  const t = await getLessonTarget(db, { courseSlug, lessonSlug });
  const row = await db.selectFrom("lessons").select("published_version_id").where("id", "=", t!.id).executeTakeFirstOrThrow();
  const quizzes = await db.selectFrom("quiz_questions").select(["quiz_key", "correct"]).where("lesson_version_id", "=", row.published_version_id!).execute();
  const minutes = (await db.selectFrom("lesson_versions").select("minutes").where("id", "=", row.published_version_id!).executeTakeFirstOrThrow()).minutes;
  return { ...t!, minutes, versionId: row.published_version_id!, quizzes };
}

/** Opens a lesson, studies it for a while (two beats, the clock moved back in between) and optionally completes it. */
async function study(userId: number, course: { id: number; slug: string }, lessonSlug: string, complete: boolean) {
  const l = await target(course.slug, lessonSlug);
  await enrol(db, userId, course.id);
  await recordVisit(db, userId, l);
  await recordBeat(db, userId, l, true);
  await db.updateTable("lesson_progress").set({ last_beat_at: sql`now() - interval '40 seconds'` }).where("user_id", "=", userId).where("lesson_id", "=", l.id).execute();
  await recordBeat(db, userId, l);
  if (!complete) return;
  for (const q of l.quizzes) await submitAnswer(db, userId, l, { versionId: l.versionId, quizKey: q.quiz_key, answers: q.correct as number[] });
  await finishLesson(db, userId, l);
}

/** History written straight into the tables (as an import would): the triggers keep the rollups current. */
async function history(userId: number, courseId: number, daysAgo: number, completed: boolean) {
  const at = sql`now() - make_interval(days => ${daysAgo})`;
  await db.insertInto("enrolments").values({ user_id: userId, course_id: courseId, enrolled_at: at as never }).execute();
  const lessons = await db.selectFrom("lessons").select("id").where("course_id", "=", courseId).where("published_version_id", "is not", null).execute();
  for (const l of lessons) {
    await db
      .insertInto("lesson_progress")
      .values({ user_id: userId, lesson_id: l.id, course_id: courseId, started_at: at as never, completed_at: completed ? (at as never) : null, study_seconds: 600 })
      .execute();
    await db.insertInto("study_beats").values({ user_id: userId, lesson_id: l.id, credited_seconds: 600, reason: "counted", created_at: at as never }).execute();
  }
  if (completed) {
    await db.updateTable("enrolments").set({ completed_at: at as never }).where("user_id", "=", userId).where("course_id", "=", courseId).execute();
    const code = `HXST${String(userId % 10000).padStart(4, "2").replace(/[01]/g, "7")}`;
    await db.insertInto("certificates").values({ code, user_id: userId, course_id: courseId, holder_name: "历史", title: "历史课程", campus_name: "主学院", hours: "1.0", issued_at: at as never }).execute();
  }
}

// The district: learners of different 身份 and 街道, some studying now, some long ago.
const ann = await learner("王秀英", "committee_member", "大关街道", "德胜新村");
const bob = await learner("李建国", "resident", "大关街道", "东新园");
const cat = await learner("张桂芳", "liaison", "湖墅街道", "和睦新村");
const dan = await learner("陈志强", "committee_member", "湖墅街道", "和睦新村");
const eve = await learner("周美华", "property_staff", "米市巷街道", "朝晖一区");
for (const slug of mainA.lessons) await study(ann.id, mainA, slug, true);
await study(bob.id, mainA, mainA.lessons[0]!, true);
await study(bob.id, daguanA, daguanA.lessons[0]!, false);
await study(cat.id, daguanA, daguanA.lessons[0]!, true);
for (const slug of daguanA.lessons) await study(dan.id, daguanA, slug, true);
await history(eve.id, mainB.id, 200, true);
await history(bob.id, mainB.id, 30, false);
await history(cat.id, mainB.id, 400, true);

const districtAdmin = await learner("区三方办", "social_worker", "祥符街道");
const branchAdmin = await learner("大关管理员", "social_worker", "大关街道");
const asDistrict = routeContext(db, laws, districtAdmin, [{ role: "district_admin", campusId: null }]);
const branchGrants: RoleGrantRef[] = [{ role: "branch_admin", campusId: daguan }];
const asBranch = routeContext(db, laws, branchAdmin, branchGrants);

const snapshot = async () => ({
  daily: (
    // Summed over the shards of each day, course and 身份 (migration 10): the rebuild writes one row.
    await sql<Record<string, unknown>>`select day::text, course_id, identity, sum(enrolments)::int as enrolments,
      sum(cohort_started)::int as cohort_started, sum(cohort_completed)::int as cohort_completed, sum(completions)::int as completions,
      sum(lessons_completed)::int as lessons_completed, sum(certificates)::int as certificates, sum(study_seconds)::text as study_seconds
      from report_daily group by day, course_id, identity
      having (sum(enrolments), sum(cohort_started), sum(cohort_completed), sum(completions), sum(lessons_completed), sum(certificates),
        sum(study_seconds)) <> (0, 0, 0, 0, 0, 0, 0)
      order by 1, 2, 3`.execute(db)
  ).rows,
  weeks: (await sql`select week::text, user_id from report_active_weeks order by 1, 2`.execute(db)).rows,
  courseWeeks: (await sql`select week::text, course_id, user_id from report_active_course_weeks order by 1, 2, 3`.execute(db)).rows,
  campusWeeks: (await sql`select campus_id, week::text, user_id from report_active_campus_weeks order by 1, 2, 3`.execute(db)).rows,
});

const filters = (f: Partial<ReportFilters> = {}): ReportFilters => ({ from: addDays(today, -83), to: today, campusId: null, categoryId: null, identity: null, ...f });
const scopeOf = async (f: Partial<ReportFilters> = {}, administered: number[] | null = null) => (await resolveScope(db, filters(f), administered))!;
const chinaDay = (column: string) => sql.raw(`(${column} at time zone 'Asia/Shanghai')::date`);

/** The same figures counted straight from the base tables, without the rollups. */
async function directCounts(f: ReportFilters) {
  const courseOk = (col: string) =>
    f.campusId === null ? sql`true` : sql`${sql.ref(col)} in (select id from courses where campus_id = ${f.campusId})`;
  const idOk = f.identity === null ? sql`true` : sql`u.identity = ${f.identity}`;
  const range = (col: string) => sql`${chinaDay(col)} between ${f.from}::date and ${f.to}::date`;
  const one = async (q: ReturnType<typeof sql>) => Number(((await q.execute(db)).rows[0] as { n: string | number }).n);
  return {
    learners: await one(sql`select count(distinct e.user_id) as n from enrolments e join users u on u.id = e.user_id where ${courseOk("e.course_id")} and ${idOk}`),
    enrolments: await one(sql`select count(*) as n from enrolments e join users u on u.id = e.user_id where ${range("e.enrolled_at")} and ${courseOk("e.course_id")} and ${idOk}`),
    completions: await one(sql`select count(*) as n from enrolments e join users u on u.id = e.user_id where ${range("e.completed_at")} and ${courseOk("e.course_id")} and ${idOk}`),
    lessonsCompleted: await one(sql`select count(*) as n from lesson_progress p join users u on u.id = p.user_id where ${range("p.completed_at")} and ${courseOk("p.course_id")} and ${idOk}`),
    certificates: await one(sql`select count(*) as n from certificates c join users u on u.id = c.user_id where c.course_id is not null and ${range("c.issued_at")} and ${courseOk("c.course_id")} and ${idOk}`),
    studySeconds: await one(sql`select coalesce(sum(b.credited_seconds), 0) as n from study_beats b join lessons l on l.id = b.lesson_id join users u on u.id = b.user_id
      where ${range("b.created_at")} and ${courseOk("l.course_id")} and ${idOk}`),
    active: await one(sql`select count(distinct x.user_id) as n from (
        select user_id, course_id, started_at as ts from lesson_progress union all select user_id, course_id, reached_end_at from lesson_progress
        union all select user_id, course_id, completed_at from lesson_progress
        union all select b.user_id, l.course_id, b.created_at from study_beats b join lessons l on l.id = b.lesson_id
        union all select q.user_id, l.course_id, q.created_at from quiz_attempts q join lessons l on l.id = q.lesson_id) x
      join users u on u.id = x.user_id
      where x.ts is not null and date_trunc('week', x.ts at time zone 'Asia/Shanghai')::date between date_trunc('week', ${f.from}::date)::date and ${f.to}::date
        and ${courseOk("x.course_id")} and ${idOk}`),
  };
}

describe("rollups kept by triggers", () => {
  it("equal a rebuild from the base tables, after learning, history and a change of 身份", async () => {
    await updateProfile(db, bob.id, { displayName: "李建国", identity: "committee_candidate", street: "大关街道", community: "大关社区", compound: "东新园" });
    const kept = await snapshot();
    expect(kept.daily.length).toBeGreaterThan(5);
    await sql`select report_rebuild()`.execute(db);
    expect(await snapshot()).toEqual(kept);
  });

  it("count one start when two first lessons of a course are opened at once", async () => {
    const fay = await learner("吴丽娟", "resident", "大关街道");
    await enrol(db, fay.id, mainB.id);
    const [a, b] = [await target(mainB.slug, mainB.lessons[0]!), await target(mainB.slug, mainB.lessons[1]!)];
    await Promise.all([recordVisit(db, fay.id, a), recordVisit(db, fay.id, b)]);
    const kept = await snapshot();
    await sql`select report_rebuild()`.execute(db);
    expect(await snapshot()).toEqual(kept);
  });
});

describe("rollups after a course moves campus", () => {
  it("the per-campus activity follows the course", async () => {
    await db.updateTable("courses").set({ campus_id: daguan }).where("id", "=", mainB.id).execute();
    const kept = await snapshot();
    await sql`select report_rebuild()`.execute(db);
    expect(await snapshot()).toEqual(kept);
    await db.updateTable("courses").set({ campus_id: main }).where("id", "=", mainB.id).execute();
  });
});

describe("dashboard numbers equal direct counts", () => {
  // A busy day, course and 身份 is kept in up to 8 rows, one per writing connection (migration 10).
  // Every row here is split across two shards so that each figure below must be summed.
  beforeAll(async () => {
    await sql`insert into report_daily (day, course_id, identity, enrolments, cohort_started, cohort_completed, completions,
        lessons_completed, certificates, study_seconds, shard)
      select day, course_id, identity, enrolments / 2, cohort_started / 2, cohort_completed / 2, completions / 2,
        lessons_completed / 2, certificates / 2, study_seconds / 2, 3 from report_daily where shard = 0`.execute(db);
    await sql`update report_daily set enrolments = enrolments - enrolments / 2, cohort_started = cohort_started - cohort_started / 2,
        cohort_completed = cohort_completed - cohort_completed / 2, completions = completions - completions / 2,
        lessons_completed = lessons_completed - lessons_completed / 2, certificates = certificates - certificates / 2,
        study_seconds = study_seconds - study_seconds / 2
      where shard = 0`.execute(db);
    const split = await sql<{ n: number }>`select count(*)::int as n from report_daily where shard = 3 and (enrolments > 0 or study_seconds > 0)`.execute(db);
    expect(split.rows[0]!.n).toBeGreaterThan(0);
  });

  const cases: [string, Partial<ReportFilters>][] = [
    ["the district, last 12 weeks", {}],
    ["the district, the last two years", { from: addDays(today, -730) }],
    ["one campus", { campusId: daguan }],
    ["one 身份 over a year", { identity: "committee_member", from: addDays(today, -365) }],
    ["a range in the past", { from: addDays(today, -420), to: addDays(today, -150) }],
  ];
  for (const [name, f] of cases) {
    it(name, async () => {
      const scope = await scopeOf(f);
      const o = await overview(db, scope);
      const direct = await directCounts(scope.filters);
      expect({ ...o, started: undefined, cohortCompleted: undefined }).toEqual({ ...direct, started: undefined, cohortCompleted: undefined });
      const weeks = await weekly(db, scope);
      expect(weeks.reduce((s, w) => s + w.studySeconds, 0)).toBe(direct.studySeconds);
      const identities = await byIdentity(db, scope);
      expect(identities.reduce((s, i) => s + i.enrolments, 0)).toBe(direct.enrolments);
      expect(identities.reduce((s, i) => s + i.learners, 0)).toBe(direct.learners);
    });
  }

  it("the funnel is a cohort: of the range's enrolments, who started and who completed", async () => {
    const scope = await scopeOf({ from: addDays(today, -730) });
    const rows = await funnel(db, scope);
    for (const row of rows) {
      const { rows: direct } = await sql<{ enrolled: number; started: number; completed: number }>`
        select count(*)::int as enrolled,
          count(*) filter (where exists (select 1 from lesson_progress p where p.user_id = e.user_id and p.course_id = e.course_id))::int as started,
          count(e.completed_at)::int as completed
        from enrolments e where e.course_id = ${row.courseId} and ${chinaDay("e.enrolled_at")} >= ${addDays(today, -730)}::date`.execute(db);
      expect([row.enrolments, row.started, row.cohortCompleted]).toEqual([direct[0]!.enrolled, direct[0]!.started, direct[0]!.completed]);
    }
    expect(rows.map((r) => r.courseId)).toEqual(expect.arrayContaining([mainA.id, daguanA.id, mainB.id]));
  });

  it("streets count learners, and 小区 with a certified 业委会委员", async () => {
    const streets = await byStreet(db, await scopeOf({ from: addDays(today, -730) }));
    const daguanStreet = streets.find((s) => s.street === "大关街道")!;
    const hushu = streets.find((s) => s.street === "湖墅街道")!;
    // ann (committee_member, 德胜新村) holds a certificate; dan (湖墅, committee_member) completed daguanA.
    expect(daguanStreet.trainedCompounds).toBe(1);
    expect(hushu.trainedCompounds).toBe(1);
    expect(daguanStreet.learners).toBe(3); // ann, bob, fay (the admins never enrolled)
    const { rows } = await sql<{ n: number }>`select count(distinct u.id)::int as n from users u join enrolments e on e.user_id = u.id where u.street = '湖墅街道'`.execute(db);
    expect(hushu.learners).toBe(rows[0]!.n);
  });
});

describe("pages and exports", () => {
  it("a branch admin sees only their campus, and is refused another", async () => {
    const page = await settle(() => dashboardLoader({ request: get("/admin/reports"), params: {}, context: asBranch }));
    expect(page.status).toBe(200);
    const titles = page.body.funnelRows.map((f: { courseId: number }) => f.courseId);
    expect(titles).toContain(daguanA.id);
    expect(titles).not.toContain(mainA.id);
    expect(page.body.campuses.map((c: { id: number }) => c.id)).toEqual([daguan]);
    const other = await settle(() => dashboardLoader({ request: get(`/admin/reports?campus=${main}`), params: {}, context: asBranch }));
    expect(other.status).toBe(403);
    expect(other.body).toMatch(/自己管理的学院/);
    const csv = await settle(() => exportLoader({ request: get(`/admin/reports/export?table=learners&format=csv&campus=${main}`), params: {}, context: asBranch }));
    expect(csv.status).toBe(403);
  });

  it("a branch admin's exports hold their campus's learners only, phones masked", async () => {
    const csv = await settle(() => exportLoader({ request: get("/admin/reports/export?table=learners&format=csv"), params: {}, context: asBranch }));
    expect(csv.status).toBe(200);
    expect(csv.body.startsWith("姓名,手机号")).toBe(true);
    const raw = (await exportLoader({ request: get("/admin/reports/export?table=learners&format=csv"), params: {}, context: asBranch })) as Response;
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.body).toContain("陈志强"); // daguanA
    expect(csv.body).not.toContain("王秀英"); // main only
    expect(csv.body).not.toContain(dan.phone);
    expect(csv.body).toContain(`${dan.phone.slice(0, 3)}****${dan.phone.slice(-4)}`);
    const funnelCsv = await settle(() => exportLoader({ request: get("/admin/reports/export?table=funnel&format=csv"), params: {}, context: asBranch }));
    const mainTitle = (await db.selectFrom("courses").select("title").where("id", "=", mainA.id).executeTakeFirstOrThrow()).title;
    expect(funnelCsv.body).not.toContain(mainTitle);
  });

  it("a learner outside the branch admin's campus has no record for them", async () => {
    const record = await settle(() => recordLoader({ request: get(`/admin/reports/learners/${ann.id}`), params: { userId: String(ann.id) }, context: asBranch }));
    expect(record.status).toBe(404);
    const own = await settle(() => recordLoader({ request: get(`/admin/reports/learners/${bob.id}`), params: { userId: String(bob.id) }, context: asBranch }));
    expect(own.status).toBe(200);
    expect(own.body.courses.map((c: { id: number }) => c.id)).toEqual([daguanA.id]);
    const district = await settle(() => recordLoader({ request: get(`/admin/reports/learners/${bob.id}`), params: { userId: String(bob.id) }, context: asDistrict }));
    expect(district.body.courses.length).toBe(3);
    expect(district.body.person.phone).not.toBe(bob.phone);
  });

  it("full phone numbers only when asked, and the export is audited", async () => {
    const full = await settle(() => exportLoader({ request: get("/admin/reports/export?table=learners&format=csv&full=1"), params: {}, context: asDistrict }));
    expect(full.body).toContain(ann.phone);
    const audit = await db.selectFrom("audit_log").select(["actor_id", "details"]).where("action", "=", "report.phones_exported").execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(districtAdmin.id);
  });

  it("an .xlsx export is a real workbook with the Chinese intact", async () => {
    const response = (await exportLoader({ request: get("/admin/reports/export?table=identity&format=xlsx"), params: {}, context: asDistrict })) as Response;
    expect(response.headers.get("content-type")).toMatch(/spreadsheetml/);
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("按身份"));
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    const sheet = Object.entries(files).filter(([name]) => name.startsWith("xl/")).map(([, bytes]) => strFromU8(bytes)).join("");
    expect(sheet).toContain("业委会成员");
    expect(sheet).toContain("学员");
  });

  it("bad input is a 4xx with a message, never a 500", async () => {
    const backwards = await settle(() => dashboardLoader({ request: get(`/admin/reports?from=${today}&to=${addDays(today, -5)}`), params: {}, context: asDistrict }));
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatch(/开始日期不能晚于结束日期/);
    const tooLong = await settle(() => dashboardLoader({ request: get(`/admin/reports?from=2000-01-01&to=${today}`), params: {}, context: asDistrict }));
    expect(tooLong.status).toBe(400);
    const garbage = await settle(() => dashboardLoader({ request: get("/admin/reports?from=2026-02-30&campus=abc&identity=<x>&category=-1"), params: {}, context: asDistrict }));
    expect(garbage.status).toBe(200);
    const table = await settle(() => exportLoader({ request: get("/admin/reports/export?table=../../etc"), params: {}, context: asDistrict }));
    expect(table.status).toBe(404);
    const learner = await settle(() => recordLoader({ request: get("/admin/reports/learners/abc"), params: { userId: "abc" }, context: asDistrict }));
    expect(learner.status).toBe(404);
    const anonymous = await settle(() => dashboardLoader({ request: get("/admin/reports"), params: {}, context: routeContext(db, laws, null) }));
    expect([302, 401, 403]).toContain(anonymous.status);
    const plain = await settle(() => dashboardLoader({ request: get("/admin/reports"), params: {}, context: routeContext(db, laws, ann) }));
    expect(plain.status).toBe(403);
  });
});
