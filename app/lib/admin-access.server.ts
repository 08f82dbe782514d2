import type { AppLoadContext } from "@remix-run/node";
import { getCourseForAdmin } from "../models/admin-course.server";
import { getLessonForEditor } from "../models/lesson-authoring.server";
import { hasRole, requireRole } from "./auth.server";
import { t } from "./messages";

/**
 * The first line of every admin loader and action that names a course or lesson: the record is
 * looked up, and the session checked against the campus the record belongs to — whatever campus a
 * form or address claims. 404 for ids that do not exist, 403 for another campus's records.
 */

function idParam(value: string | undefined): number | null {
  return /^\d{1,9}$/.test(value ?? "") ? Number(value) : null;
}

export async function requireCourseAdmin(request: Request, context: AppLoadContext, courseIdParam: string | undefined) {
  const session = requireRole(request, context, "branch_admin");
  const id = idParam(courseIdParam);
  const course = id === null ? undefined : await getCourseForAdmin(context.db, id);
  if (!course) throw new Response(t.admin.courseNotFound, { status: 404 });
  if (!hasRole(session, "branch_admin", course.campusId)) throw new Response(t.admin.forbidden, { status: 403 });
  return { session, course, actor: { id: session.user.id, ip: context.clientIp } };
}

export async function requireLessonAdmin(request: Request, context: AppLoadContext, lessonIdParam: string | undefined) {
  const session = requireRole(request, context, "branch_admin");
  const id = idParam(lessonIdParam);
  const lesson = id === null ? undefined : await getLessonForEditor(context.db, id);
  if (!lesson) throw new Response(t.authoring.lessonNotFound, { status: 404 });
  if (!hasRole(session, "branch_admin", lesson.campusId)) throw new Response(t.admin.forbidden, { status: 403 });
  return { session, lesson, actor: { id: session.user.id, ip: context.clientIp } };
}

/** Content-library courses are read-only in the browser: writes to them are refused with 403. */
export function refuseIfReadOnly(origin: string) {
  if (origin !== "admin") throw new Response(t.authoring.errors.readOnly, { status: 403 });
}
