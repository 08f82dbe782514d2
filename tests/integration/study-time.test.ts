import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { loadLawLibrary } from "../../app/lib/law.server";
import { getLessonTarget } from "../../app/models/course.server";
import { enrol, recordVisit } from "../../app/models/progress.server";
import { lessonCapSeconds, recordBeat, studyTimeReport } from "../../app/models/study-time.server";
import { registerUser } from "../../app/models/user.server";
import { action as beatAction } from "../../app/routes/learn.beat";
import { createTestDatabase } from "../setup/test-database";
import { post, routeContext, settle } from "../support/routes";

const { db } = await createTestDatabase();
const laws = await loadLawLibrary("content");
const l = (await getLessonTarget(db, { courseSlug: "weixiu-zijin", lessonSlug: "yiban-chengxu" }))!;

let nextPhone = 13900200000;
async function startedLearner() {
  const result = await registerUser(db, { phone: String(++nextPhone), password: "pass-word-1", displayName: "李四", identity: "liaison", street: "大关街道", community: "德胜社区", compound: "德胜新村" });
  if (!result.ok) throw new Error("registration failed");
  await enrol(db, result.userId, l.courseId);
  await recordVisit(db, result.userId, l);
  return result.userId;
}

/** Moves the learner's last beat into the past: the clock, not the test, waits. */
async function elapse(userId: number, seconds: number) {
  await db
    .updateTable("lesson_progress")
    .set({ last_beat_at: sql`last_beat_at - make_interval(secs => ${seconds})` })
    .where("user_id", "=", userId)
    .where("lesson_id", "=", l.id)
    .execute();
}

const seconds = async (userId: number) =>
  (await db.selectFrom("lesson_progress").select("study_seconds").where("user_id", "=", userId).where("lesson_id", "=", l.id).executeTakeFirstOrThrow()).study_seconds;

describe("the 学时 ledger", () => {
  it("credits the real time since the last beat", async () => {
    const user = await startedLearner();
    await elapse(user, 30);
    const result = await recordBeat(db, user, l);
    expect(result).toMatchObject({ ok: true, reason: "counted" });
    expect(result.ok && result.credited).toBeGreaterThanOrEqual(30);
    expect(result.ok && result.credited).toBeLessThan(33);
  });

  it("never credits more than 45 s for one beat: a hidden page or a sleeping phone does not count", async () => {
    const user = await startedLearner();
    await elapse(user, 3600);
    expect(await recordBeat(db, user, l)).toMatchObject({ ok: true, credited: 45, reason: "gap" });
  });

  it("refuses a flood of beats and changes nothing", async () => {
    const user = await startedLearner();
    await elapse(user, 30);
    await recordBeat(db, user, l);
    const before = await seconds(user);
    const results = await Promise.all(Array.from({ length: 20 }, () => recordBeat(db, user, l)));
    expect(results.every((r) => !r.ok && r.refusal === "too-soon")).toBe(true);
    expect(await seconds(user)).toBe(before);
    expect(await db.selectFrom("study_beats").selectAll().where("user_id", "=", user).execute()).toHaveLength(1);
  });

  it("stops at the lesson's cap (2 × its minutes) and says so", async () => {
    const user = await startedLearner();
    const cap = lessonCapSeconds(l.minutes);
    await db.updateTable("lesson_progress").set({ study_seconds: cap - 10 }).where("user_id", "=", user).execute();
    await elapse(user, 40);
    expect(await recordBeat(db, user, l)).toMatchObject({ ok: true, credited: 10, reason: "capped", totalSeconds: cap });
    await elapse(user, 40);
    expect(await recordBeat(db, user, l)).toMatchObject({ ok: true, credited: 0, reason: "capped", totalSeconds: cap });
    const report = await studyTimeReport(db, user);
    expect(report.lessons[0]).toMatchObject({ seconds: cap, capSeconds: cap, capped: true });
  });

  it("a restart beat (the page visible again) credits nothing", async () => {
    const user = await startedLearner();
    await elapse(user, 600);
    expect(await recordBeat(db, user, l, true)).toMatchObject({ ok: true, credited: 0, reason: "start" });
  });

  it("a reload does not restart a running clock, and a stale one restarts", async () => {
    const user = await startedLearner();
    await elapse(user, 20);
    await recordVisit(db, user, l); // e.g. revalidation after a quiz answer
    await elapse(user, 10);
    expect(await recordBeat(db, user, l)).toMatchObject({ ok: true, reason: "counted" });
  });

  it("the heartbeat route answers 401, 400, 409 and 429 for what it refuses", async () => {
    const user = await startedLearner();
    const me = { id: user, phone: "x", displayName: "李四", identity: "liaison" as const };
    const beat = (fields: Record<string, string>, who: typeof me | null = me) =>
      settle(() => beatAction({ request: post("/learn/beat", fields), params: {}, context: routeContext(db, laws, who) }));
    expect((await beat({ lesson: String(l.id) }, null)).status).toBe(401);
    expect((await beat({ lesson: "abc" })).status).toBe(400);
    expect((await beat({ lesson: "999999" })).status).toBe(404);
    const other = (await getLessonTarget(db, { courseSlug: "chengjie-chayan", lessonSlug: "xinjian-chengjie-chayan" }))!;
    expect((await beat({ lesson: String(other.id) })).status).toBe(409); // never opened
    expect((await beat({ lesson: String(l.id) })).status).toBe(429); // the visit started the clock just now
    await elapse(user, 30);
    expect((await beat({ lesson: String(l.id) })).status).toBe(200);
  });
});
