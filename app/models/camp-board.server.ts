import { sql } from "kysely";
import type { DB } from "../../db/client";
import { t } from "../lib/messages";
import { issueCertificate } from "./certificate.server";
import { type Assignment, type Camp, getCamp, listAssignments, listPeople, listSessions } from "./camp.server";

/**
 * The instructor board and the camp transcript: for each member, sessions attended, each assigned
 * course or path (done / in progress / not started / overdue) and 学时 in the assigned courses —
 * read in five queries for the whole camp, whatever its size.
 */

export type AssignmentStatus = "done" | "in_progress" | "not_started" | "overdue";

export interface BoardRow {
  userId: number;
  name: string;
  phone: string;
  attendedSessionIds: number[];
  attended: number;
  statuses: Record<number, AssignmentStatus>;
  done: number;
  studySeconds: number;
  complete: boolean;
  /** What stands between the member and completing the camp, in words. */
  missing: string[];
}

export interface Board {
  sessions: Awaited<ReturnType<typeof listSessions>>;
  assignments: Assignment[];
  rows: BoardRow[];
}

export async function campBoard(db: DB, camp: Camp, today: string, onlyUserId?: number): Promise<Board> {
  const [allMembers, sessions, assignments] = await Promise.all([listPeople(db, camp.id, "camp_members"), listSessions(db, camp.id), listAssignments(db, camp.id)]);
  const members = onlyUserId === undefined ? allMembers : allMembers.filter((m) => m.id === onlyUserId);
  const courseIds = [...new Set(assignments.flatMap((a) => a.courseIds))];
  const memberIds = members.map((m) => m.id);
  const none = [-1];

  const [attendance, enrolments, progress] = await Promise.all([
    db
      .selectFrom("camp_attendance")
      .innerJoin("camp_sessions", "camp_sessions.id", "camp_attendance.session_id")
      .select(["camp_attendance.user_id as userId", "camp_attendance.session_id as sessionId"])
      .where("camp_sessions.camp_id", "=", camp.id)
      .where("camp_attendance.user_id", "in", memberIds.length ? memberIds : none)
      .execute(),
    db
      .selectFrom("enrolments")
      .select(["user_id as userId", "course_id as courseId", "completed_at as completedAt"])
      .where("course_id", "in", courseIds.length ? courseIds : none)
      .where("user_id", "in", memberIds.length ? memberIds : none)
      .execute(),
    db
      .selectFrom("lesson_progress")
      .select(["user_id as userId", "course_id as courseId", sql<number>`sum(study_seconds)::int`.as("seconds")])
      .where("course_id", "in", courseIds.length ? courseIds : none)
      .where("user_id", "in", memberIds.length ? memberIds : none)
      .groupBy(["user_id", "course_id"])
      .execute(),
  ]);

  const key = (userId: number, courseId: number) => `${userId}:${courseId}`;
  const completed = new Set(enrolments.filter((e) => e.completedAt !== null).map((e) => key(e.userId, e.courseId)));
  const started = new Set([...enrolments.map((e) => key(e.userId, e.courseId)), ...progress.map((p) => key(p.userId, p.courseId))]);
  const seconds = new Map<number, number>();
  for (const p of progress) seconds.set(p.userId, (seconds.get(p.userId) ?? 0) + p.seconds);
  const attendedBy = new Map<number, number[]>();
  for (const a of attendance) attendedBy.set(a.userId, [...(attendedBy.get(a.userId) ?? []), a.sessionId]);

  const rows = members.map((m): BoardRow => {
    const statuses: Record<number, AssignmentStatus> = {};
    for (const a of assignments) {
      const done = a.courseIds.length > 0 && a.courseIds.every((c) => completed.has(key(m.id, c)));
      const any = a.courseIds.some((c) => started.has(key(m.id, c)));
      statuses[a.id] = done ? "done" : a.dueOn < today ? "overdue" : any ? "in_progress" : "not_started";
    }
    const attendedSessionIds = attendedBy.get(m.id) ?? [];
    const done = Object.values(statuses).filter((s) => s === "done").length;
    const missing: string[] = [];
    if (attendedSessionIds.length < camp.requiredSessions) missing.push(t.camps.missingSessions(camp.requiredSessions - attendedSessionIds.length));
    if (camp.requireAssignments) {
      for (const a of assignments) if (statuses[a.id] !== "done") missing.push(statuses[a.id] === "overdue" ? t.camps.missingOverdue(a.title) : t.camps.missingUnfinished(a.title));
    }
    return {
      userId: m.id,
      name: m.name,
      phone: m.phone,
      attendedSessionIds,
      attended: attendedSessionIds.length,
      statuses,
      done,
      studySeconds: seconds.get(m.id) ?? 0,
      complete: missing.length === 0,
      missing,
    };
  });
  return { sessions, assignments, rows };
}

export const boardSorts = ["name", "attended", "done", "hours"] as const;
export type BoardSort = (typeof boardSorts)[number];

export function sortBoard(rows: BoardRow[], by: BoardSort, descending: boolean): BoardRow[] {
  const value = (r: BoardRow) => (by === "attended" ? r.attended : by === "done" ? r.done : by === "hours" ? r.studySeconds : 0);
  const sorted = [...rows].sort((a, b) => (by === "name" ? a.name.localeCompare(b.name, "zh-CN") : value(a) - value(b)) || a.userId - b.userId);
  return descending ? sorted.reverse() : sorted;
}

/** The camp certificate, issued the first time a member is seen to have met the camp's requirements. */
export async function settleCampCertificate(db: DB, camp: Camp, row: BoardRow): Promise<string | null> {
  if (!row.complete) return null;
  return db.transaction().execute((trx) => issueCertificate(trx, row.userId, { campId: camp.id }));
}

/** For 我的学习: each camp the learner belongs to, with its assignments and where they stand. */
export async function myCampAssignments(db: DB, userId: number, today: string) {
  const camps = await db
    .selectFrom("camp_members")
    .innerJoin("camps", "camps.id", "camp_members.camp_id")
    .select("camps.id")
    .where("camp_members.user_id", "=", userId)
    .where("camps.archived_at", "is", null)
    .where("camps.ends_on", ">=", sql<string>`(${today}::date - 30)`)
    .orderBy("camps.starts_on")
    .execute();
  const result = [];
  for (const { id } of camps) {
    const camp = await getCamp(db, id);
    if (!camp) continue;
    const board = await campBoard(db, camp, today, userId);
    const row = board.rows[0];
    result.push({
      id: camp.id,
      name: camp.name,
      assignments: board.assignments.map((a) => ({ id: a.id, title: a.title, href: a.href, dueOn: a.dueOn, status: row?.statuses[a.id] ?? "not_started" })),
    });
  }
  return result;
}
