import { sql } from "kysely";
import type { DB } from "../../db/client";
import { currentCode, isValidCode, newCheckinSecret } from "../lib/checkin-code";
import { writeAudit } from "./audit.server";
import type { Camp } from "./camp.server";
import type { Actor } from "./lesson-authoring.server";
import { claimAttempt, releaseAttempt } from "./login-throttle.server";

/**
 * Check-in: an instructor opens a session's check-in (its secret is made then), the screen shows
 * the rotating code, and a logged-in member types or scans it. Wrong codes are counted per member
 * (10 per 10 minutes), so a code cannot be guessed by trying all million.
 */

export const CHECKIN_LIMIT = { max: 10, windowMinutes: 10 } as const;

export async function openCheckin(db: DB, camp: Camp, sessionId: number, actor: Actor) {
  const secret = newCheckinSecret();
  const row = await db
    .updateTable("camp_sessions")
    .set({ checkin_secret: sql`coalesce(checkin_secret, ${secret})`, checkin_closed_at: null })
    .where("id", "=", sessionId)
    .where("camp_id", "=", camp.id)
    .returning(["checkin_secret"])
    .executeTakeFirst();
  if (!row?.checkin_secret) return undefined;
  await writeAudit(db, { actorId: actor.id, action: "camp.checkin_opened", campusId: camp.campusId, targetType: "camp", targetId: camp.id, details: { sessionId }, ip: actor.ip });
  return currentCode(row.checkin_secret);
}

export async function closeCheckin(db: DB, camp: Camp, sessionId: number) {
  await db.updateTable("camp_sessions").set({ checkin_closed_at: sql`now()` }).where("id", "=", sessionId).where("camp_id", "=", camp.id).execute();
}

/** The code on screen now, with the count of members checked in; undefined while check-in is not open. */
export async function checkinScreen(db: DB, campId: number, sessionId: number) {
  const session = await db
    .selectFrom("camp_sessions")
    .select((eb) => [
      "checkin_secret as secret",
      "checkin_closed_at as closedAt",
      eb.selectFrom("camp_attendance").whereRef("camp_attendance.session_id", "=", "camp_sessions.id").select(sql<number>`count(*)::int`.as("n")).as("count"),
    ])
    .where("id", "=", sessionId)
    .where("camp_id", "=", campId)
    .executeTakeFirst();
  if (!session) return undefined;
  const open = session.secret !== null && session.closedAt === null;
  return { open, count: session.count ?? 0, ...(open && session.secret ? currentCode(session.secret) : { code: null, msLeft: 0 }) };
}

export type CheckinResult =
  | { ok: true; campId: number; campName: string; topic: string; already: boolean }
  | { ok: false; reason: "code" | "not_member" | "throttled"; retryAfterMinutes?: number };

/**
 * Checks a member in with a code: it must be the current (or previous) code of a session whose
 * check-in is open, in a camp they are a member of. Once per session; a repeat is "already".
 */
export async function checkIn(db: DB, userId: number, code: string, today: string): Promise<CheckinResult> {
  const throttle = await claimAttempt(db, `checkin:${userId}`, CHECKIN_LIMIT.max, CHECKIN_LIMIT.windowMinutes);
  if (!throttle.allowed) return { ok: false, reason: "throttled", retryAfterMinutes: throttle.retryAfterMinutes };
  const open = await db
    .selectFrom("camp_sessions")
    .innerJoin("camps", "camps.id", "camp_sessions.camp_id")
    .select([
      "camp_sessions.id",
      "camp_sessions.topic",
      "camp_sessions.checkin_secret as secret",
      "camps.id as campId",
      "camps.name as campName",
      "camps.campus_id as campusId",
      sql<boolean>`exists (select 1 from camp_members m where m.camp_id = camps.id and m.user_id = ${userId})`.as("member"),
    ])
    .where("camp_sessions.checkin_secret", "is not", null)
    .where("camp_sessions.checkin_closed_at", "is", null)
    .where("camp_sessions.date", "=", today)
    .execute();
  const session = open.find((s) => s.secret !== null && isValidCode(s.secret, code));
  if (!session) return { ok: false, reason: "code" };
  // A right code is not a guess: the attempt is given back.
  await releaseAttempt(db, `checkin:${userId}`);
  if (!session.member) return { ok: false, reason: "not_member" };
  const row = await db
    .insertInto("camp_attendance")
    .values({ session_id: session.id, user_id: userId, method: "code" })
    .onConflict((oc) => oc.doNothing())
    .returning("user_id")
    .executeTakeFirst();
  return { ok: true, campId: session.campId, campName: session.campName, topic: session.topic, already: !row };
}

/** Attendance marked by hand by an instructor or admin (audited): present or not. */
export async function markAttendance(db: DB, camp: Camp, sessionId: number, userId: number, present: boolean, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom("camp_members")
      .innerJoin("camp_sessions", "camp_sessions.camp_id", "camp_members.camp_id")
      .select("camp_members.user_id")
      .where("camp_members.camp_id", "=", camp.id)
      .where("camp_members.user_id", "=", userId)
      .where("camp_sessions.id", "=", sessionId)
      .executeTakeFirst();
    if (!member) return false;
    if (present) {
      await trx
        .insertInto("camp_attendance")
        .values({ session_id: sessionId, user_id: userId, method: "manual", marked_by: actor.id })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await trx.deleteFrom("camp_attendance").where("session_id", "=", sessionId).where("user_id", "=", userId).execute();
    }
    await writeAudit(trx, {
      actorId: actor.id,
      action: present ? "camp.attendance_marked" : "camp.attendance_removed",
      campusId: camp.campusId,
      targetType: "camp",
      targetId: camp.id,
      details: { sessionId, userId },
      ip: actor.ip,
    });
    return true;
  });
}
