import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { CompiledQuery, sql } from "kysely";
import type { DB } from "../../db/client";
import type { GrantedRole, LearnerIdentity } from "../../db/schema";
import type { PrefChoices } from "../lib/reading-prefs";

/**
 * Sessions as in Lucia's session guide: a random token lives only in the cookie; the database
 * stores sha256(token) as the session id, so a leaked table cannot be replayed. Expiry slides:
 * a session used in its last 15 days is extended to 30 days from now.
 */

export const SESSION_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;
const REFRESH_WHEN_LEFT_MS = 15 * 24 * 60 * 60 * 1000;

export interface SessionUser {
  id: number;
  phone: string;
  displayName: string;
  identity: LearnerIdentity;
  /** 长辈版 and language as chosen on the account (null where never chosen). */
  prefs: PrefChoices;
}

export interface RoleGrantRef {
  role: GrantedRole;
  campusId: number | null;
}

export interface ValidSession {
  sessionId: string;
  expiresAt: Date;
  /** True when this validation extended the expiry: the cookie must be sent again. */
  extended: boolean;
  user: SessionUser;
  grants: RoleGrantRef[];
}

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(db: DB, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const token = generateSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_LIFETIME_MS);
  await db.insertInto("sessions").values({ id: sessionIdFromToken(token), user_id: userId, expires_at: expiresAt }).execute();
  return { token, expiresAt };
}

function sessionQuery(db: DB, sessionId: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId",
      "sessions.expires_at as expiresAt",
      "users.id as userId",
      "users.phone",
      "users.display_name as displayName",
      "users.identity",
      "users.elder_mode as elderMode",
      "users.ui_locale as uiLocale",
      sql<RoleGrantRef[]>`(
        select coalesce(json_agg(json_build_object('role', g.role, 'campusId', g.campus_id)), '[]'::json)
        from role_grants g where g.user_id = users.id
      )`.as("grants"),
    ])
    .where("sessions.id", "=", sessionId);
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>["executeTakeFirst"]>>;
const compiledSessionQuery = new WeakMap<DB, string>();

/**
 * Every request runs this query, so its SQL is built once per database handle and reused with
 * the new id (building and compiling it each time was a measurable share of a progress write).
 */
async function findSession(db: DB, sessionId: string): Promise<SessionRow> {
  let text = compiledSessionQuery.get(db);
  if (text === undefined) {
    text = sessionQuery(db, "").compile().sql;
    compiledSessionQuery.set(db, text);
  }
  const result = await db.executeQuery<NonNullable<SessionRow>>(CompiledQuery.raw(text, [sessionId]));
  return result.rows[0];
}

/**
 * The session id a token names, not yet checked against the database. Tokens we issue are 32
 * base32 characters; anything else cannot match and is not worth a query.
 */
export function claimedSessionId(token: string): string | null {
  return /^[a-z2-7]{32}$/.test(token) ? sessionIdFromToken(token) : null;
}

export async function validateSessionToken(db: DB, token: string): Promise<ValidSession | null> {
  const sessionId = claimedSessionId(token);
  if (!sessionId) return null;
  const row = await findSession(db, sessionId);
  if (!row) return null;

  const now = Date.now();
  if (row.expiresAt.getTime() <= now) {
    await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
    return null;
  }
  let expiresAt = row.expiresAt;
  let extended = false;
  if (expiresAt.getTime() - now < REFRESH_WHEN_LEFT_MS) {
    expiresAt = new Date(now + SESSION_LIFETIME_MS);
    extended = true;
    await db.updateTable("sessions").set({ expires_at: expiresAt }).where("id", "=", sessionId).execute();
  }
  return {
    sessionId,
    expiresAt,
    extended,
    user: {
      id: row.userId,
      phone: row.phone,
      displayName: row.displayName,
      identity: row.identity,
      prefs: { elder: row.elderMode, locale: row.uiLocale },
    },
    grants: row.grants,
  };
}

export async function invalidateSession(db: DB, sessionId: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", sessionId).execute();
}

export async function invalidateUserSessions(db: DB, userId: number): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}
