import { describe, expect, it } from "vitest";
import { hasRole } from "../../app/lib/auth.server";
import { listRecentAudit } from "../../app/models/audit.server";
import { claimLoginAttempt, LOGIN_LIMITS, recordLoginSuccess } from "../../app/models/login-throttle.server";
import { grantRole, listGrants, revokeGrant } from "../../app/models/role.server";
import {
  createSession,
  SESSION_LIFETIME_MS,
  sessionIdFromToken,
  validateSessionToken,
} from "../../app/models/session.server";
import { changePassword, registerUser, verifyLogin } from "../../app/models/user.server";
import { createTestDatabase } from "../setup/test-database";

const { db } = await createTestDatabase();

let nextPhone = 13900000000;
async function newUser(password = "correct horse") {
  const phone = String(++nextPhone);
  const result = await registerUser(db, {
    phone,
    password,
    displayName: "张三明",
    identity: "committee_candidate",
    street: "大关街道",
    community: "德胜社区",
    compound: "德胜新村",
  });
  if (!result.ok) throw new Error("registration failed");
  return { phone, password, id: result.userId };
}

describe("registration and login", () => {
  it("stores an argon2id hash, never the password", async () => {
    const user = await newUser("my secret pw");
    const row = await db.selectFrom("users").select("password_hash").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain("my secret pw");
  });

  it("refuses a second account for the same phone number", async () => {
    const user = await newUser();
    const again = await registerUser(db, {
      phone: user.phone,
      password: "another one",
      displayName: "李四",
      identity: "resident",
      street: "x",
      community: "x",
      compound: "x",
    });
    expect(again).toEqual({ ok: false, reason: "phone_taken" });
  });

  it("verifies the right password only", async () => {
    const user = await newUser();
    expect(await verifyLogin(db, user.phone, user.password)).toBe(user.id);
    expect(await verifyLogin(db, user.phone, "wrong password")).toBeNull();
    expect(await verifyLogin(db, "13000000000", user.password)).toBeNull();
  });
});

describe("sessions", () => {
  it("keeps only the sha256 of the token and finds the user by token", async () => {
    const user = await newUser();
    const { token } = await createSession(db, user.id);
    const stored = await db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
    expect(stored.map((s) => s.id)).toEqual([sessionIdFromToken(token)]);
    expect(stored[0]?.id).not.toContain(token);
    const session = await validateSessionToken(db, token);
    expect(session?.user).toMatchObject({ id: user.id, phone: user.phone, displayName: "张三明" });
    expect(session?.grants).toEqual([]);
    expect(await validateSessionToken(db, token.replace(/.$/, (c) => (c === "a" ? "b" : "a")))).toBeNull();
  });

  it("ends an expired session and slides one that is past half its life", async () => {
    const user = await newUser();
    const expired = await createSession(db, user.id);
    await db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("id", "=", sessionIdFromToken(expired.token))
      .execute();
    expect(await validateSessionToken(db, expired.token)).toBeNull();
    expect(await db.selectFrom("sessions").where("id", "=", sessionIdFromToken(expired.token)).select("id").execute()).toEqual([]);

    const old = await createSession(db, user.id);
    await db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() + 24 * 60 * 60 * 1000) })
      .where("id", "=", sessionIdFromToken(old.token))
      .execute();
    const refreshed = await validateSessionToken(db, old.token);
    expect(refreshed?.extended).toBe(true);
    expect(refreshed!.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME_MS - 60_000);
    expect((await validateSessionToken(db, old.token))?.extended).toBe(false);
  });

  it("ends every session when the password changes and opens a new one", async () => {
    const user = await newUser("old password");
    const phoneA = await createSession(db, user.id);
    const phoneB = await createSession(db, user.id);
    expect(await changePassword(db, user.id, "not it", "new password", null)).toEqual({ ok: false });
    expect(await validateSessionToken(db, phoneA.token)).not.toBeNull();

    const changed = await changePassword(db, user.id, "old password", "new password", "127.0.0.1");
    expect(changed.ok).toBe(true);
    expect(await validateSessionToken(db, phoneA.token)).toBeNull();
    expect(await validateSessionToken(db, phoneB.token)).toBeNull();
    if (changed.ok) expect((await validateSessionToken(db, changed.token))?.user.id).toBe(user.id);
    expect(await verifyLogin(db, user.phone, "new password")).toBe(user.id);
  });
});

describe("login attempt limits", () => {
  it(`locks a phone number after ${LOGIN_LIMITS.phone.max} failures and says for how long`, async () => {
    const user = await newUser();
    for (let i = 0; i < LOGIN_LIMITS.phone.max; i++) {
      expect(await claimLoginAttempt(db, user.phone, "10.0.0.1")).toEqual({ allowed: true });
    }
    expect(await claimLoginAttempt(db, user.phone, "10.0.0.2")).toEqual({ allowed: false, retryAfterMinutes: 15 });
  });

  it("holds under concurrent guesses: parallel attempts cannot slip past the limit", async () => {
    const user = await newUser();
    const results = await Promise.all(Array.from({ length: 20 }, () => claimLoginAttempt(db, user.phone, "10.0.1.1")));
    expect(results.filter((r) => r.allowed)).toHaveLength(LOGIN_LIMITS.phone.max);
  });

  it("a successful login clears the account's count", async () => {
    const user = await newUser();
    for (let i = 0; i < LOGIN_LIMITS.phone.max - 1; i++) await claimLoginAttempt(db, user.phone, "10.0.2.1");
    await recordLoginSuccess(db, user.phone, "10.0.2.1");
    for (let i = 0; i < LOGIN_LIMITS.phone.max; i++) {
      expect((await claimLoginAttempt(db, user.phone, "10.0.2.1")).allowed).toBe(true);
    }
  });

  it("limits one IP address across many phone numbers", async () => {
    const ip = "10.0.3.1";
    const outcomes = [];
    for (let i = 0; i <= LOGIN_LIMITS.ip.max; i++) outcomes.push(await claimLoginAttempt(db, `1370000${String(i).padStart(4, "0")}`, ip));
    expect(outcomes.slice(0, LOGIN_LIMITS.ip.max).every((o) => o.allowed)).toBe(true);
    expect(outcomes.at(-1)).toEqual({ allowed: false, retryAfterMinutes: 15 });
  });

  it("starts a new window once the old one has passed", async () => {
    const user = await newUser();
    for (let i = 0; i <= LOGIN_LIMITS.phone.max; i++) await claimLoginAttempt(db, user.phone, "10.0.4.1");
    await db
      .updateTable("login_attempts")
      .set({ window_started_at: new Date(Date.now() - 16 * 60 * 1000) })
      .where("key", "=", `phone:${user.phone}`)
      .execute();
    expect((await claimLoginAttempt(db, user.phone, "10.0.4.1")).allowed).toBe(true);
  });
});

describe("roles", () => {
  it("grants and revokes branch_admin per campus, each in the audit log", async () => {
    const admin = await newUser();
    const target = await newUser();
    const daguan = await db.selectFrom("campuses").select("id").where("slug", "=", "daguan").executeTakeFirstOrThrow();
    const main = await db.selectFrom("campuses").select("id").where("slug", "=", "main").executeTakeFirstOrThrow();

    expect(await grantRole(db, { actorId: admin.id, userId: target.id, role: "branch_admin", campusId: daguan.id, targetName: "张三明" })).toBe(true);
    expect(await grantRole(db, { actorId: admin.id, userId: target.id, role: "branch_admin", campusId: daguan.id })).toBe(false);

    const { token } = await createSession(db, target.id);
    const session = await validateSessionToken(db, token);
    expect(hasRole(session, "branch_admin", daguan.id)).toBe(true);
    expect(hasRole(session, "branch_admin", main.id)).toBe(false);
    expect(hasRole(session, "district_admin")).toBe(false);

    const grant = (await listGrants(db, "branch_admin")).find((g) => g.userId === target.id)!;
    expect(await revokeGrant(db, grant.id, admin.id, "127.0.0.1")).toMatchObject({ userId: target.id, campusId: daguan.id });
    expect(await revokeGrant(db, grant.id, admin.id, "127.0.0.1")).toBeUndefined();

    const audit = await listRecentAudit(db, { campusIds: [daguan.id] });
    expect(audit.map((a) => a.action).slice(0, 2)).toEqual(["role.revoked", "role.granted"]);
    expect(audit[0]?.details).toMatchObject({ role: "branch_admin", targetName: "张三明" });
  });

  it("a district admin passes every campus check", async () => {
    const user = await newUser();
    await grantRole(db, { actorId: null, userId: user.id, role: "district_admin", campusId: null });
    const { token } = await createSession(db, user.id);
    const session = await validateSessionToken(db, token);
    expect(hasRole(session, "district_admin")).toBe(true);
    expect(hasRole(session, "branch_admin", 12345)).toBe(true);
  });

  it("the database refuses a branch grant without a campus", async () => {
    const user = await newUser();
    await expect(grantRole(db, { actorId: null, userId: user.id, role: "branch_admin", campusId: null })).rejects.toMatchObject({
      code: "23514",
    });
  });
});
