import type { AppLoadContext } from "@remix-run/node";
import { campRoles, getCamp } from "../models/camp.server";
import { hasRole, requireUser } from "./auth.server";
import { t } from "./messages";

/**
 * Who may do what in a camp, checked against the camp's own campus on every loader and action:
 * managers (branch admins of that campus, district admins), instructors (appointed per camp) and
 * members. 404 for a camp that does not exist, 403 for everyone else.
 */

export type CampAccess = "manager" | "staff" | "person";

export async function requireCamp(request: Request, context: AppLoadContext, campIdParam: string | undefined, need: CampAccess) {
  const session = requireUser(request, context);
  const id = /^\d{1,9}$/.test(campIdParam ?? "") ? Number(campIdParam) : null;
  const camp = id === null ? undefined : await getCamp(context.db, id);
  if (!camp) throw new Response(t.camps.notFound, { status: 404 });
  const manager = hasRole(session, "branch_admin", camp.campusId);
  const roles = manager ? { member: false, instructor: false } : await campRoles(context.db, camp.id, session.user.id);
  const allowed = need === "manager" ? manager : need === "staff" ? manager || roles.instructor : manager || roles.instructor || roles.member;
  if (!allowed) throw new Response(t.camps.forbidden, { status: 403 });
  return { session, camp, manager, instructor: roles.instructor, member: roles.member, actor: { id: session.user.id, ip: context.clientIp } };
}
