import { describe, expect, it } from "vitest";
import { codeFor, WINDOW_MS, windowAt } from "../../app/lib/checkin-code";
import { chinaToday } from "../../app/lib/dates";
import { loadLawLibrary } from "../../app/lib/law.server";
import { createCourse } from "../../app/models/admin-course.server";
import { assign, getCamp } from "../../app/models/camp.server";
import type { RoleGrantRef, SessionUser } from "../../app/models/session.server";
import { registerUser } from "../../app/models/user.server";
import { action as manageAction, loader as manageLoader } from "../../app/routes/admin.camps.$campId";
import { action as campsAction } from "../../app/routes/admin.camps._index";
import { loader as boardLoader } from "../../app/routes/camps.$campId.board";
import { loader as csvLoader } from "../../app/routes/camps.$campId.board[.]csv";
import { action as screenAction, loader as screenLoader } from "../../app/routes/camps.$campId.checkin.$sessionId";
import { loader as transcriptLoader } from "../../app/routes/camps.$campId.transcript.$userId";
import { action as checkinAction } from "../../app/routes/checkin";
import { createTestDatabase } from "../setup/test-database";
import { get, post, routeContext, settle } from "../support/routes";

const { db } = await createTestDatabase();
const laws = await loadLawLibrary("content");
const campusId = async (slug: string) => (await db.selectFrom("campuses").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
const daguan = await campusId("daguan");
const main = await campusId("main");
let phoneCounter = 0;
async function person(name: string): Promise<SessionUser> {
  const phone = `1390000${String(++phoneCounter).padStart(4, "0")}`;
  const r = await registerUser(db, { phone, password: "pass-word-1", displayName: name, identity: "liaison", street: "大关街道", community: "德胜社区", compound: "德胜新村" });
  if (!r.ok) throw new Error("taken");
  return { id: r.userId, phone, displayName: name, identity: "liaison", prefs: { elder: null, locale: null } };
}
const admin = await person("管理员");
const teacher = await person("讲师甲");
const outsider = await person("外人");
const adminGrants: RoleGrantRef[] = [{ role: "branch_admin", campusId: daguan }];
const as = (user: SessionUser | null, grants: RoleGrantRef[] = []) => routeContext(db, laws, user, user ? grants : []);
const today = chinaToday();
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const campForm = { campusId: String(daguan), name: "大关街道小区专员成长训练营", startsOn: addDays(today, -10), endsOn: addDays(today, 30), place: "德胜社区红色三方邻里坊", description: "", requiredSessions: "2", hours: "8" };
async function newCamp(form = campForm, grants = adminGrants) {
  return settle(() => campsAction({ request: post("/admin/camps", form), params: {}, context: as(admin, grants) }));
}
const manage = (campId: number, fields: Record<string, string>, user = admin, grants = adminGrants) =>
  settle(() => manageAction({ request: post(`/admin/camps/${campId}`, fields), params: { campId: String(campId) }, context: as(user, grants) }));
function uploadCsv(campId: number, bytes: Uint8Array<ArrayBuffer>) {
  const form = new FormData();
  form.append("intent", "preview-import");
  form.append("file", new Blob([bytes], { type: "text/csv" }), "名单.csv");
  return settle(() => manageAction({ request: new Request(`http://academy.test/admin/camps/${campId}`, { method: "POST", body: form }), params: { campId: String(campId) }, context: as(admin, adminGrants) }));
}

describe("a camp, its people and its schedule", async () => {
  const created = await newCamp();
  const campId = Number(created.location?.split("/").pop());
  const members = [await person("张三"), await person("李四"), await person("王五")];

  it("a branch admin creates a camp for their campus only", async () => {
    expect(created.status).toBe(302);
    expect((await newCamp({ ...campForm, campusId: String(main) })).status).toBe(403);
    const bad = await newCamp({ ...campForm, endsOn: addDays(today, -20) });
    expect(bad.status).toBe(400);
    expect(bad.body.fieldErrors.endsOn).toMatch(/结束日期/);
  });

  it("instructors and members are added by phone; an unknown phone is named", async () => {
    const added = await manage(campId, { intent: "instructor", phone: teacher.phone });
    expect(added.body, JSON.stringify(added.body)).toMatchObject({ ok: true });
    expect((await manage(campId, { intent: "member", phone: members[0]!.phone })).status).toBe(200);
    const unknown = await manage(campId, { intent: "member", phone: "13912345678" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toMatch(/请先让对方注册/);
  });

  it("a CSV import shows who will be added, who is unknown and which rows are wrong, then adds them in one go", async () => {
    const csv = `\uFEFF手机号,姓名\r\n${members[0]!.phone},张三\r\n${members[1]!.phone},李四\r\n${members[2]!.phone},王五\r\n13800009999,没注册\r\n12345,坏号码\r\n${members[1]!.phone},李四重复\r\n`;
    const preview = await uploadCsv(campId, new TextEncoder().encode(csv));
    expect(preview.status).toBe(200);
    const p = preview.body.preview;
    expect(p.add.map((r: { line: number }) => r.line)).toEqual([3, 4]);
    expect(p.already.map((r: { line: number }) => r.line)).toEqual([2]);
    expect(p.unknown.map((r: { line: number }) => r.line)).toEqual([5]);
    expect(p.malformed.map((r: { line: number }) => r.line)).toEqual([6]);
    expect(p.duplicates.map((r: { line: number }) => r.line)).toEqual([7]);
    expect(JSON.stringify(p)).not.toContain(members[1]!.phone); // phones are masked in the preview
    expect(await db.selectFrom("camp_members").select("user_id").where("camp_id", "=", campId).execute()).toHaveLength(1);

    // A forged list (someone who is already a member, or no such user) adds nobody.
    expect((await manage(campId, { intent: "import", userIds: `${p.userIds},${members[0]!.id}` })).status).toBe(409);
    expect((await manage(campId, { intent: "import", userIds: `${p.userIds},999999` })).status).toBe(409);
    expect(await db.selectFrom("camp_members").select("user_id").where("camp_id", "=", campId).execute()).toHaveLength(1);
    const confirmed = await manage(campId, { intent: "import", userIds: p.userIds });
    expect(confirmed.body.message).toBe("已导入 2 人");
    expect(await db.selectFrom("camp_members").select("user_id").where("camp_id", "=", campId).execute()).toHaveLength(3);
  });

  it("refuses files in the wrong encoding, without the columns, or with 10,000 rows", async () => {
    const gbk = new Uint8Array([0xca, 0xd6, 0xbb, 0xfa, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0a]); // 手机号,姓名 in GBK
    const wrong = await uploadCsv(campId, gbk);
    expect(wrong.status).toBe(415);
    expect(wrong.body.message).toMatch(/UTF-8/);
    expect((await uploadCsv(campId, new TextEncoder().encode("手机号\n13900000001\n"))).status).toBe(400);
    const big = Array.from({ length: 10_000 }, (_, i) => `139${String(i).padStart(8, "0")},人${i}`).join("\n");
    const tooMany = await uploadCsv(campId, new TextEncoder().encode(big));
    expect(tooMany.status).toBe(413);
    expect(tooMany.body.message).toMatch(/2000/);
  });

  it("sessions need a date and an end after the start", async () => {
    const bad = await manage(campId, { intent: "session", date: today, startsAt: "15:00", endsAt: "14:00", place: "邻里坊", topic: "开营" });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ fieldErrors: { endsAt: expect.stringMatching(/晚于/) } });
    expect((await manage(campId, { intent: "session", date: today, startsAt: "14:00", endsAt: "16:00", place: "邻里坊", topic: "开营" })).status).toBe(200);
  });

  it("check-in: the instructor's code checks a member in once; stale, wrong, replayed by a non-member, or guessed — refused", async () => {
    const session = await db.selectFrom("camp_sessions").select("id").where("camp_id", "=", campId).executeTakeFirstOrThrow();
    const params = { campId: String(campId), sessionId: String(session.id) };
    expect((await settle(() => screenLoader({ request: get("/x"), params, context: as(members[0]!) }))).status).toBe(403);
    await settle(() => screenAction({ request: post("/x", { intent: "open" }), params, context: as(teacher) }));
    const screen = (await settle(() => screenLoader({ request: get("/x"), params, context: as(teacher) }))).body;
    expect(screen.code).toMatch(/^\d{6}$/);
    expect(screen.qr).toContain("<svg");

    const checkin = (user: SessionUser, code: string) => settle(() => checkinAction({ request: post("/checkin", { code }), params: {}, context: as(user) }));
    const ok = await checkin(members[0]!, screen.code);
    expect(ok.status).toBe(200);
    expect(ok.body.message).toMatch(/签到成功/);
    expect((await checkin(members[0]!, screen.code)).body.message).toMatch(/已经签过到/);
    const replay = await checkin(outsider, screen.code);
    expect(replay.status).toBe(403);
    expect(replay.body.message).toMatch(/不是这个训练营的学员/);
    const secret = (await db.selectFrom("camp_sessions").select("checkin_secret").where("id", "=", session.id).executeTakeFirstOrThrow()).checkin_secret!;
    const stale = codeFor(secret, windowAt(Date.now()) - 2);
    expect((await checkin(members[1]!, stale)).status).toBe(400);
    expect((await checkin(members[1]!, "12ab")).status).toBe(400);
    for (let i = 0; i < 12; i++) await checkin(members[2]!, String(100000 + i));
    expect((await checkin(members[2]!, screen.code)).status).toBe(429);
    const after = (await settle(() => screenLoader({ request: get("/x"), params, context: as(teacher) }))).body;
    expect(after.count).toBe(1);
    expect(WINDOW_MS).toBe(30_000);

    // By hand, audited.
    expect((await settle(() => screenAction({ request: post("/x", { intent: "present", userId: String(members[1]!.id) }), params, context: as(teacher) }))).status).toBe(200);
    expect((await settle(() => screenAction({ request: post("/x", { intent: "present", userId: String(outsider.id) }), params, context: as(teacher) }))).status).toBe(404);
    const audit = await db.selectFrom("audit_log").select("actor_id").where("action", "=", "camp.attendance_marked").execute();
    expect(audit).toEqual([{ actor_id: teacher.id }]);
  });

  it("a member reads only their own transcript; staff read anyone's; other people none", async () => {
    const read = (user: SessionUser, of: SessionUser, grants: RoleGrantRef[] = []) =>
      settle(() => transcriptLoader({ request: get("/x"), params: { campId: String(campId), userId: String(of.id) }, context: as(user, grants) }));
    expect((await read(members[0]!, members[0]!)).status).toBe(200);
    expect((await read(members[0]!, members[1]!)).status).toBe(403);
    expect((await read(teacher, members[1]!)).status).toBe(200);
    expect((await read(outsider, members[0]!)).status).toBe(403);
    expect((await read(outsider, members[0]!, [{ role: "branch_admin", campusId: main }])).status).toBe(403);
    expect((await read(admin, members[0]!, adminGrants)).status).toBe(200);
    expect((await settle(() => manageLoader({ request: get("/x"), params: { campId: String(campId) }, context: as(teacher) }))).status).toBe(403);
  });

  it("managing a camp needs its own campus: another campus's admin, a forged id or no login get nowhere", async () => {
    const otherAdmin: RoleGrantRef[] = [{ role: "branch_admin", campusId: main }];
    const forged = await manage(campId, { intent: "member", phone: outsider.phone }, outsider, otherAdmin);
    expect(forged.status).toBe(403);
    expect((await settle(() => manageLoader({ request: get("/x"), params: { campId: "999999" }, context: as(admin, adminGrants) }))).status).toBe(404);
    expect((await settle(() => manageLoader({ request: get("/x"), params: { campId: "1 or 1=1" }, context: as(admin, adminGrants) }))).status).toBe(404);
    expect((await settle(() => manageLoader({ request: get("/x"), params: { campId: String(campId) }, context: as(null) }))).status).toBe(302);
    const district = await manage(campId, { intent: "member", phone: outsider.phone }, admin, [{ role: "district_admin", campusId: null }]);
    expect(district.status).toBe(200);
    await db.deleteFrom("camp_members").where("camp_id", "=", campId).where("user_id", "=", outsider.id).execute();
  });
});

describe("the board for a camp of 60 members, 8 sessions and 5 assigned courses", async () => {
  const created = await newCamp({ ...campForm, name: "六十人训练营", requiredSessions: "5" });
  const campId = Number(created.location?.split("/").pop());
  const camp = (await getCamp(db, campId))!;
  const actor = { id: admin.id, ip: null };
  const people: SessionUser[] = [];
  for (let i = 0; i < 60; i++) people.push(await person(`学员${String(i).padStart(2, "0")}`));
  await db.insertInto("camp_members").values(people.map((p) => ({ camp_id: campId, user_id: p.id, added_by: admin.id }))).execute();
  const sessions = await db
    .insertInto("camp_sessions")
    .values(Array.from({ length: 8 }, (_, s) => ({ camp_id: campId, date: addDays(today, s - 7), starts_at: "14:00", ends_at: "16:00", place: "邻里坊", topic: `第${s + 1}次课` })))
    .returning("id")
    .execute();
  const attends = (i: number, s: number) => (i + s) % 3 !== 0;
  await db
    .insertInto("camp_attendance")
    .values(people.flatMap((p, i) => sessions.flatMap((s, k) => (attends(i, k) ? [{ session_id: s.id, user_id: p.id, method: "code" as const }] : []))))
    .execute();

  // Three courses from content/ (they have lessons, so 学时) and two made here.
  const content = await db.selectFrom("courses").select("id").where("origin", "=", "content").orderBy("id").limit(3).execute();
  const made = [];
  for (const n of [1, 2]) {
    const r = await createCourse(db, { campusId: daguan, slug: `board-course-${n}`, title: `课程${n}`, summary: "s", categoryId: 1, audience: "everyone", hours: 1, passMark: 80, order: n }, actor);
    if (r.ok) made.push(r.id);
  }
  const courseIds = [...content.map((c) => c.id), ...made];
  expect(courseIds).toHaveLength(5);
  for (const [k, courseId] of courseIds.entries()) await assign(db, camp, { courseId }, addDays(today, k < 3 ? 7 : -1), actor);
  const assignments = await db.selectFrom("camp_assignments").select(["id", "course_id"]).where("camp_id", "=", campId).execute();
  const state = (i: number, k: number) => ((i + k) % 4 === 0 ? "done" : (i + k) % 4 === 1 ? "started" : "none");
  const now = new Date();
  await db
    .insertInto("enrolments")
    .values(people.flatMap((p, i) => courseIds.flatMap((courseId, k) => (state(i, k) === "none" ? [] : [{ user_id: p.id, course_id: courseId, completed_at: state(i, k) === "done" ? now : null }]))))
    .execute();
  const firstLessons = await db.selectFrom("lessons").select(["id", "course_id"]).where("course_id", "in", content.map((c) => c.id)).where("position", "=", 1).execute();
  await db
    .insertInto("lesson_progress")
    .values(people.flatMap((p, i) => firstLessons.flatMap((l) => { const k = courseIds.indexOf(l.course_id); return state(i, k) === "none" ? [] : [{ user_id: p.id, lesson_id: l.id, course_id: l.course_id, study_seconds: 60 * (i + k + 1) }]; })))
    .execute();

  const staff = as(teacher);
  await db.insertInto("camp_instructors").values({ camp_id: campId, user_id: teacher.id }).execute();

  it("every cell equals a direct count of what was seeded", async () => {
    const board = (await settle(() => boardLoader({ request: get("/x?sort=name"), params: { campId: String(campId) }, context: staff }))).body;
    expect(board.rows).toHaveLength(60);
    for (const [i, p] of people.entries()) {
      const row = board.rows.find((r: { userId: number }) => r.userId === p.id);
      const attended = [0, 1, 2, 3, 4, 5, 6, 7].filter((s) => attends(i, s)).length;
      expect(row.attended).toBe(`${attended} / 8`);
      for (const [k, courseId] of courseIds.entries()) {
        const a = assignments.find((x) => x.course_id === courseId)!;
        const expected = state(i, k) === "done" ? "done" : k >= 3 ? "overdue" : state(i, k) === "started" ? "in_progress" : "not_started";
        expect(row.raw[a.id], `${p.displayName} course ${k}`).toBe(expected);
      }
      const seconds = firstLessons.reduce((sum, l) => { const k = courseIds.indexOf(l.course_id); return sum + (state(i, k) === "none" ? 0 : 60 * (i + k + 1)); }, 0);
      expect(row.hours).toBe((Math.round(seconds / 360) / 10).toFixed(1));
      const complete = attended >= 5 && courseIds.every((_, k) => state(i, k) === "done");
      expect(row.isComplete).toBe(complete);
    }
    expect(board.behind).toHaveLength(board.rows.filter((r: { isComplete: boolean }) => !r.isComplete).length);
  });

  it("sorts by attendance, and the CSV export holds the same rows with Chinese intact", async () => {
    const sorted = (await settle(() => boardLoader({ request: get("/x?sort=attended&dir=desc"), params: { campId: String(campId) }, context: staff }))).body.rows;
    const counts = sorted.map((r: { attended: string }) => Number(r.attended.split(" / ")[0]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    const response = (await csvLoader({ request: get("/x"), params: { campId: String(campId) }, context: staff })) as Response;
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines).toHaveLength(61);
    expect(lines[0]).toContain("姓名,手机号,出勤");
    const row00 = lines.find((l) => l.startsWith("学员00,"))!;
    expect(row00).toContain(",5 / 8,"); // sessions 2, 3, 5, 6 and 8
    expect(row00).not.toContain(people[0]!.phone); // masked
    expect((await settle(() => csvLoader({ request: get("/x"), params: { campId: String(campId) }, context: as(people[0]!) }))).status).toBe(403);
  });
});
