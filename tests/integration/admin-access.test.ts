import { describe, expect, it } from "vitest";
import type { RoleGrantRef } from "../../app/models/session.server";
import { loadLawLibrary } from "../../app/lib/law.server";
import { loader as adminHome } from "../../app/routes/admin._index";
import { action as rolesAction, loader as rolesLoader } from "../../app/routes/admin.roles";
import { loader as coursesLoader } from "../../app/routes/admin.courses._index";
import { action as courseAction, loader as courseLoader } from "../../app/routes/admin.courses.$courseId";
import { action as newCourseAction, loader as newCourseLoader } from "../../app/routes/admin.courses.new";
import { action as editorAction, loader as editorLoader } from "../../app/routes/admin.lessons.$lessonId";
import { action as historyAction, loader as historyLoader } from "../../app/routes/admin.lessons.$lessonId_.history";
import { action as mediaAction, loader as mediaLoader } from "../../app/routes/admin.media";
import { loader as auditLoader } from "../../app/routes/admin.audit";
import { loader as reportsLoader } from "../../app/routes/admin.reports._index";
import { loader as reportExport } from "../../app/routes/admin.reports.export";
import { loader as reportLearners } from "../../app/routes/admin.reports.learners._index";
import { createCourse } from "../../app/models/admin-course.server";
import { createLesson } from "../../app/models/lesson-authoring.server";
import { registerUser } from "../../app/models/user.server";
import sharp from "sharp";
import { createTestDatabase } from "../setup/test-database";
import { get, post, routeContext, settle } from "../support/routes";

const { db } = await createTestDatabase();
const laws = await loadLawLibrary("content");
const campus = async (slug: string) => (await db.selectFrom("campuses").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
const main = await campus("main");
const daguan = await campus("daguan");
const course = await db.selectFrom("courses").select("id").where("slug", "=", "weixiu-zijin").executeTakeFirstOrThrow();

const registered = await registerUser(db, { phone: "13900000000", password: "pass-word-1", displayName: "测试", identity: "social_worker", street: "大关街道", community: "德胜社区", compound: "德胜新村" });
if (!registered.ok) throw new Error("could not register the test user");
const user = { id: registered.userId, phone: "13900000000", displayName: "测试", identity: "social_worker" as const };
const actor = { id: user.id, ip: null };

// A course and lesson made in the browser, on the main campus: the ones admins can write to.
const category = (await db.selectFrom("categories").select("id").executeTakeFirstOrThrow()).id;
const settings = { title: "网页课程", summary: "简介", categoryId: category, audience: "everyone" as const, hours: 1, passMark: 80, order: 1 };
const made = await createCourse(db, { ...settings, campusId: main, slug: "made-here" }, actor);
if (!made.ok) throw new Error("could not create the course");
const lessonId = String(await createLesson(db, laws, { courseId: made.id, title: "第一课", minutes: 5 }, actor));
const firstVersion = (await db.selectFrom("lesson_versions").select("id").where("lesson_id", "=", Number(lessonId)).executeTakeFirstOrThrow()).id;
const settingsForm = { intent: "settings", title: "网页课程", summary: "简介", categoryId: String(category), audience: "everyone", hours: "1", passMark: "80", order: "1" };
const tinyPng = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).png().toBuffer();
function uploadRequest() {
  const form = new FormData();
  form.append("lessonId", lessonId);
  form.append("alt", "图");
  form.append("file", new Blob([tinyPng]), "a.png");
  return new Request("http://academy.test/admin/media", { method: "POST", body: form });
}
const who: Record<string, RoleGrantRef[] | null> = {
  anonymous: null,
  learner: [],
  "branch admin of another campus": [{ role: "branch_admin", campusId: daguan }],
  "branch admin of the campus": [{ role: "branch_admin", campusId: main }],
  "district admin": [{ role: "district_admin", campusId: null }],
};

// Expected status per route, in the order of `who` above (302 = sent to log in).
const matrix: [string, (context: ReturnType<typeof routeContext>) => Promise<unknown>, number[]][] = [
  ["GET /admin", (context) => adminHome({ request: get("/admin"), params: {}, context }), [302, 403, 200, 200, 200]],
  ["GET /admin/roles", (context) => rolesLoader({ request: get("/admin/roles"), params: {}, context }), [302, 403, 403, 403, 200]],
  ["POST /admin/roles", (context) => rolesAction({ request: post("/admin/roles", { intent: "revoke", grantId: "999999" }), params: {}, context }), [302, 403, 403, 403, 400]],
  ["GET /admin/courses", (context) => coursesLoader({ request: get("/admin/courses"), params: {}, context }), [302, 403, 200, 200, 200]],
  [
    "GET /admin/courses/<a main-campus course>",
    (context) => courseLoader({ request: get(`/admin/courses/${course.id}`), params: { courseId: String(course.id) }, context }),
    [302, 403, 403, 200, 200],
  ],
  [
    "POST /admin/courses/<a main-campus content course> (read-only)",
    (context) => courseAction({ request: post(`/admin/courses/${course.id}`, settingsForm), params: { courseId: String(course.id) }, context }),
    [302, 403, 403, 403, 403],
  ],
  ["GET /admin/courses/new", (context) => newCourseLoader({ request: get("/admin/courses/new"), params: {}, context }), [302, 403, 200, 200, 200]],
  [
    "POST /admin/courses/new (campus: main)",
    (context) => newCourseAction({ request: post("/admin/courses/new", { ...settingsForm, campusId: String(main), slug: "" }), params: {}, context }),
    [302, 403, 403, 302, 302],
  ],
  [
    "POST /admin/courses/<a main-campus admin course>",
    (context) => courseAction({ request: post(`/admin/courses/${made.id}`, settingsForm), params: { courseId: String(made.id) }, context }),
    [302, 403, 403, 200, 200],
  ],
  ["GET /admin/lessons/<lesson>", (context) => editorLoader({ request: get(`/admin/lessons/${lessonId}`), params: { lessonId }, context }), [302, 403, 403, 200, 200]],
  [
    "POST /admin/lessons/<lesson> (preview)",
    (context) => editorAction({ request: post(`/admin/lessons/${lessonId}`, { intent: "preview", title: "t", minutes: "1", body: "正文" }), params: { lessonId }, context }),
    [302, 403, 403, 200, 200],
  ],
  [
    "POST /admin/lessons/<lesson> (save, no changes)",
    (context) => editorAction({ request: post(`/admin/lessons/${lessonId}`, { intent: "save", title: "第一课", minutes: "5", body: "\n在这里写这一课的内容。可以用上方的按钮插入提示框、法条、步骤、清单、测验和图片。\n", baseVersionId: firstVersion }), params: { lessonId }, context }),
    [302, 403, 403, 200, 200],
  ],
  ["GET /admin/lessons/<lesson>/history", (context) => historyLoader({ request: get(`/admin/lessons/${lessonId}/history`), params: { lessonId }, context }), [302, 403, 403, 200, 200]],
  [
    "POST /admin/lessons/<lesson>/history (publish)",
    (context) => historyAction({ request: post(`/admin/lessons/${lessonId}/history`, { versionId: firstVersion }), params: { lessonId }, context }),
    [302, 403, 403, 200, 200],
  ],
  ["GET /admin/media", (context) => mediaLoader({ request: get("/admin/media"), params: {}, context }), [302, 403, 200, 200, 200]],
  ["POST /admin/media (for the lesson)", (context) => mediaAction({ request: uploadRequest(), params: {}, context }), [302, 403, 403, 200, 200]],
  ["GET /admin/audit", (context) => auditLoader({ request: get("/admin/audit"), params: {}, context }), [302, 403, 200, 200, 200]],
  ["GET /admin/reports (campus: main)", (context) => reportsLoader({ request: get(`/admin/reports?campus=${main}`), params: {}, context }), [302, 403, 403, 200, 200]],
  [
    "GET /admin/reports/export (learners of main, full phones)",
    (context) => reportExport({ request: get(`/admin/reports/export?table=learners&full=1&campus=${main}`), params: {}, context }),
    [302, 403, 403, 200, 200],
  ],
  ["GET /admin/reports/learners (campus: main)", (context) => reportLearners({ request: get(`/admin/reports/learners?campus=${main}`), params: {}, context }), [302, 403, 403, 200, 200]],
];

describe("admin routes × who is asking", () => {
  for (const [route, call, expected] of matrix) {
    it(route, async () => {
      const statuses: number[] = [];
      for (const grants of Object.values(who)) {
        statuses.push((await settle(() => call(routeContext(db, laws, grants === null ? null : user, grants ?? [])))).status);
      }
      expect(Object.fromEntries(Object.keys(who).map((k, i) => [k, statuses[i]]))).toEqual(Object.fromEntries(Object.keys(who).map((k, i) => [k, expected[i]])));
    });
  }

  it("a branch admin's course list holds only their own campus", async () => {
    const { body } = await settle(() =>
      coursesLoader({ request: get("/admin/courses"), params: {}, context: routeContext(db, laws, user, [{ role: "branch_admin", campusId: main }]) }),
    );
    expect(body.campuses.map((c: { id: number }) => c.id)).toEqual([main]);
    const other = await settle(() =>
      coursesLoader({ request: get("/admin/courses"), params: {}, context: routeContext(db, laws, user, [{ role: "branch_admin", campusId: daguan }]) }),
    );
    expect(other.body.campuses.map((c: { id: number }) => c.id)).toEqual([daguan]);
    expect(JSON.stringify(other.body)).not.toContain("三方学院主学院");
  });

  it("a branch admin's audit log and media hold only their own campus", async () => {
    const other = routeContext(db, laws, user, [{ role: "branch_admin", campusId: daguan }]);
    const audit = (await settle(() => auditLoader({ request: get("/admin/audit"), params: {}, context: other }))).body;
    expect(audit.entries).toEqual([]);
    const media = (await settle(() => mediaLoader({ request: get("/admin/media"), params: {}, context: other }))).body;
    expect(media.media).toEqual([]);
  });

  it("a course id that does not exist, or is not a number, is 404", async () => {
    const district = routeContext(db, laws, user, [{ role: "district_admin", campusId: null }]);
    for (const id of ["999999", "abc", "1 or 1=1"]) {
      expect((await settle(() => courseLoader({ request: get(`/admin/courses/${id}`), params: { courseId: id }, context: district }))).status).toBe(404);
    }
  });
});
