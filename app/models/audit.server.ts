import type { DB } from "../../db/client";

export interface AuditInput {
  actorId: number | null;
  action: string;
  campusId?: number | null;
  targetType?: string;
  targetId?: string | number;
  details?: Record<string, unknown>;
  ip?: string | null;
}

/** Append to the audit log. Call inside the same transaction as the change it records. */
export async function writeAudit(db: DB, entry: AuditInput): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      campus_id: entry.campusId ?? null,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId === undefined ? null : String(entry.targetId),
      details: JSON.stringify(entry.details ?? {}),
      ip: entry.ip ?? null,
    })
    .execute();
}

export async function listRecentAudit(
  db: DB,
  options: { campusIds?: number[]; limit?: number; action?: string | undefined; beforeId?: string | undefined } = {},
) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_id")
    .leftJoin("campuses", "campuses.id", "audit_log.campus_id")
    .select([
      "audit_log.id",
      "audit_log.action",
      "audit_log.details",
      "audit_log.created_at as createdAt",
      "users.display_name as actorName",
      "campuses.name as campusName",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(options.limit ?? 20);
  if (options.action) query = query.where("audit_log.action", "=", options.action);
  if (options.beforeId) query = query.where("audit_log.id", "<", options.beforeId);
  if (options.campusIds) query = query.where("audit_log.campus_id", "in", options.campusIds.length ? options.campusIds : [-1]);
  return query.execute();
}
