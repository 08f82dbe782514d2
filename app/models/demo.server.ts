import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { DB } from "../../db/client";
import { hashPassword } from "./password.server";
import { grantRole } from "./role.server";

/**
 * Demo accounts for the embedded default only (server.ts never calls this with DATABASE_URL).
 * Passwords are random per data folder and kept in <DATA_DIR>/demo-accounts.json so the start-up
 * banner can show them again on the next start.
 */

export interface DemoAccount {
  label: string;
  phone: string;
  password: string;
}

const accounts = [
  { label: "学员", phone: "13800000001", name: "演示学员", role: null },
  { label: "分学院管理员（大关分学院）", phone: "13800000002", name: "演示分院管理员", role: "branch_admin" },
  { label: "区级管理员", phone: "13800000003", name: "演示区级管理员", role: "district_admin" },
] as const;

export async function ensureDemoAccounts(db: DB, dataDir: string): Promise<DemoAccount[]> {
  const file = path.join(dataDir, "demo-accounts.json");
  if (existsSync(file)) {
    const saved = JSON.parse(readFileSync(file, "utf8")) as DemoAccount[];
    const found = await db
      .selectFrom("users")
      .select("phone")
      .where(
        "phone",
        "in",
        saved.map((a) => a.phone),
      )
      .execute();
    if (found.length === accounts.length) return saved;
  }

  const daguan = await db.selectFrom("campuses").select("id").where("slug", "=", "daguan").executeTakeFirst();
  const result: DemoAccount[] = [];
  for (const account of accounts) {
    const password = randomBytes(6).toString("base64url");
    const passwordHash = await hashPassword(password);
    const user = await db
      .insertInto("users")
      .values({
        phone: account.phone,
        password_hash: passwordHash,
        display_name: account.name,
        identity: account.role ? "social_worker" : "committee_candidate",
        street: "大关街道",
        community: "演示社区",
        compound: "演示小区",
      })
      .onConflict((oc) => oc.column("phone").doUpdateSet({ password_hash: passwordHash }))
      .returning("id")
      .executeTakeFirstOrThrow();
    if (account.role === "district_admin") {
      await grantRole(db, { actorId: null, userId: user.id, role: "district_admin", campusId: null });
    } else if (account.role === "branch_admin" && daguan) {
      await grantRole(db, { actorId: null, userId: user.id, role: "branch_admin", campusId: daguan.id });
    }
    result.push({ label: account.label, phone: account.phone, password });
  }
  writeFileSync(file, JSON.stringify(result, null, 2), { mode: 0o600 });
  return result;
}
