import { createHash, randomBytes } from "node:crypto";
import sharp, { type OutputInfo } from "sharp";
import type { DB } from "../../db/client";
import type { MediaType } from "../../db/schema";
import { sniffImageType } from "../lib/image-type";
import { writeAudit } from "./audit.server";
import type { Actor } from "./lesson-authoring.server";

/**
 * Images for lessons, stored in Postgres (the app keeps no files: any process serves any image).
 * Every upload is decoded and re-encoded: what is served is pixels we wrote, never the uploaded
 * bytes — no polyglot files, no EXIF (phone photos carry the place they were taken).
 */

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
/** Decoding a tiny file can still allocate gigabytes ("pixel bombs"): refuse before decoding. */
const MAX_INPUT_PIXELS = 40_000_000;
/** Wider images are scaled down: a lesson column is never wider, and phones pay for every byte. */
const MAX_WIDTH = 1600;

export type StoreResult =
  | { ok: true; id: string; width: number; height: number; type: MediaType }
  | { ok: false; reason: "type" | "size" | "broken" | "empty" };

const formats = { "image/jpeg": "jpeg", "image/png": "png", "image/webp": "webp" } as const;

export async function storeImage(db: DB, input: { campusId: number; bytes: Uint8Array; name: string }, actor: Actor): Promise<StoreResult> {
  if (input.bytes.length === 0) return { ok: false, reason: "empty" };
  if (input.bytes.length > MAX_IMAGE_BYTES) return { ok: false, reason: "size" };
  const type = sniffImageType(input.bytes);
  if (!type) return { ok: false, reason: "type" };

  let output: { data: Buffer; info: OutputInfo };
  try {
    output = await sharp(input.bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" })
      .rotate() // honours the EXIF orientation before the metadata is dropped
      .resize({ width: MAX_WIDTH, withoutEnlargement: true })
      .toFormat(formats[type], type === "image/png" ? { compressionLevel: 9 } : { quality: 82 })
      .toBuffer({ resolveWithObject: true });
  } catch {
    return { ok: false, reason: "broken" };
  }

  const id = randomBytes(12).toString("base64url");
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("media")
      .values({
        id,
        campus_id: input.campusId,
        uploaded_by: actor.id,
        content_type: type,
        bytes: output.data,
        byte_size: output.data.length,
        width: output.info.width,
        height: output.info.height,
        sha256: createHash("sha256").update(output.data).digest("hex"),
        original_name: input.name.slice(0, 200),
      })
      .execute();
    await writeAudit(trx, {
      actorId: actor.id,
      action: "media.uploaded",
      campusId: input.campusId,
      targetType: "media",
      targetId: id,
      details: { name: input.name.slice(0, 200), bytes: output.data.length },
      ip: actor.ip,
    });
  });
  return { ok: true, id, width: output.info.width, height: output.info.height, type };
}

export async function getMedia(db: DB, id: string) {
  return db.selectFrom("media").select(["bytes", "content_type as type", "sha256"]).where("id", "=", id).executeTakeFirst();
}

export async function listCampusMedia(db: DB, campusIds: number[] | null, limit = 60) {
  let query = db
    .selectFrom("media")
    .select(["id", "original_name as name", "width", "height", "byte_size as size", "created_at as createdAt", "campus_id as campusId"])
    .orderBy("created_at", "desc")
    .limit(limit);
  if (campusIds !== null) query = query.where("campus_id", "in", campusIds.length ? campusIds : [-1]);
  return query.execute();
}
