import { sql } from "kysely";
import type { DB } from "../../db/client";
import { generateCertificateCode } from "../lib/certificate-code";
import { maskName } from "../lib/phone";

export type Subject = { courseId: number } | { pathId: number } | { campId: number };

/**
 * Issues a certificate once per learner and course (or path): a repeat call returns the one
 * already issued. Call inside the transaction that completed the course, after locking the
 * learner's enrolment, so two tabs finishing the last two lessons cannot both miss it.
 */
export async function issueCertificate(trx: DB, userId: number, subject: Subject): Promise<string> {
  const existing = await findIssued(trx, userId, subject);
  if (existing) return existing;
  const facts = await describeSubject(trx, userId, subject);
  // A code collision (1 in ~10^11 per pair) is answered with a fresh code; the unique
  // (user, subject) constraints make a concurrent duplicate impossible.
  for (let attempt = 0; attempt < 5; attempt++) {
    const inserted = await trx
      .insertInto("certificates")
      .values({
        code: generateCertificateCode(),
        user_id: userId,
        course_id: "courseId" in subject ? subject.courseId : null,
        path_id: "pathId" in subject ? subject.pathId : null,
        camp_id: "campId" in subject ? subject.campId : null,
        ...facts,
      })
      .onConflict((oc) => oc.doNothing())
      .returning("code")
      .executeTakeFirst();
    if (inserted) return inserted.code;
    const raced = await findIssued(trx, userId, subject);
    if (raced) return raced;
  }
  throw new Error("could not allocate a certificate code");
}

/** The code of the learner's certificate for a course or path, if issued. */
export async function findIssued(db: DB, userId: number, subject: Subject): Promise<string | undefined> {
  let query = db.selectFrom("certificates").select("code").where("user_id", "=", userId);
  query =
    "courseId" in subject
      ? query.where("course_id", "=", subject.courseId)
      : "pathId" in subject
        ? query.where("path_id", "=", subject.pathId)
        : query.where("camp_id", "=", subject.campId);
  return (await query.executeTakeFirst())?.code;
}

async function describeSubject(db: DB, userId: number, subject: Subject) {
  const user = await db.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirstOrThrow();
  if ("courseId" in subject) {
    const course = await db
      .selectFrom("courses")
      .innerJoin("campuses", "campuses.id", "courses.campus_id")
      .select(["courses.title", "courses.hours", "campuses.name as campusName"])
      .where("courses.id", "=", subject.courseId)
      .executeTakeFirstOrThrow();
    return { holder_name: user.display_name, title: course.title, campus_name: course.campusName, hours: course.hours };
  }
  if ("campId" in subject) {
    const camp = await db
      .selectFrom("camps")
      .innerJoin("campuses", "campuses.id", "camps.campus_id")
      .select(["camps.name", "camps.hours", "campuses.name as campusName"])
      .where("camps.id", "=", subject.campId)
      .executeTakeFirstOrThrow();
    return { holder_name: user.display_name, title: camp.name, campus_name: camp.campusName, hours: camp.hours };
  }
  // A path spans campuses: its certificate is the district academy's, for the sum of its courses' hours.
  const path = await db
    .selectFrom("paths")
    .select([
      "paths.title",
      (eb) =>
        eb
          .selectFrom("path_courses")
          .innerJoin("courses", "courses.id", "path_courses.course_id")
          .whereRef("path_courses.path_id", "=", "paths.id")
          .select(sql<string>`coalesce(sum(courses.hours), 0)`.as("h"))
          .as("hours"),
    ])
    .where("paths.id", "=", subject.pathId)
    .executeTakeFirstOrThrow();
  const main = await db.selectFrom("campuses").select("name").where("kind", "=", "main").executeTakeFirstOrThrow();
  return { holder_name: user.display_name, title: path.title, campus_name: main.name, hours: path.hours ?? "0" };
}

const certificateColumns = [
  "certificates.code",
  "certificates.holder_name as holderName",
  "certificates.title",
  "certificates.campus_name as campusName",
  "certificates.hours",
  "certificates.issued_at as issuedAt",
  "certificates.course_id as courseId",
  "certificates.path_id as pathId",
  "certificates.camp_id as campId",
] as const;

/** What a certificate is for, as its pages name it. */
export function subjectKind(c: { pathId: number | null; campId: number | null }): "course" | "path" | "camp" {
  return c.campId !== null ? "camp" : c.pathId !== null ? "path" : "course";
}

export async function listCertificates(db: DB, userId: number) {
  return db
    .selectFrom("certificates")
    .select(certificateColumns)
    .where("user_id", "=", userId)
    .orderBy("issued_at", "desc")
    .orderBy("id", "desc")
    .execute();
}

/** The holder's own certificate, for printing. */
export async function getOwnCertificate(db: DB, userId: number, code: string) {
  return db.selectFrom("certificates").select(certificateColumns).where("code", "=", code).where("user_id", "=", userId).executeTakeFirst();
}

/** What anyone may see: the name masked (张*明), nothing else personal. */
export async function verifyCertificate(db: DB, code: string) {
  const found = await db
    .selectFrom("certificates")
    .select(["code", "holder_name", "title", "campus_name as campusName", "hours", "issued_at as issuedAt", "path_id as pathId", "camp_id as campId"])
    .where("code", "=", code)
    .executeTakeFirst();
  if (!found) return undefined;
  const { holder_name, ...rest } = found;
  return { ...rest, maskedName: maskName(holder_name), kind: subjectKind(found) };
}
