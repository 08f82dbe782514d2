import type { DB } from "../../db/client";

/** What a queued completion's id looks like (the client's randomUUID, or its fallback). */
export const QUEUED_ID = /^[A-Za-z0-9-]{8,64}$/;

/**
 * Records that the queued completion `id` has arrived. False when it had arrived before: this copy
 * is a replay (a second tab, or a reply lost on the way back). Called after the completion itself,
 * which is idempotent: a crash in between only means the next copy completes nothing new and is
 * recorded then, so no completion is lost and none is counted twice.
 */
export async function recordArrival(db: DB, id: string): Promise<boolean> {
  const inserted = await db.insertInto("offline_replays").values({ id }).onConflict((oc) => oc.column("id").doNothing()).returning("id").executeTakeFirst();
  return inserted !== undefined;
}
