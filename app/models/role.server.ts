import type { DB } from "../../db/client";
import type { GrantedRole } from "../../db/schema";
import { writeAudit } from "./audit.server";

export interface GrantInput {
  actorId: number | null;
  userId: number;
  role: GrantedRole;
  campusId: number | null;
  ip?: string | null;
  /** Shown in the audit list; the id is kept too. */
  targetName?: string;
}

/** Grants a role and records it in the audit log, in one transaction. False if it was already held. */
export async function grantRole(db: DB, input: GrantInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("role_grants")
      .values({ user_id: input.userId, role: input.role, campus_id: input.campusId, granted_by: input.actorId })
      .onConflict((oc) => oc.doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!row) return false;
    await writeAudit(trx, {
      actorId: input.actorId,
      action: "role.granted",
      campusId: input.campusId,
      targetType: "user",
      targetId: input.userId,
      details: { role: input.role, targetName: input.targetName },
      ip: input.ip ?? null,
    });
    return true;
  });
}

/** Revokes one grant by id and records it. Returns what was revoked, or undefined if it did not exist. */
export async function revokeGrant(db: DB, grantId: number, actorId: number, ip: string | null) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom("role_grants")
      .where("id", "=", grantId)
      .returning(["user_id as userId", "role", "campus_id as campusId"])
      .executeTakeFirst();
    if (!row) return undefined;
    const target = await trx.selectFrom("users").select("display_name").where("id", "=", row.userId).executeTakeFirst();
    await writeAudit(trx, {
      actorId,
      action: "role.revoked",
      campusId: row.campusId,
      targetType: "user",
      targetId: row.userId,
      details: { role: row.role, targetName: target?.display_name },
      ip,
    });
    return { ...row, targetName: target?.display_name ?? "" };
  });
}

export async function getGrant(db: DB, grantId: number) {
  return db
    .selectFrom("role_grants")
    .select(["id", "user_id as userId", "role", "campus_id as campusId"])
    .where("id", "=", grantId)
    .executeTakeFirst();
}

export async function listGrants(db: DB, role: GrantedRole) {
  return db
    .selectFrom("role_grants")
    .innerJoin("users", "users.id", "role_grants.user_id")
    .leftJoin("campuses", "campuses.id", "role_grants.campus_id")
    .select([
      "role_grants.id",
      "role_grants.role",
      "role_grants.campus_id as campusId",
      "role_grants.created_at as createdAt",
      "users.id as userId",
      "users.display_name as displayName",
      "users.phone",
      "campuses.name as campusName",
    ])
    .where("role_grants.role", "=", role)
    .orderBy("campuses.sort_order")
    .orderBy("role_grants.id")
    .execute();
}
