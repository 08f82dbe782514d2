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
  const checks = [
    { key: `phone:${phone}`, ...LOGIN_LIMITS.phone },
    { key: `ip:${ip}`, ...LOGIN_LIMITS.ip },
  ];
  let waitMs = 0;
  for (const { key, max, windowMinutes } of checks) {
    const window = sql.raw(`interval '${windowMinutes} minutes'`);
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
    if (row.failures > max) waitMs = Math.max(waitMs, Number(row.msLeft));
  }
  if (waitMs > 0) return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(waitMs / 60_000)) };
  return { allowed: true };
}

export async function recordLoginSuccess(db: DB, phone: string, ip: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", `phone:${phone}`).execute();
  await db
    .updateTable("login_attempts")
    .set({ failures: sql`greatest(failures - 1, 0)` })
    .where("key", "=", `ip:${ip}`)
    .execute();
}
