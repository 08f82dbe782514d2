import type { DB } from "../../db/client";
import type { LearnerIdentity } from "../../db/schema";
import { writeAudit } from "./audit.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { createSession, invalidateUserSessions } from "./session.server";
import { isValidPhone } from "../lib/phone";
import type { ReadingPrefs } from "../lib/reading-prefs";

export interface RegistrationInput {
  phone: string;
  password: string;
  displayName: string;
  identity: LearnerIdentity;
  street: string;
  community: string;
  compound: string;
}

export type RegistrationResult = { ok: true; userId: number } | { ok: false; reason: "phone_taken" };

export async function registerUser(db: DB, input: RegistrationInput): Promise<RegistrationResult> {
  const passwordHash = await hashPassword(input.password);
  const row = await db
    .insertInto("users")
    .values({
      phone: input.phone,
      password_hash: passwordHash,
      display_name: input.displayName,
      identity: input.identity,
      street: input.street,
      community: input.community,
      compound: input.compound,
    })
    // A concurrent registration of the same number loses here instead of failing with 23505.
    .onConflict((oc) => oc.column("phone").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row ? { ok: true, userId: row.id } : { ok: false, reason: "phone_taken" };
}

/** The user id when phone and password match; null otherwise (in about the same time either way). */
export async function verifyLogin(db: DB, phone: string, password: string): Promise<number | null> {
  const user = await db.selectFrom("users").select(["id", "password_hash"]).where("phone", "=", phone).executeTakeFirst();
  if (!user) return verifyAgainstDummy(password).then(() => null);
  return (await verifyPassword(user.password_hash, password)) ? user.id : null;
}

export async function getUserProfile(db: DB, userId: number) {
  return db
    .selectFrom("users")
    .select(["id", "phone", "display_name as displayName", "identity", "street", "community", "compound", "created_at as createdAt"])
    .where("id", "=", userId)
    .executeTakeFirst();
}

export async function findUserByPhone(db: DB, phone: string) {
  // Anything that is not a phone number matches no one, and never reaches the query (a NUL byte
  // there would be a database error, not "not found").
  if (!isValidPhone(phone)) return undefined;
  return db.selectFrom("users").select(["id", "phone", "display_name as displayName"]).where("phone", "=", phone).executeTakeFirst();
}

export async function updateProfile(
  db: DB,
  userId: number,
  input: Pick<RegistrationInput, "displayName" | "identity" | "street" | "community" | "compound">,
): Promise<void> {
  await db
    .updateTable("users")
    .set({
      display_name: input.displayName,
      identity: input.identity,
      street: input.street,
      community: input.community,
      compound: input.compound,
      updated_at: new Date(),
    })
    .where("id", "=", userId)
    .execute();
}

/**
 * Changes the password and ends every session of the user (other phones, other browsers),
 * then opens a fresh one for the browser that made the change.
 */
export async function changePassword(
  db: DB,
  userId: number,
  currentPassword: string,
  newPassword: string,
  ip: string | null,
): Promise<{ ok: true; token: string; expiresAt: Date } | { ok: false }> {
  const user = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, currentPassword))) return { ok: false };
  const newHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    await trx.updateTable("users").set({ password_hash: newHash, updated_at: new Date() }).where("id", "=", userId).execute();
    await invalidateUserSessions(trx, userId);
    await writeAudit(trx, { actorId: userId, action: "user.password_changed", targetType: "user", targetId: userId, ip });
    const session = await createSession(trx, userId);
    return { ok: true as const, ...session };
  });
}

/** 长辈版 / language chosen while logged in: kept on the account, so it follows the learner. */
export async function saveReadingPrefs(db: DB, userId: number, prefs: ReadingPrefs): Promise<void> {
  await db.updateTable("users").set({ elder_mode: prefs.elder, ui_locale: prefs.locale }).where("id", "=", userId).execute();
}
