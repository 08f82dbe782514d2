import { sql } from "kysely";
import type { DB } from "../../db/client";
import type { LearnerIdentity } from "../../db/schema";
import { enrolledInScope, inCourses, ofIdentity, type ReportScope } from "./report-scope.server";

/**
 * Learners for admins: a searchable list of the scope's learners, and one learner's record. A
 * branch admin sees only learners of their campuses (enrolled in one of its courses, or a member of
 * one of its camps) and, for them, only their campuses' rows.
 */

export interface LearnerRow {
  id: number;
  name: string;
  phone: string;
  identity: LearnerIdentity;
  street: string;
  community: string;
  compound: string;
  enrolled: number;
  completed: number;
  studySeconds: number;
  certificates: number;
}

export async function listLearners(db: DB, scope: ReportScope, options: { q?: string; limit?: number; offset?: number } = {}) {
  const q = options.q?.trim() ?? "";
  const search = q === "" ? sql`true` : sql`(strpos(u.display_name, ${q}) > 0 or strpos(u.phone, ${q}) > 0)`;
  const limit = options.limit === undefined ? sql`` : sql`limit ${options.limit} offset ${options.offset ?? 0}`;
  const { rows } = await sql<LearnerRow>`
    select u.id, u.display_name as name, u.phone, u.identity, u.street, u.community, u.compound,
      (select count(*)::int from enrolments e where e.user_id = u.id and ${inCourses(scope, sql`e.course_id`)}) as enrolled,
      (select count(e.completed_at)::int from enrolments e where e.user_id = u.id and ${inCourses(scope, sql`e.course_id`)}) as completed,
      (select coalesce(sum(p.study_seconds), 0)::float8 from lesson_progress p
        where p.user_id = u.id and ${inCourses(scope, sql`p.course_id`)}) as "studySeconds",
      (select count(*)::int from certificates c where c.user_id = u.id and c.course_id is not null
        and ${inCourses(scope, sql`c.course_id`)}) as certificates
    from users u
    where ${ofIdentity(scope, sql`u.identity`)} and ${enrolledInScope(scope, sql`u.id`)} and ${search}
    order by u.id desc ${limit}`.execute(db);
  return rows;
}

/** Null when the learner does not exist or is outside the scope (a branch admin's campuses). */
export async function learnerRecord(db: DB, scope: ReportScope, userId: number) {
  const campusOk =
    scope.campusIds === null
      ? sql`true`
      : sql`(${enrolledInScope(scope, sql`u.id`)} or exists (select 1 from camp_members m join camps on camps.id = m.camp_id
          where m.user_id = u.id and camps.campus_id = any(${sql.val(scope.campusIds)}::int[])))`;
  const person = (
    await sql<{ id: number; name: string; phone: string; identity: LearnerIdentity; street: string; community: string; compound: string; createdAt: Date }>`
      select u.id, u.display_name as name, u.phone, u.identity, u.street, u.community, u.compound, u.created_at as "createdAt"
      from users u where u.id = ${userId} and ${campusOk}`.execute(db)
  ).rows[0];
  if (!person) return null;

  const campCampuses = scope.campusIds === null ? sql`true` : sql`camps.campus_id = any(${sql.val(scope.campusIds)}::int[])`;
  const [courses, attempts, attendance, certificates] = await Promise.all([
    sql<{ id: number; slug: string; title: string; campus: string; enrolledAt: Date; completedAt: Date | null; lessons: number; done: number; studySeconds: number }>`
      select c.id, c.slug, c.title, campuses.short_name as campus, e.enrolled_at as "enrolledAt", e.completed_at as "completedAt",
        (select count(*)::int from lessons l where l.course_id = c.id and l.archived_at is null and l.published_version_id is not null) as lessons,
        (select count(p.completed_at)::int from lesson_progress p where p.user_id = e.user_id and p.course_id = c.id) as done,
        (select coalesce(sum(p.study_seconds), 0)::float8 from lesson_progress p where p.user_id = e.user_id and p.course_id = c.id) as "studySeconds"
      from enrolments e join courses c on c.id = e.course_id join campuses on campuses.id = c.campus_id
      where e.user_id = ${userId} and ${inCourses(scope, sql`c.id`)}
      order by e.enrolled_at desc`.execute(db),
    sql<{ id: string; course: string; lesson: string; score: number; passed: boolean; createdAt: Date }>`
      select a.id::text, c.title as course, v.title as lesson, a.score, a.passed, a.created_at as "createdAt"
      from quiz_attempts a join lessons l on l.id = a.lesson_id join courses c on c.id = l.course_id
        join lesson_versions v on v.id = a.lesson_version_id
      where a.user_id = ${userId} and ${inCourses(scope, sql`c.id`)}
      order by a.created_at desc limit 30`.execute(db),
    sql<{ camp: string; date: string; topic: string; method: "code" | "manual" }>`
      select camps.name as camp, s.date, s.topic, a.method
      from camp_attendance a join camp_sessions s on s.id = a.session_id join camps on camps.id = s.camp_id
      where a.user_id = ${userId} and ${campCampuses}
      order by s.date desc`.execute(db),
    sql<{ code: string; title: string; hours: string; issuedAt: Date }>`
      select cert.code, cert.title, cert.hours::text as hours, cert.issued_at as "issuedAt"
      from certificates cert left join courses c on c.id = cert.course_id left join camps on camps.id = cert.camp_id
      where cert.user_id = ${userId} and (
        (cert.course_id is not null and ${inCourses(scope, sql`cert.course_id`)})
        or (cert.camp_id is not null and ${campCampuses})
        or (cert.path_id is not null and ${scope.campusIds === null ? sql`true` : sql`false`}))
      order by cert.issued_at desc`.execute(db),
  ]);
  return { person, courses: courses.rows, attempts: attempts.rows, attendance: attendance.rows, certificates: certificates.rows };
}

export type LearnerRecord = NonNullable<Awaited<ReturnType<typeof learnerRecord>>>;
