import { sql } from "kysely";
import type { DB } from "../../db/client";

/**
 * Login attempt limits, counted in Postgres so they hold across every app process.
 *
 * Each attempt first *claims* a slot (an atomic upsert that returns the new count), then the
 * password is checked. Claiming before checking means 100 parallel guesses cannot all slip in
 * under the limit. A successful login clears the account's counter and gives back its IP slot.
 */

export const LOGIN_LIMITS = {
  /** Wrong passwords for one phone number before it is locked for the rest of the window. */
  phone: { max: 5, windowMinutes: 15 },
  /** Attempts from one IP address (many people can share one, e.g. a community centre's Wi-Fi). */
  ip: { max: 30, windowMinutes: 15 },
} as const;

export type ThrottleResult = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export async function claimLoginAttempt(db: DB, phone: string, ip: string): Promise<ThrottleResult> {
  const results = [
    await claimAttempt(db, `phone:${phone}`, LOGIN_LIMITS.phone.max, LOGIN_LIMITS.phone.windowMinutes),
    await claimAttempt(db, `ip:${ip}`, LOGIN_LIMITS.ip.max, LOGIN_LIMITS.ip.windowMinutes),
  ];
  const waits = results.flatMap((r) => (r.allowed ? [] : [r.retryAfterMinutes]));
  return waits.length ? { allowed: false, retryAfterMinutes: Math.max(...waits) } : { allowed: true };
}

/** Claims one attempt under `key` (e.g. `checkin:<user>`): refused once more than `max` fall in the window. */
export async function claimAttempt(db: DB, key: string, max: number, windowMinutes: number): Promise<ThrottleResult> {
  const window = sql.raw(`interval '${Math.trunc(windowMinutes)} minutes'`);
  const row = await db
    .insertInto("login_attempts")
    .values({ key, failures: 1, window_started_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql<number>`case when login_attempts.window_started_at < now() - ${window} then 1 else login_attempts.failures + 1 end`,
        window_started_at: sql<Date>`case when login_attempts.window_started_at < now() - ${window} then now() else login_attempts.window_started_at end`,
      }),
    )
    .returning(["failures", sql<number>`extract(epoch from (window_started_at + ${window} - now())) * 1000`.as("msLeft")])
    .executeTakeFirstOrThrow();
  if (row.failures <= max) return { allowed: true };
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(Number(row.msLeft) / 60_000)) };
}

/** Gives a claimed attempt back (it was not a failure). */
export async function releaseAttempt(db: DB, key: string): Promise<void> {
  await db.updateTable("login_attempts").set({ failures: sql`greatest(failures - 1, 0)` }).where("key", "=", key).execute();
}

export async function recordLoginSuccess(db: DB, phone: string, ip: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", `phone:${phone}`).execute();
  await db
    .updateTable("login_attempts")
    .set({ failures: sql`greatest(failures - 1, 0)` })
    .where("key", "=", `ip:${ip}`)
    .execute();
}
