import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { CsvRow } from "../lib/member-csv";
import { t } from "../lib/messages";
import { writeAudit } from "./audit.server";
import type { Actor } from "./lesson-authoring.server";

/**
 * Training camps: the camp itself, its instructors and members, its sessions and its assigned
 * courses and paths. Every change is written to the audit log with the camp's campus.
 */

export interface CampInput {
  campusId: number;
  name: string;
  startsOn: string;
  endsOn: string;
  place: string;
  description: string;
  requiredSessions: number;
  hours: number;
}

/** The new camp's id, or null when the campus does not exist (a forged id). */
export async function createCamp(db: DB, input: CampInput, actor: Actor): Promise<number | null> {
  const campus = await db.selectFrom("campuses").select("id").where("id", "=", input.campusId).executeTakeFirst();
  if (!campus) return null;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("camps")
      .values({
        campus_id: input.campusId,
        name: input.name,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        place: input.place,
        description: input.description,
        required_sessions: input.requiredSessions,
        require_assignments: true,
        hours: input.hours,
        created_by: actor.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, "camp.created", input.campusId, row.id, { name: input.name });
    return row.id;
  });
}

export async function getCamp(db: DB, campId: number) {
  return db
    .selectFrom("camps")
    .innerJoin("campuses", "campuses.id", "camps.campus_id")
    .select([
      "camps.id",
      "camps.name",
      "camps.campus_id as campusId",
      "campuses.name as campusName",
      "camps.starts_on as startsOn",
      "camps.ends_on as endsOn",
      "camps.place",
      "camps.description",
      "camps.required_sessions as requiredSessions",
      "camps.require_assignments as requireAssignments",
      "camps.hours",
    ])
    .where("camps.id", "=", campId)
    .executeTakeFirst();
}
export type Camp = NonNullable<Awaited<ReturnType<typeof getCamp>>>;

export async function listCampsForAdmin(db: DB, campusIds: number[] | null) {
  let query = db
    .selectFrom("camps")
    .innerJoin("campuses", "campuses.id", "camps.campus_id")
    .select((eb) => [
      "camps.id",
      "camps.name",
      "camps.starts_on as startsOn",
      "camps.ends_on as endsOn",
      "campuses.name as campusName",
      eb.selectFrom("camp_members").whereRef("camp_members.camp_id", "=", "camps.id").select(sql<number>`count(*)::int`.as("n")).as("memberCount"),
    ])
    .where("camps.archived_at", "is", null)
    .orderBy("camps.starts_on", "desc");
  if (campusIds !== null) query = query.where("camps.campus_id", "in", campusIds.length ? campusIds : [-1]);
  return query.execute();
}

/** The camps a person belongs to, as member or instructor. */
export async function listCampsForUser(db: DB, userId: number) {
  return db
    .selectFrom("camps")
    .select([
      "camps.id",
      "camps.name",
      "camps.starts_on as startsOn",
      "camps.ends_on as endsOn",
      sql<boolean>`exists (select 1 from camp_instructors i where i.camp_id = camps.id and i.user_id = ${userId})`.as("instructor"),
    ])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom("camp_members as m").whereRef("m.camp_id", "=", "camps.id").where("m.user_id", "=", userId).select("m.user_id")),
        eb.exists(eb.selectFrom("camp_instructors as i").whereRef("i.camp_id", "=", "camps.id").where("i.user_id", "=", userId).select("i.user_id")),
      ]),
    )
    .where("camps.archived_at", "is", null)
    .orderBy("camps.starts_on", "desc")
    .execute();
}

export async function campRoles(db: DB, campId: number, userId: number) {
  const [member, instructor] = await Promise.all([
    db.selectFrom("camp_members").select("user_id").where("camp_id", "=", campId).where("user_id", "=", userId).executeTakeFirst(),
    db.selectFrom("camp_instructors").select("user_id").where("camp_id", "=", campId).where("user_id", "=", userId).executeTakeFirst(),
  ]);
  return { member: Boolean(member), instructor: Boolean(instructor) };
}

export async function listPeople(db: DB, campId: number, table: "camp_members" | "camp_instructors") {
  return db
    .selectFrom(table)
    .innerJoin("users", "users.id", `${table}.user_id`)
    .select(["users.id", "users.display_name as name", "users.phone"])
    .where(`${table}.camp_id`, "=", campId)
    .orderBy("users.display_name")
    .orderBy("users.id")
    .execute();
}

/** Adds one registered user; false if they were already there. */
export async function addPerson(db: DB, camp: Camp, role: "member" | "instructor", userId: number, actor: Actor): Promise<boolean> {
  const table = role === "member" ? "camp_members" : "camp_instructors";
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto(table)
      .values({ camp_id: camp.id, user_id: userId, added_by: actor.id })
      .onConflict((oc) => oc.doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (row) await audit(trx, actor, role === "member" ? "camp.member_added" : "camp.instructor_added", camp.campusId, camp.id, { userId });
    return Boolean(row);
  });
}

export async function removeMember(db: DB, camp: Camp, userId: number, actor: Actor): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom("camp_members").where("camp_id", "=", camp.id).where("user_id", "=", userId).returning("user_id").executeTakeFirst();
    if (row) await audit(trx, actor, "camp.member_removed", camp.campusId, camp.id, { userId });
    return Boolean(row);
  });
}

export interface ImportPreview {
  add: { line: number; phone: string; name: string; userId: number; accountName: string }[];
  already: { line: number; phone: string; accountName: string }[];
  unknown: { line: number; phone: string; name: string }[];
}

/** Who a CSV would add: registered and new to the camp, already members, or not registered. Saves nothing. */
export async function previewImport(db: DB, campId: number, rows: CsvRow[]): Promise<ImportPreview> {
  const phones = rows.map((r) => r.phone);
  const users = phones.length
    ? await db
        .selectFrom("users")
        .leftJoin("camp_members", (join) => join.onRef("camp_members.user_id", "=", "users.id").on("camp_members.camp_id", "=", campId))
        .select(["users.id", "users.phone", "users.display_name as name", "camp_members.user_id as memberId"])
        .where("users.phone", "in", phones)
        .execute()
    : [];
  const byPhone = new Map(users.map((u) => [u.phone, u]));
  const preview: ImportPreview = { add: [], already: [], unknown: [] };
  for (const row of rows) {
    const user = byPhone.get(row.phone);
    if (!user) preview.unknown.push(row);
    else if (user.memberId !== null) preview.already.push({ line: row.line, phone: row.phone, accountName: user.name });
    else preview.add.push({ ...row, userId: user.id, accountName: user.name });
  }
  return preview;
}

/** Adds the previewed members in one transaction: all of them, or (on any error) none. */
export async function importMembers(db: DB, camp: Camp, userIds: number[], actor: Actor): Promise<number> {
  if (userIds.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    const added = await trx
      .insertInto("camp_members")
      .values(userIds.map((id) => ({ camp_id: camp.id, user_id: id, added_by: actor.id })))
      .onConflict((oc) => oc.doNothing())
      .returning("user_id")
      .execute();
    await audit(trx, actor, "camp.members_imported", camp.campusId, camp.id, { count: added.length });
    return added.length;
  });
}

export interface SessionInput {
  date: string;
  startsAt: string;
  endsAt: string;
  place: string;
  topic: string;
}

export async function addSession(db: DB, camp: Camp, input: SessionInput, actor: Actor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("camp_sessions")
      .values({ camp_id: camp.id, date: input.date, starts_at: input.startsAt, ends_at: input.endsAt, place: input.place, topic: input.topic })
      .returning("id")
      .executeTakeFirstOrThrow();
    await audit(trx, actor, "camp.session_added", camp.campusId, camp.id, { topic: input.topic, date: input.date });
    return row.id;
  });
}

export async function listSessions(db: DB, campId: number) {
  return db
    .selectFrom("camp_sessions")
    .select((eb) => [
      "camp_sessions.id",
      "camp_sessions.date",
      "camp_sessions.starts_at as startsAt",
      "camp_sessions.ends_at as endsAt",
      "camp_sessions.place",
      "camp_sessions.topic",
      eb.selectFrom("camp_attendance").whereRef("camp_attendance.session_id", "=", "camp_sessions.id").select(sql<number>`count(*)::int`.as("n")).as("attended"),
    ])
    .where("camp_id", "=", campId)
    .orderBy("date")
    .orderBy("starts_at")
    .orderBy("id")
    .execute();
}

export async function getSession(db: DB, campId: number, sessionId: number) {
  return db.selectFrom("camp_sessions").selectAll().where("camp_id", "=", campId).where("id", "=", sessionId).executeTakeFirst();
}

export type AssignmentSubject = { courseId: number } | { pathId: number };

/** Assigns a course or path with a due date; a second assignment of the same one moves its due date. */
export async function assign(db: DB, camp: Camp, subject: AssignmentSubject, dueOn: string, actor: Actor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const values = { camp_id: camp.id, due_on: dueOn, course_id: "courseId" in subject ? subject.courseId : null, path_id: "pathId" in subject ? subject.pathId : null };
    await trx
      .insertInto("camp_assignments")
      .values(values)
      .onConflict((oc) => oc.columns(["camp_id", "courseId" in subject ? "course_id" : "path_id"]).doUpdateSet({ due_on: dueOn }))
      .execute();
    await audit(trx, actor, "camp.assigned", camp.campusId, camp.id, { ...subject, dueOn });
  });
}

/** Assignments with their titles and, for each, the courses that make it up (a path: all of its courses). */
export async function listAssignments(db: DB, campId: number) {
  const rows = await db
    .selectFrom("camp_assignments as a")
    .leftJoin("courses", "courses.id", "a.course_id")
    .leftJoin("paths", "paths.id", "a.path_id")
    .select([
      "a.id",
      "a.due_on as dueOn",
      "a.course_id as courseId",
      "a.path_id as pathId",
      "courses.slug as courseSlug",
      "paths.slug as pathSlug",
      sql<string>`coalesce(courses.title, paths.title)`.as("title"),
      sql<number[]>`case when a.course_id is not null then array[a.course_id] else coalesce((select array_agg(pc.course_id order by pc.position) from path_courses pc where pc.path_id = a.path_id), '{}') end`.as("courseIds"),
    ])
    .where("a.camp_id", "=", campId)
    .orderBy("a.due_on")
    .orderBy("a.id")
    .execute();
  return rows.map((r) => ({ ...r, href: r.courseSlug ? `/courses/${r.courseSlug}` : `/paths/${r.pathSlug}` }));
}
export type Assignment = Awaited<ReturnType<typeof listAssignments>>[number];

function audit(trx: DB, actor: Actor, action: string, campusId: number, campId: number, details: Record<string, unknown>) {
  return writeAudit(trx, { actorId: actor.id, action, campusId, targetType: "camp", targetId: campId, details, ip: actor.ip });
}

/** Courses (with a published lesson) and paths a camp may assign, for one select. */
export async function assignableSubjects(db: DB) {
  const [courses, paths] = await Promise.all([
    db
      .selectFrom("courses")
      .innerJoin("campuses", "campuses.id", "courses.campus_id")
      .select(["courses.id", "courses.title", "campuses.short_name as campus"])
      .where("courses.archived_at", "is", null)
      .where(({ exists, selectFrom }) =>
        exists(selectFrom("lessons").whereRef("lessons.course_id", "=", "courses.id").where("lessons.published_version_id", "is not", null).select("lessons.id")),
      )
      .orderBy("campuses.sort_order")
      .orderBy("courses.sort_order")
      .execute(),
    db.selectFrom("paths").select(["id", "title"]).where("archived_at", "is", null).orderBy("sort_order").execute(),
  ]);
  return [
    ...paths.map((p) => ({ value: `path:${p.id}`, label: t.camps.pathSubject(p.title) })),
    ...courses.map((c) => ({ value: `course:${c.id}`, label: `${c.campus} · ${c.title}` })),
  ];
}

/** Registered users among these ids who are not yet members (what an import confirm may add). */
export async function importableUsers(db: DB, campId: number, userIds: number[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom("users")
    .select("users.id")
    .where("users.id", "in", userIds)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom("camp_members").whereRef("camp_members.user_id", "=", "users.id").where("camp_members.camp_id", "=", campId).select("camp_members.user_id"))))
    .execute();
}
