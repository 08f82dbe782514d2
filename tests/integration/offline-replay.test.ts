import { describe, expect, it } from "vitest";
import { logIn, logOut } from "../../app/lib/auth.server";
import { loadLawLibrary } from "../../app/lib/law.server";
import { offlineAccountKey } from "../../app/lib/offline-account.server";
import { getLessonTarget } from "../../app/models/course.server";
import { finishLesson } from "../../app/models/progress.server";
import { submitAnswer } from "../../app/models/quiz.server";
import { claimedSessionId, createSession } from "../../app/models/session.server";
import { registerUser } from "../../app/models/user.server";
import { action as progressAction } from "../../app/routes/learn.progress";
import { createTestDatabase } from "../setup/test-database";
import { post, routeContext, settle } from "../support/routes";

/**
 * The server's side of offline lessons (docs/decisions/010-offline-lessons.md): a completion the
 * phone kept offline may reach the server more than once (its answer lost on a bad signal, the
 * phone sends again), and that must count once; the account changing on a shared phone tells the
 * browser to forget what it kept.
 */

const { db } = await createTestDatabase();
const laws = await loadLawLibrary("content");

let nextPhone = 13900700000;
async function newLearner() {
  const phone = String(++nextPhone);
  const result = await registerUser(db, { phone, password: "pass-word-1", displayName: "李离线", identity: "liaison", street: "大关街道", community: "德胜社区", compound: "德胜新村" });
  if (!result.ok) throw new Error("registration failed");
  return { id: result.userId, phone };
}

async function passQuizzes(userId: number, courseSlug: string, lessonSlug: string) {
  const target = (await getLessonTarget(db, { courseSlug, lessonSlug }))!;
  const version = await db.selectFrom("lessons").select("published_version_id").where("id", "=", target.id).executeTakeFirstOrThrow();
  const quizzes = await db.selectFrom("quiz_questions").select(["quiz_key", "correct"]).where("lesson_version_id", "=", version.published_version_id!).execute();
  for (const q of quizzes) await submitAnswer(db, userId, target, { versionId: version.published_version_id!, quizKey: q.quiz_key, answers: q.correct });
  return target;
}

describe("a completion sent again from the phone's outbox", () => {
  it("counts once: the same completion time, one certificate, and the second answer says all is done", async () => {
    const user = await newLearner();
    const course = "chewei-tingche";
    const slugs = (
      await db.selectFrom("lessons").innerJoin("courses", "courses.id", "lessons.course_id").select("lessons.slug").where("courses.slug", "=", course).orderBy("lessons.position").execute()
    ).map((r) => r.slug);
    for (const slug of slugs.slice(0, -1)) await finishLesson(db, user.id, await passQuizzes(user.id, course, slug));
    const last = await passQuizzes(user.id, course, slugs.at(-1)!);

    // As the outbox sends it: the session checked inside the statement, the phone's id alongside.
    const { token } = await createSession(db, user.id);
    const send = () =>
      settle(() =>
        progressAction({
          request: post("/learn/progress", { course, lesson: slugs.at(-1)!, queued: "2f1c6d0e-8c1a-4d47-9a49-0b1f2d3c4e5f" }),
          params: {},
          context: { ...routeContext(db, laws, null), claimedSessionId: claimedSessionId(token)! },
        }),
      );
    const first = await send();
    expect(first).toMatchObject({ status: 200, body: { ok: true, settlement: { lessonCompleted: true, courseCompleted: true, newCertificate: expect.any(String) } } });
    const completion = () =>
      db.selectFrom("lesson_progress").select(["completed_at"]).where("user_id", "=", user.id).where("lesson_id", "=", last.id).execute();
    const before = await completion();

    const again = await Promise.all([send(), send()]);
    // Recognised by its id: answered as a replay, which the outbox drops without telling anyone again.
    for (const answer of again) {
      expect(answer).toMatchObject({ status: 200, body: { ok: true, replayed: true, settlement: { lessonCompleted: true, newCertificate: null } } });
    }
    expect(await completion()).toEqual(before);
    expect(before).toHaveLength(1);
    expect(await db.selectFrom("certificates").select("code").where("user_id", "=", user.id).execute()).toHaveLength(1);
  });

  it("a queued id that is not one of ours is refused with 400, and nothing is completed", async () => {
    const user = await newLearner();
    const { token } = await createSession(db, user.id);
    const answer = await settle(() =>
      progressAction({
        request: post("/learn/progress", { course: "chewei-tingche", lesson: "chewei-guishu", queued: "x'; drop table users; --" }),
        params: {},
        context: { ...routeContext(db, laws, null), claimedSessionId: claimedSessionId(token)! },
      }),
    );
    expect(answer.status).toBe(400);
    expect(await db.selectFrom("lesson_progress").select("user_id").where("user_id", "=", user.id).execute()).toHaveLength(0);
  });
});

describe("the account on a shared phone changes", () => {
  it("log in and log out tell the browser to forget its kept pages and storage, not the cookie being set", async () => {
    const user = await newLearner();
    const context = routeContext(db, laws, null);
    for (const response of [await logIn(context, user.id, "/"), await logOut(context)]) {
      expect(response.headers.get("Clear-Site-Data")).toBe('"cache", "storage"');
      expect(response.headers.get("Set-Cookie")).toBeTruthy();
    }
  });

  it("the key naming an account's offline store is stable, differs per learner, and is not the phone number", async () => {
    const a = await newLearner();
    const b = await newLearner();
    expect(offlineAccountKey(a.id)).toBe(offlineAccountKey(a.id));
    expect(offlineAccountKey(a.id)).not.toBe(offlineAccountKey(b.id));
    expect(offlineAccountKey(a.id)).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(offlineAccountKey(a.id)).not.toContain(a.phone.slice(-4));
  });
});
