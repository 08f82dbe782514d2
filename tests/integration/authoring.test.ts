import { existsSync, readdirSync, readFileSync } from "node:fs";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { loadLawLibrary } from "../../app/lib/law.server";
import { lessonBody } from "../../app/lib/lesson-source";
import type { RoleGrantRef, SessionUser } from "../../app/models/session.server";
import { getLessonTarget } from "../../app/models/course.server";
import { submitAnswer } from "../../app/models/quiz.server";
import { registerUser } from "../../app/models/user.server";
import { action as courseAction } from "../../app/routes/admin.courses.$courseId";
import { action as newCourseAction } from "../../app/routes/admin.courses.new";
import { action as editorAction, loader as editorLoader } from "../../app/routes/admin.lessons.$lessonId";
import { action as historyAction, loader as historyLoader } from "../../app/routes/admin.lessons.$lessonId_.history";
import { action as mediaAction } from "../../app/routes/admin.media";
import { loader as lessonPage } from "../../app/routes/courses.$course.$lesson";
import { loader as mediaLoader } from "../../app/routes/media.$id";
import { createTestDatabase } from "../setup/test-database";
import { get, post, routeContext, settle } from "../support/routes";

const { db } = await createTestDatabase();
const laws = await loadLawLibrary("content");
const campusId = async (slug: string) => (await db.selectFrom("campuses").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
const daguan = await campusId("daguan");
const main = await campusId("main");
const category = (await db.selectFrom("categories").select("id").executeTakeFirstOrThrow()).id;

async function person(phone: string, displayName: string): Promise<SessionUser> {
  const result = await registerUser(db, { phone, password: "pass-word-1", displayName, identity: "social_worker", street: "大关街道", community: "德胜社区", compound: "德胜新村" });
  if (!result.ok) throw new Error("phone taken");
  return { id: result.userId, phone, displayName, identity: "social_worker", prefs: { elder: null, locale: null } };
}
const alice = await person("13900000101", "王丽");
const bob = await person("13900000102", "李强");
const carol = await person("13900000103", "陈静");
const daguanAdmin: RoleGrantRef[] = [{ role: "branch_admin", campusId: daguan }];
const as = (user: SessionUser | null, grants: RoleGrantRef[] = daguanAdmin) => routeContext(db, laws, user, user ? grants : []);

const settings = { title: "老旧小区加装电梯", summary: "从征求意见到竣工验收，一步一步讲清楚。", categoryId: String(category), audience: "everyone", hours: "1.5", passMark: "80", order: "10" };

async function createCourse(user = alice, campus = daguan, grants = daguanAdmin) {
  const res = await settle(() => newCourseAction({ request: post("/admin/courses/new", { ...settings, campusId: String(campus), slug: "" }), params: {}, context: as(user, grants) }));
  return { ...res, id: Number(res.location?.split("/").pop()?.split("?")[0]) };
}

async function createLesson(courseId: number, title = "第一课") {
  const res = await settle(() => courseAction({ request: post(`/admin/courses/${courseId}`, { intent: "lesson", title, minutes: "12" }), params: { courseId: String(courseId) }, context: as(alice) }));
  expect(res.status).toBe(302);
  return Number(res.location?.match(/lessons\/(\d+)/)?.[1]);
}

const editorState = async (lessonId: number, user = alice) =>
  (await settle(() => editorLoader({ request: get(`/admin/lessons/${lessonId}`), params: { lessonId: String(lessonId) }, context: as(user) }))).body;

function save(lessonId: number, fields: { body: string; baseVersionId: string; title?: string; minutes?: string }, intent: "save" | "publish", user = alice, grants = daguanAdmin) {
  return settle(() =>
    editorAction({
      request: post(`/admin/lessons/${lessonId}`, { intent, title: "第一课", minutes: "12", ...fields }),
      params: { lessonId: String(lessonId) },
      context: as(user, grants),
    }),
  );
}

const quizBody = `在这里讲业主大会怎么表决。

<LawArticle law="民法典" article="278" />

<Quiz id="quiz-1">

<Question>改建、重建建筑物，要经过多少业主同意？</Question>

<Option>参与表决的过半数</Option>

<Option correct>参与表决专有部分面积四分之三以上且人数四分之三以上</Option>

<Explanation>民法典第二百七十八条。</Explanation>

</Quiz>
`;

const publishedOf = async (lessonId: number) =>
  (await db.selectFrom("lessons").select("published_version_id").where("id", "=", lessonId).executeTakeFirstOrThrow()).published_version_id;

describe("courses made in the browser", () => {
  it("a branch admin creates a course for their campus; another campus, forged in the form, is refused", async () => {
    const created = await createCourse();
    expect(created.status).toBe(302);
    const row = await db.selectFrom("courses").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ campus_id: daguan, origin: "admin", title: settings.title, pass_mark: 80 });
    expect(Number(row.hours)).toBe(1.5);

    const forged = await createCourse(alice, main);
    expect(forged.status).toBe(403);
    expect(forged.body.fieldErrors.campusId).toMatch(/你管理的学院/);
    const audit = await db.selectFrom("audit_log").select(["action", "actor_id"]).where("target_id", "=", String(created.id)).execute();
    expect(audit).toEqual([{ action: "course.created", actor_id: alice.id }]);
  });

  it("bad settings come back as Chinese messages per field with what was typed", async () => {
    const res = await settle(() =>
      newCourseAction({ request: post("/admin/courses/new", { ...settings, campusId: String(daguan), hours: "abc", slug: "Not A Slug!" }), params: {}, context: as(alice) }),
    );
    expect(res.status).toBe(400);
    expect(res.body.fieldErrors.hours).toMatch(/学时/);
    expect(res.body.values.title).toBe(settings.title);
  });

  it("lessons are put in order with 上移 / 下移; a lesson of another course does not move", async () => {
    const course = await createCourse();
    const first = await createLesson(course.id, "甲");
    const second = await createLesson(course.id, "乙");
    const move = (lessonId: number, intent: string, courseId = course.id) =>
      settle(() => courseAction({ request: post("/x", { intent, lessonId: String(lessonId) }), params: { courseId: String(courseId) }, context: as(alice) }));
    expect((await move(second, "up")).status).toBe(200);
    const order = async () => (await db.selectFrom("lessons").select("id").where("course_id", "=", course.id).orderBy("position").execute()).map((l) => l.id);
    expect(await order()).toEqual([second, first]);
    expect((await move(second, "up")).status).toBe(400); // already first
    const elsewhere = await createCourse();
    expect((await move(first, "down", elsewhere.id)).status).toBe(400);
    expect(await order()).toEqual([second, first]);
  });

  it("content-library courses cannot be changed here", async () => {
    const content = await db.selectFrom("courses").select("id").where("origin", "=", "content").where("campus_id", "=", main).executeTakeFirstOrThrow();
    const res = await settle(() =>
      courseAction({ request: post(`/admin/courses/${content.id}`, { intent: "settings", ...settings }), params: { courseId: String(content.id) }, context: as(alice, [{ role: "district_admin", campusId: null }]) }),
    );
    expect(res.status).toBe(403);
  });
});

describe("writing, publishing and rolling back a lesson", async () => {
  const course = await createCourse();
  const courseSlug = (await db.selectFrom("courses").select("slug").where("id", "=", course.id).executeTakeFirstOrThrow()).slug;
  const lessonId = await createLesson(course.id);
  const lessonSlug = (await db.selectFrom("lessons").select("slug").where("id", "=", lessonId).executeTakeFirstOrThrow()).slug;
  const learnerView = () => settle(() => lessonPage({ request: get(`/courses/${courseSlug}/${lessonSlug}`), params: { course: courseSlug, lesson: lessonSlug }, context: as(null) }));

  it("a new lesson starts as an unpublished first draft that learners cannot open", async () => {
    const state = await editorState(lessonId);
    expect(state.version.number).toBe(1);
    expect(state.publishedNumber).toBeNull();
    expect((await learnerView()).status).toBe(404);
  });

  it("publishing a lesson with a quiz: learners see exactly that version, and never its answers", async () => {
    const base = (await editorState(lessonId)).headVersionId;
    const res = await save(lessonId, { body: quizBody, baseVersionId: base }, "publish");
    expect(res.status).toBe(200);
    expect(res.body.message).toMatch(/第 2 版已发布/);
    const page = await learnerView();
    expect(page.status).toBe(200);
    expect(page.body.lesson.versionId).toBe(res.body.headVersionId);
    const html = JSON.stringify(page.body.segments);
    expect(html).toContain("改建、重建建筑物");
    expect(html).not.toContain("correct");
    expect(html).not.toContain("民法典第二百七十八条。"); // the explanation stays on the server
  });

  it("a draft saved after publishing is a new version; learners still see the published one", async () => {
    const before = await publishedOf(lessonId);
    const base = (await editorState(lessonId)).headVersionId;
    const res = await save(lessonId, { body: quizBody.replace("在这里讲", "这一课讲"), baseVersionId: base }, "save");
    expect(res.status).toBe(200);
    expect(res.body.message).toMatch(/第 3 版/);
    expect(await publishedOf(lessonId)).toBe(before);
    // The same text again makes no new version.
    const again = await save(lessonId, { body: quizBody.replace("在这里讲", "这一课讲"), baseVersionId: res.body.headVersionId }, "save");
    expect(again.body.message).toMatch(/相同/);
    expect(await db.selectFrom("lesson_versions").select("id").where("lesson_id", "=", lessonId).execute()).toHaveLength(3);
  });

  it("broken MDX is kept as a draft with line:column problems, refused for publishing, and the published version stays", async () => {
    const before = await publishedOf(lessonId);
    const base = (await editorState(lessonId)).headVersionId;
    const res = await save(lessonId, { body: "第一行\n\n第三行有 {1 + 1}\n", baseVersionId: base }, "publish");
    expect(res.status).toBe(422);
    expect(res.body.problems[0]).toMatchObject({ line: 3 });
    expect(res.body.problems[0].message).toMatch(/花括号/);
    expect(await publishedOf(lessonId)).toBe(before);
    const broken = await db.selectFrom("lesson_versions").select(["code", "problems"]).where("lesson_id", "=", lessonId).orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(broken.code).toBe("");
    expect(broken.problems).not.toBeNull();
    // The history action refuses to publish it too.
    const history = (await settle(() => historyLoader({ request: get("/x"), params: { lessonId: String(lessonId) }, context: as(alice) }))).body;
    const brokenVersion = history.versions.find((v: { broken: boolean }) => v.broken);
    const publish = await settle(() => historyAction({ request: post("/x", { versionId: brokenVersion.id }), params: { lessonId: String(lessonId) }, context: as(alice) }));
    expect(publish.status).toBe(422);
  });

  it("two admins editing at once: the second save is told, kept as a version, and not published", async () => {
    const base = (await editorState(lessonId)).headVersionId;
    const first = await save(lessonId, { body: `${quizBody}\n王丽加的一段。\n`, baseVersionId: base }, "save", alice);
    expect(first.status).toBe(200);
    const before = await publishedOf(lessonId);
    const second = await save(lessonId, { body: `${quizBody}\n李强加的一段。\n`, baseVersionId: base }, "publish", bob);
    expect(second.status).toBe(409);
    expect(second.body.message).toMatch(/王丽保存了第 \d+ 版/);
    expect(await publishedOf(lessonId)).toBe(before);
    const sources = (await db.selectFrom("lesson_versions").select("source").where("lesson_id", "=", lessonId).execute()).map((v) => v.source);
    expect(sources.some((s) => s.includes("王丽加的一段"))).toBe(true);
    expect(sources.some((s) => s.includes("李强加的一段"))).toBe(true);
  });

  it("rollback republishes an older version, shows a diff, and every step is in the audit log", async () => {
    const history = (await settle(() => historyLoader({ request: get("/x"), params: { lessonId: String(lessonId) }, context: as(alice) }))).body;
    const newestGood = history.versions.find((v: { broken: boolean }) => !v.broken);
    const publishNewest = await settle(() => historyAction({ request: post("/x", { versionId: newestGood.id }), params: { lessonId: String(lessonId) }, context: as(bob) }));
    expect(publishNewest.status).toBe(200);
    const v2 = history.versions.find((v: { number: number }) => v.number === 2);
    const rollback = await settle(() => historyAction({ request: post("/x", { versionId: v2.id }), params: { lessonId: String(lessonId) }, context: as(alice) }));
    expect(rollback.body.message).toMatch(/已回退.*第 2 版/);
    expect(await publishedOf(lessonId)).toBe(v2.id);
    expect((await learnerView()).body.lesson.versionId).toBe(v2.id);

    const compare = (await settle(() => historyLoader({ request: get(`/x?from=${v2.id}&to=${newestGood.id}`), params: { lessonId: String(lessonId) }, context: as(alice) }))).body.compare;
    expect(compare.rows.some((r: { type: string; text: string }) => r.type === "added" && r.text.includes("加的一段"))).toBe(true);

    const actions = (await db.selectFrom("audit_log").select("action").where("target_type", "=", "lesson").where("target_id", "=", String(lessonId)).orderBy("id").execute()).map((a) => a.action);
    expect(actions[0]).toBe("lesson.created");
    expect(actions).toContain("lesson.saved");
    expect(actions).toContain("lesson.published");
    expect(actions.at(-1)).toBe("lesson.rolled_back");
  });

  it("a quiz attempt keeps the version the learner saw, even after another version is published", async () => {
    const seen = await publishedOf(lessonId);
    const target = await getLessonTarget(db, { id: lessonId });
    const base = (await editorState(lessonId)).headVersionId;
    const next = await save(lessonId, { body: quizBody.replace("改建、重建建筑物", "改建建筑物"), baseVersionId: base }, "publish");
    expect(next.body.published).toBe(true);
    const result = await submitAnswer(db, carol.id, target!, { versionId: seen!, quizKey: "quiz-1", answers: [1] });
    expect(result).toMatchObject({ ok: true, passed: true });
    const attempt = await db.selectFrom("quiz_attempts").select("lesson_version_id").where("user_id", "=", carol.id).executeTakeFirstOrThrow();
    expect(attempt.lesson_version_id).toBe(seen);
  });

  it("every attack sample of the compiler, written in the editor, is refused and runs nothing", async () => {
    const before = await publishedOf(lessonId);
    const samples = readdirSync("tests/fixtures/attacks").filter((f) => f.endsWith(".mdx"));
    expect(samples.length).toBeGreaterThan(10);
    for (const sample of samples) {
      const source = readFileSync(`tests/fixtures/attacks/${sample}`, "utf8");
      // The editor composes the front matter itself: a sample about front matter goes in whole.
      const body = sample.includes("frontmatter") ? source : lessonBody(source);
      const base = (await editorState(lessonId)).headVersionId;
      const res = await save(lessonId, { body, baseVersionId: base }, "publish");
      expect(res.status, sample).toBe(422);
      expect(res.body.problems.length, sample).toBeGreaterThan(0);
      const preview = await settle(() => editorAction({ request: post("/x", { intent: "preview", title: "试", minutes: "1", body }), params: { lessonId: String(lessonId) }, context: as(alice) }));
      expect(preview.body.preview.ok, sample).toBe(false);
    }
    expect(await publishedOf(lessonId)).toBe(before);
    expect(existsSync("/tmp/academy-pwned")).toBe(false);
  });

  it("an over-size body is refused with a message, a stale or foreign version id is not found", async () => {
    const huge = await save(lessonId, { body: "字".repeat(100_001), baseVersionId: "" }, "save");
    expect(huge.status).toBe(413);
    expect(huge.body.message).toMatch(/太长/);
    const other = await createLesson(course.id, "第二课");
    const foreignVersion = (await db.selectFrom("lesson_versions").select("id").where("lesson_id", "=", other).executeTakeFirstOrThrow()).id;
    const res = await settle(() => historyAction({ request: post("/x", { versionId: foreignVersion }), params: { lessonId: String(lessonId) }, context: as(alice) }));
    expect(res.status).toBe(404);
  });

  it("an admin of another campus can neither read nor write this lesson", async () => {
    const other: RoleGrantRef[] = [{ role: "branch_admin", campusId: main }];
    expect((await settle(() => editorLoader({ request: get("/x"), params: { lessonId: String(lessonId) }, context: as(carol, other) }))).status).toBe(403);
    expect((await save(lessonId, { body: "改掉", baseVersionId: "" }, "publish", carol, other)).status).toBe(403);
    const v1 = (await db.selectFrom("lesson_versions").select("id").where("lesson_id", "=", lessonId).orderBy("id").executeTakeFirstOrThrow()).id;
    expect((await settle(() => historyAction({ request: post("/x", { versionId: v1 }), params: { lessonId: String(lessonId) }, context: as(carol, other) }))).status).toBe(403);
  });
});

describe("images", () => {
  function upload(file: Blob, name: string, fields: Record<string, string>, user = alice, grants = daguanAdmin) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append("file", file, name);
    const request = new Request("http://academy.test/admin/media", { method: "POST", body: form });
    return settle(() => mediaAction({ request, params: {}, context: as(user, grants) }));
  }
  const png = async (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .withMetadata({ exif: { IFD0: { Artist: "秘密拍摄者" } } })
      .png()
      .toBuffer();

  it("a PNG is re-encoded, stored, inserted as a Figure and served with long cache and nosniff", async () => {
    const res = await upload(new Blob([await png(2400, 600)], { type: "image/png" }), "门口.png", { campusId: String(daguan), alt: "小区门口", caption: "改造后" });
    expect(res.status).toBe(200);
    expect(res.body.snippet).toMatch(/^<Figure src="\/media\/[A-Za-z0-9_-]{16}" alt="小区门口" caption="改造后" \/>$/);
    const id = res.body.src.split("/").pop();
    const served = await mediaLoader({ request: get(res.body.src), params: { id }, context: as(null) });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("cache-control")).toContain("immutable");
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await served.arrayBuffer());
    const meta = await sharp(bytes).metadata();
    expect(meta.width).toBe(1600); // scaled down to the lesson column
    expect(meta.exif).toBeUndefined(); // what the camera wrote is gone
    const audit = await db.selectFrom("audit_log").select("action").where("target_id", "=", id).executeTakeFirstOrThrow();
    expect(audit.action).toBe("media.uploaded");
  });

  it("the type comes from the bytes: HTML or SVG named .png is refused, as are broken and oversize files", async () => {
    const html = await upload(new Blob(["<script>alert(1)</script>"], { type: "image/png" }), "x.png", { campusId: String(daguan), alt: "x" });
    expect(html.status).toBe(415);
    expect(html.body.error).toMatch(/JPEG、PNG 或 WebP/);
    const svg = await upload(new Blob(['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'], { type: "image/svg+xml" }), "x.svg", { campusId: String(daguan), alt: "x" });
    expect(svg.status).toBe(415);
    const truncated = (await png(100, 100)).subarray(0, 60);
    expect((await upload(new Blob([truncated]), "half.png", { campusId: String(daguan), alt: "x" })).status).toBe(400);
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const oversize = await upload(new Blob([big]), "big.png", { campusId: String(daguan), alt: "x" });
    expect(oversize.status).toBe(413);
    expect(oversize.body.error).toMatch(/5 MB/);
  });

  it("uploads go only to the admin's own campus", async () => {
    const res = await upload(new Blob([await png(10, 10)]), "a.png", { campusId: String(main), alt: "x" });
    expect(res.status).toBe(403);
    expect(await db.selectFrom("media").select("id").where("campus_id", "=", main).execute()).toEqual([]);
  });
});
