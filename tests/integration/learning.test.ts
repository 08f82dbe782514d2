import { describe, expect, it } from "vitest";
import { loadLawLibrary } from "../../app/lib/law.server";
import { verifyCertificate } from "../../app/models/certificate.server";
import { getLessonTarget } from "../../app/models/course.server";
import { courseProgress, enrol, finishLesson, recordVisit } from "../../app/models/progress.server";
import { submitAnswer } from "../../app/models/quiz.server";
import { claimedSessionId, createSession } from "../../app/models/session.server";
import { registerUser } from "../../app/models/user.server";
import { action as lessonAction, loader as lessonLoader } from "../../app/routes/courses.$course.$lesson";
import { action as progressAction } from "../../app/routes/learn.progress";
import { createTestDatabase } from "../setup/test-database";
import { get, post, routeContext, settle } from "../support/routes";

const { db } = await createTestDatabase();
const laws = await loadLawLibrary("content");

let nextPhone = 13900100000;
async function newLearner(displayName = "张三明") {
  const phone = String(++nextPhone);
  const result = await registerUser(db, { phone, password: "pass-word-1", displayName, identity: "committee_candidate", street: "大关街道", community: "德胜社区", compound: "德胜新村" });
  if (!result.ok) throw new Error("registration failed");
  return { id: result.userId, phone, displayName, identity: "committee_candidate" as const };
}

async function lesson(courseSlug: string, lessonSlug: string) {
  const target = await getLessonTarget(db, { courseSlug, lessonSlug });
  if (!target) throw new Error(`no lesson ${courseSlug}/${lessonSlug}`);
  const row = await db.selectFrom("lessons").select("published_version_id").where("id", "=", target.id).executeTakeFirstOrThrow();
  const quizzes = await db
    .selectFrom("quiz_questions")
    .select(["quiz_key", "correct", "options", "explanation"])
    .where("lesson_version_id", "=", row.published_version_id!)
    .orderBy("position")
    .execute();
  return { ...target, versionId: row.published_version_id!, quizzes };
}

type Lesson = Awaited<ReturnType<typeof lesson>>;
const wrongOf = (q: Lesson["quizzes"][number]) => [q.options.findIndex((_, i) => !q.correct.includes(i))];

async function passAll(userId: number, l: Lesson) {
  for (const q of l.quizzes) {
    const result = await submitAnswer(db, userId, l, { versionId: l.versionId, quizKey: q.quiz_key, answers: q.correct });
    expect(result).toMatchObject({ ok: true, passed: true });
  }
}

async function completeCourse(userId: number, courseSlug: string, lessonSlugs: string[]) {
  for (const slug of lessonSlugs) {
    const l = await lesson(courseSlug, slug);
    await passAll(userId, l);
    await finishLesson(db, userId, l);
  }
}

/** A course's lessons in order, as synced from content/ (the tests follow the library as it grows). */
async function lessonSlugs(courseSlug: string): Promise<string[]> {
  const rows = await db
    .selectFrom("lessons")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .select("lessons.slug")
    .where("courses.slug", "=", courseSlug)
    .where("lessons.archived_at", "is", null)
    .orderBy("lessons.position")
    .execute();
  return rows.map((r) => r.slug);
}
const WEIXIU = await lessonSlugs("weixiu-zijin");

describe("completion rules", () => {
  it("a lesson completes only when the end is reached and the quizzes are passed, in either order", async () => {
    const user = await newLearner();
    const l = await lesson("weixiu-zijin", "yiban-chengxu");
    expect(l.quizzes.length).toBeGreaterThan(1);
    expect(await finishLesson(db, user.id, l)).toMatchObject({ lessonCompleted: false });
    // All but one right: below the pass mark of 80.
    for (const q of l.quizzes.slice(1)) await submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: q.quiz_key, answers: q.correct });
    expect((await courseProgress(db, user.id, l.courseId)).lesson(l.id)).toMatchObject({ state: "in_progress", reachedEnd: true });
    const last = l.quizzes[0]!;
    const result = await submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: last.quiz_key, answers: last.correct });
    expect(result).toMatchObject({ ok: true, passed: true, settlement: { lessonCompleted: true, courseCompleted: false } });
    expect((await courseProgress(db, user.id, l.courseId)).lesson(l.id)).toMatchObject({ state: "completed", score: 100 });
  });

  it("the pass mark is the course's: a lower mark completes with fewer right answers", async () => {
    const user = await newLearner();
    const l = await lesson("chengjie-chayan", "xinjian-chengjie-chayan");
    await db.updateTable("courses").set({ pass_mark: 60 }).where("id", "=", l.courseId).execute();
    try {
      const [first, second] = l.quizzes;
      await submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: first!.quiz_key, answers: first!.correct });
      await submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: second!.quiz_key, answers: second!.correct });
      const settled = await finishLesson(db, user.id, l);
      expect(settled?.lessonCompleted).toBe(true); // 2 of 3 = 66 ≥ 60
    } finally {
      await db.updateTable("courses").set({ pass_mark: 80 }).where("id", "=", l.courseId).execute();
    }
  });

  it("the best result counts, and nothing goes backwards", async () => {
    const user = await newLearner();
    const l = await lesson("weixiu-zijin", "yiban-chengxu");
    await passAll(user.id, l);
    await finishLesson(db, user.id, l);
    const before = await db.selectFrom("lesson_progress").selectAll().where("user_id", "=", user.id).where("lesson_id", "=", l.id).executeTakeFirstOrThrow();
    const q = l.quizzes[0]!;
    expect(await submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: q.quiz_key, answers: wrongOf(q) })).toMatchObject({ passed: false });
    await finishLesson(db, user.id, l);
    const after = await db.selectFrom("lesson_progress").selectAll().where("user_id", "=", user.id).where("lesson_id", "=", l.id).executeTakeFirstOrThrow();
    expect(after.completed_at).toEqual(before.completed_at);
    expect(after.reached_end_at).toEqual(before.reached_end_at);
    expect((await courseProgress(db, user.id, l.courseId)).lesson(l.id)).toMatchObject({ state: "completed", score: 100 });
  });

  it("a course completes when all its lessons do: one certificate, verifiable with a masked name", async () => {
    const user = await newLearner("欧阳小明");
    await completeCourse(user.id, "weixiu-zijin", WEIXIU);
    const enrolment = await db.selectFrom("enrolments").selectAll().where("user_id", "=", user.id).executeTakeFirstOrThrow();
    expect(enrolment.completed_at).not.toBeNull();
    const certificates = await db.selectFrom("certificates").selectAll().where("user_id", "=", user.id).execute();
    expect(certificates).toHaveLength(1);
    const verified = await verifyCertificate(db, certificates[0]!.code);
    expect(verified).toMatchObject({ maskedName: "欧**明", title: "住宅专项维修资金", campusName: "三方学院主学院", kind: "course" });
    expect(Number(verified!.hours)).toBe(1);
    expect(JSON.stringify(verified)).not.toContain("欧阳小明");
    expect(await verifyCertificate(db, "ABCDEFGH")).toBeUndefined();
  });

  it("a path certificate follows when every course of the path is complete", async () => {
    const user = await newLearner();
    const path = await db.selectFrom("paths").select("id").where("slug", "=", "yeweihui-houxuanren").executeTakeFirstOrThrow();
    const courses = await db
      .selectFrom("path_courses")
      .innerJoin("courses", "courses.id", "path_courses.course_id")
      .select(["courses.slug", "courses.hours"])
      .where("path_courses.path_id", "=", path.id)
      .orderBy("path_courses.position")
      .execute();
    expect(courses.length).toBeGreaterThan(1);
    const pathCertificates = () =>
      db.selectFrom("certificates").innerJoin("paths", "paths.id", "certificates.path_id").select(["paths.slug", "certificates.hours"]).where("user_id", "=", user.id).execute();
    for (const course of courses.slice(0, -1)) await completeCourse(user.id, course.slug, await lessonSlugs(course.slug));
    expect(await pathCertificates()).toEqual([]);
    const last = courses.at(-1)!;
    await completeCourse(user.id, last.slug, await lessonSlugs(last.slug));
    const issued = (await pathCertificates()).filter((c) => c.slug === "yeweihui-houxuanren");
    expect(issued).toHaveLength(1);
    expect(Number(issued[0]!.hours)).toBe(courses.reduce((sum, c) => sum + Number(c.hours), 0));
  });
});

describe("idempotence", () => {
  it("double clicks, retries and two tabs write one row and one start time", async () => {
    const user = await newLearner();
    const l = await lesson("weixiu-zijin", "yiban-chengxu");
    await Promise.all([enrol(db, user.id, l.courseId), enrol(db, user.id, l.courseId)]);
    await Promise.all(Array.from({ length: 5 }, () => recordVisit(db, user.id, l)));
    const started = await db.selectFrom("lesson_progress").select("started_at").where("user_id", "=", user.id).executeTakeFirstOrThrow();
    await Promise.all(Array.from({ length: 5 }, () => finishLesson(db, user.id, l)));
    const rows = await db.selectFrom("lesson_progress").selectAll().where("user_id", "=", user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.started_at).toEqual(started.started_at);
    expect(await db.selectFrom("enrolments").selectAll().where("user_id", "=", user.id).execute()).toHaveLength(1);
  });

  it("a quiz answered in one tab while 完成本课 is pressed in another still completes the lesson", async () => {
    for (let round = 0; round < 5; round++) {
      const user = await newLearner();
      const l = await lesson("chengjie-chayan", "genghuan-wuye-jiaojie");
      const [last, ...others] = l.quizzes;
      for (const q of others) await submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: q.quiz_key, answers: q.correct });
      await Promise.all([
        finishLesson(db, user.id, l),
        submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: last!.quiz_key, answers: last!.correct }),
      ]);
      expect((await courseProgress(db, user.id, l.courseId)).lesson(l.id).state).toBe("completed");
    }
  });

  it("finishing the last two lessons at once (two tabs) still completes the course and issues one certificate", async () => {
    const user = await newLearner();
    const lessons = await Promise.all(WEIXIU.map((slug) => lesson("weixiu-zijin", slug)));
    for (const l of lessons) await passAll(user.id, l);
    const results = await Promise.all([...lessons, ...lessons].map((l) => finishLesson(db, user.id, l)));
    expect(results.some((r) => r?.courseCompleted)).toBe(true);
    expect(results.filter((r) => r?.newCertificate)).toHaveLength(1);
    expect(await db.selectFrom("certificates").selectAll().where("user_id", "=", user.id).execute()).toHaveLength(1);
  });
});

describe("the lesson route", () => {
  const url = "/courses/weixiu-zijin/yiban-chengxu";
  const params = { course: "weixiu-zijin", lesson: "yiban-chengxu" };

  it("never tells the browser which option is right, or the explanation, before an attempt", async () => {
    const user = await newLearner();
    const l = await lesson(params.course, params.lesson);
    await enrol(db, user.id, l.courseId);
    for (const who of [null, user]) {
      const { body } = await settle(() => lessonLoader({ request: get(url), params, context: routeContext(db, laws, who) }));
      const json = JSON.stringify(body);
      expect(json).toContain("questionHtml");
      expect(json).not.toMatch(/correct/i);
      for (const q of l.quizzes) expect(json).not.toContain(q.explanation.slice(0, 20));
    }
    // After a wrong attempt: that quiz's explanation, still no answer key.
    const q = l.quizzes[0]!;
    const answered = await settle(() =>
      lessonAction({ request: post(url, { intent: "answer", quiz: q.quiz_key, version: l.versionId, answer: String(wrongOf(q)[0]) }), params, context: routeContext(db, laws, user) }),
    );
    expect(answered).toMatchObject({ status: 200, body: { ok: true, passed: false } });
    expect(JSON.stringify(answered.body)).not.toMatch(/correct/i);
    const { body } = await settle(() => lessonLoader({ request: get(url), params, context: routeContext(db, laws, user) }));
    expect(JSON.stringify(body)).toContain(q.explanation.slice(0, 20));
    expect(JSON.stringify(body)).not.toContain(l.quizzes[1]!.explanation.slice(0, 20));
    expect(JSON.stringify(body)).not.toMatch(/"correct"/);
  });

  it("shows a learner their standing on the lesson and records the visit; shows and writes nothing for someone not enrolled", async () => {
    const user = await newLearner();
    const l = await lesson(params.course, params.lesson);
    const view = async () => {
      const { body } = await settle(() => lessonLoader({ request: get(url), params, context: routeContext(db, laws, user) }));
      return (body as { learner: unknown }).learner as Record<string, any> | null;
    };
    const rowsOf = async () => ({
      enrolment: await db.selectFrom("enrolments").select(["last_lesson_id", "last_visited_at"]).where("user_id", "=", user.id).executeTakeFirst(),
      progress: await db.selectFrom("lesson_progress").select(["lesson_id"]).where("user_id", "=", user.id).execute(),
    });

    expect(await view()).toBeNull();
    expect(await rowsOf()).toEqual({ enrolment: undefined, progress: [] });

    await enrol(db, user.id, l.courseId);
    expect(await view()).toEqual({
      lesson: { state: "in_progress", reachedEnd: false, quizTotal: l.quizzes.length, quizPassed: 0, score: 0, studySeconds: 0 },
      quizzes: {},
      courseCompleted: false,
      certificateCode: null,
    });
    const visited = await rowsOf();
    expect(visited.enrolment?.last_lesson_id).toBe(l.id);
    expect(visited.progress).toEqual([{ lesson_id: l.id }]);
    // A lesson of the course that does not exist: 404, and the visit stays where it was.
    const missing = { ...params, lesson: "no-such-lesson" };
    const notFound = await settle(() => lessonLoader({ request: get(`/courses/${params.course}/no-such-lesson`), params: missing, context: routeContext(db, laws, user) }));
    expect(notFound.status).toBe(404);
    expect(await rowsOf()).toEqual(visited);

    // One quiz wrong then right, another wrong: the last answer, the count and the best result.
    const [first, second] = l.quizzes;
    await submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: first!.quiz_key, answers: wrongOf(first!) });
    await submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: first!.quiz_key, answers: first!.correct });
    await submitAnswer(db, user.id, l, { versionId: l.versionId, quizKey: second!.quiz_key, answers: wrongOf(second!) });
    const learner = await view();
    expect(learner?.quizzes).toEqual({
      [first!.quiz_key]: { attempts: 2, lastAnswers: first!.correct, lastPassed: true, everPassed: true, explanation: first!.explanation },
      [second!.quiz_key]: { attempts: 1, lastAnswers: wrongOf(second!), lastPassed: false, everPassed: false, explanation: second!.explanation },
    });
    expect(learner?.lesson).toMatchObject({ quizPassed: 1, score: Math.floor(100 / l.quizzes.length) });

    // The whole course done: the lesson says so and links the certificate.
    await completeCourse(user.id, params.course, WEIXIU);
    const done = await view();
    expect(done).toMatchObject({ lesson: { state: "completed", reachedEnd: true, quizPassed: l.quizzes.length, score: 100 }, courseCompleted: true });
    expect(done?.certificateCode).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });

  it("for a page load, keeps the lesson's HTML out of the hydration data and hands it to the render instead", async () => {
    const documentHtml = new Map<string, string>();
    const page = await settle(() => lessonLoader({ request: get(url), params, context: { ...routeContext(db, laws, null), documentHtml } }));
    const data = await settle(() => lessonLoader({ request: get(url), params, context: routeContext(db, laws, null) }));
    const htmlOf = (body: any) => body.segments.filter((s: { type: string }) => s.type === "html").map((s: { html: string | null }) => s.html);
    expect(htmlOf(page.body).every((h: string | null) => h === null)).toBe(true);
    expect([...documentHtml.values()]).toEqual(htmlOf(data.body));
    expect([...documentHtml.keys()][0]).toBe("lesson-part-0");
  });

  it("a plain form post (no JavaScript) is redirected back to the quiz", async () => {
    const user = await newLearner();
    const l = await lesson(params.course, params.lesson);
    const q = l.quizzes[0]!;
    const result = await settle(() =>
      lessonAction({
        request: post(url, { intent: "answer", quiz: q.quiz_key, version: l.versionId, answer: q.correct.map(String) }, { "sec-fetch-mode": "navigate" }),
        params,
        context: routeContext(db, laws, user),
      }),
    );
    expect(result).toMatchObject({ status: 303, location: `${url}#quiz-${q.quiz_key}` });
  });

  it("完成本课 (/learn/progress): 404 for a lesson that does not exist, 400 for a malformed one, 401 logged out; a plain form goes back to the lesson", async () => {
    const user = await newLearner();
    const finish = (fields: Record<string, string>, who: typeof user | null = user, headers: Record<string, string> = {}) =>
      settle(() => progressAction({ request: post("/learn/progress", fields, headers), params: {}, context: routeContext(db, laws, who) }));
    expect((await finish({ course: "weixiu-zijin", lesson: "nope" })).status).toBe(404);
    // A plain form post gets a page in Chinese, not JSON.
    const page = await finish({ course: "weixiu-zijin", lesson: "nope" }, user, { "sec-fetch-mode": "navigate" });
    expect(page.status).toBe(404);
    expect(page.body).toMatch(/<html[\s\S]*没有找到这一课/);
    expect((await finish({ course: "weixiu-zijin", lesson: "../../etc" })).status).toBe(400);
    expect((await finish({ course: "weixiu-zijin", lesson: "yiban-chengxu" }, null)).status).toBe(401);
    expect(await db.selectFrom("lesson_progress").selectAll().where("user_id", "=", user.id).execute()).toHaveLength(0);
    expect(await finish({ course: "weixiu-zijin", lesson: "yiban-chengxu" }, user, { "sec-fetch-mode": "navigate" })).toMatchObject({
      status: 303,
      location: "/courses/weixiu-zijin/yiban-chengxu#finish",
    });
    expect(await finish({ course: "weixiu-zijin", lesson: "yiban-chengxu" })).toMatchObject({ status: 200, body: { ok: true } });
  });

  it("完成本课 checks the session inside its own statement: a live one writes, an unknown or expired one gets 401 and writes nothing", async () => {
    const user = await newLearner();
    const l = await lesson(params.course, params.lesson);
    const { token } = await createSession(db, user.id);
    const claimed = claimedSessionId(token)!;
    const finish = (claimedId: string) =>
      settle(() =>
        progressAction({
          request: post("/learn/progress", { course: params.course, lesson: params.lesson }),
          params: {},
          context: { ...routeContext(db, laws, null), claimedSessionId: claimedId },
        }),
      );
    const rows = () => db.selectFrom("lesson_progress").select(["reached_end_at"]).where("user_id", "=", user.id).execute();

    expect(await finish(claimedSessionId("a".repeat(32))!)).toMatchObject({ status: 401 });
    await db.updateTable("sessions").set({ expires_at: new Date(Date.now() - 1000) }).where("id", "=", claimed).execute();
    expect(await finish(claimed)).toMatchObject({ status: 401 });
    expect(await rows()).toEqual([]);

    await db.updateTable("sessions").set({ expires_at: new Date(Date.now() + 3_600_000) }).where("id", "=", claimed).execute();
    expect(await finish(claimed)).toMatchObject({ status: 200, body: { ok: true, settlement: { lessonCompleted: false } } });
    expect(await rows()).toEqual([{ reached_end_at: expect.any(Date) }]);
    const missing = settle(() =>
      progressAction({
        request: post("/learn/progress", { course: params.course, lesson: "no-such-lesson" }),
        params: {},
        context: { ...routeContext(db, laws, null), claimedSessionId: claimed },
      }),
    );
    expect(await missing).toMatchObject({ status: 404 });
  });

  it("refuses forged answers with a 4xx and records nothing", async () => {
    const user = await newLearner();
    const l = await lesson(params.course, params.lesson);
    const other = await lesson("chengjie-chayan", "xinjian-chengjie-chayan");
    const q = l.quizzes[0]!;
    const attempt = (fields: Record<string, string | string[]>) =>
      settle(() => lessonAction({ request: post(url, { intent: "answer", ...fields }), params, context: routeContext(db, laws, user) }));
    const cases: [string, Record<string, string | string[]>, number][] = [
      ["another lesson's question", { quiz: other.quizzes[0]!.quiz_key, version: l.versionId, answer: "0" }, 409],
      ["another lesson's version", { quiz: q.quiz_key, version: other.versionId, answer: "0" }, 409],
      ["a version that does not exist", { quiz: q.quiz_key, version: "999999999", answer: "0" }, 409],
      ["an option that does not exist", { quiz: q.quiz_key, version: l.versionId, answer: "17" }, 400],
      ["two answers to a single-choice question", { quiz: q.quiz_key, version: l.versionId, answer: ["0", "1"] }, 400],
      ["no answer", { quiz: q.quiz_key, version: l.versionId }, 400],
      ["a negative option", { quiz: q.quiz_key, version: l.versionId, answer: "-1" }, 400],
      ["a version that is not a number", { quiz: q.quiz_key, version: "1 or 1=1", answer: "0" }, 400],
      ["a quiz id with markup", { quiz: "<script>", version: l.versionId, answer: "0" }, 400],
    ];
    for (const [name, fields, status] of cases) {
      const result = await attempt(fields);
      expect(result.status, name).toBe(status);
      expect(result.body.error, name).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await db.selectFrom("quiz_attempts").selectAll().where("user_id", "=", user.id).execute()).toHaveLength(0);
    const unknown = await settle(() => lessonAction({ request: post(url, { intent: "delete-everything" }), params, context: routeContext(db, laws, user) }));
    expect(unknown.status).toBe(400);
  });

  it("sends someone who is not logged in to the login page", async () => {
    const result = await settle(() => lessonAction({ request: post(url, { intent: "enrol" }), params, context: routeContext(db, laws, null) }));
    expect(result.status).toBe(302);
    expect(result.location).toMatch(/^\/login\?redirectTo=/);
  });
});

