import { redirect } from "@remix-run/node";
import type { AppLoadContext } from "@remix-run/node";
import type { DB } from "../../db/client";
import type { GrantedRole } from "../../db/schema";
import { claimedSessionId, createSession, invalidateSession, type ValidSession, validateSessionToken } from "../models/session.server";
import { t } from "./messages";
import { clearSessionCookie, readSessionToken, sessionCookie } from "./session-cookie.server";

/**
 * Guards for loaders and actions. Each is meant to be the first line:
 *   const session = await requireUser(request, context);
 *   await requireRole(request, context, "branch_admin", campus.id);
 * They throw: a redirect to /login for anonymous visitors, a 403 for the wrong role.
 */

/**
 * Actions that check the session inside their own database statement: server.ts does not look the
 * session up first for these (context.session is null) and passes the id the cookie claims
 * instead (context.claimedSessionId). Only 完成本课, the hottest write: one round trip, not two.
 * A session within days of expiring is not extended by these; the next page view extends it.
 */
const SELF_AUTHENTICATING = new Set(["POST /learn/progress"]);

export function checksOwnSession(method: string, path: string): boolean {
  return SELF_AUTHENTICATING.has(`${method} ${path}`);
}

/** The session id the cookie claims, unchecked (for checksOwnSession requests). */
export function sessionIdClaimedBy(cookieHeader: string | undefined): string | null {
  const token = readSessionToken(cookieHeader);
  return token ? claimedSessionId(token) : null;
}

/** Validates the cookie once per request (called by server.ts); returns a Set-Cookie to send when the expiry slid. */
export async function resolveRequestSession(
  db: DB,
  cookieHeader: string | undefined,
  secureCookies: boolean,
): Promise<{ session: ValidSession | null; refreshCookie: string | null }> {
  const token = readSessionToken(cookieHeader);
  if (!token) return { session: null, refreshCookie: null };
  const session = await validateSessionToken(db, token);
  const refreshCookie = session?.extended ? sessionCookie(token, session.expiresAt, secureCookies) : null;
  return { session, refreshCookie };
}

export function requireUser(request: Request, context: AppLoadContext): ValidSession {
  if (context.session) return context.session;
  const url = new URL(request.url);
  const redirectTo = `${url.pathname}${url.search}`;
  throw redirect(`/login?redirectTo=${encodeURIComponent(redirectTo)}`);
}

export function requireAnonymous(context: AppLoadContext): void {
  if (context.session) throw redirect("/profile");
}

/**
 * district_admin may do anything; branch_admin only for its own campus. With no campusId,
 * "is branch admin of at least one campus" is enough (e.g. the admin home page).
 */
export function hasRole(session: ValidSession | null, role: GrantedRole, campusId?: number): boolean {
  if (!session) return false;
  if (session.grants.some((g) => g.role === "district_admin")) return true;
  if (role === "district_admin") return false;
  return session.grants.some((g) => g.role === role && (campusId === undefined || g.campusId === campusId));
}

export function requireRole(request: Request, context: AppLoadContext, role: GrantedRole, campusId?: number): ValidSession {
  const session = requireUser(request, context);
  if (!hasRole(session, role, campusId)) {
    throw new Response(t.admin.forbidden, { status: 403, statusText: "Forbidden" });
  }
  return session;
}

/** Campuses a session may administer: all (null) for district admins, else its branch grants. */
export function administeredCampusIds(session: ValidSession): number[] | null {
  if (session.grants.some((g) => g.role === "district_admin")) return null;
  return session.grants.filter((g) => g.role === "branch_admin" && g.campusId !== null).map((g) => g.campusId as number);
}

/** Only same-site paths: "/profile" yes, "//evil.example" and "https://…" no. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // Through the URL parser: what comes out is percent-encoded ASCII with no line breaks, so it is
  // a valid Location header (Chinese or CR/LF in the address would make the redirect throw).
  const base = "http://academy.invalid";
  const url = new URL(to, base);
  if (url.origin !== base) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Sent when the account on this browser changes (log in, register, log out): phones are shared,
 * and the pages the service worker saved for offline reading, and completions waiting to be sent,
 * belong to the account before. "storage" also removes the service worker; the next page
 * registers it again. Not "cookies": that would remove the session cookie being set.
 */
const FORGET_OFFLINE_DATA = { "Clear-Site-Data": '"cache", "storage"' };

/** A fresh session (never the one the browser came with) and a redirect that sets its cookie. */
export async function logIn(context: AppLoadContext, userId: number, redirectTo: string): Promise<Response> {
  if (context.session) await invalidateSession(context.db, context.session.sessionId);
  const { token, expiresAt } = await createSession(context.db, userId);
  return redirect(redirectTo, { headers: { "Set-Cookie": sessionCookie(token, expiresAt, context.secureCookies), ...FORGET_OFFLINE_DATA } });
}

export async function logOut(context: AppLoadContext, redirectTo = "/"): Promise<Response> {
  if (context.session) await invalidateSession(context.db, context.session.sessionId);
  return redirect(redirectTo, { headers: { "Set-Cookie": clearSessionCookie(context.secureCookies), ...FORGET_OFFLINE_DATA } });
}
