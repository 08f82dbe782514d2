import type { MediaType } from "../../db/schema";

/**
 * The type of an upload, from its first bytes (never from its name or the browser's claim):
 * JPEG FF D8 FF, PNG's 8-byte signature, WebP "RIFF....WEBP". Anything else is refused.
 */
export function sniffImageType(bytes: Uint8Array): MediaType | null {
  const at = (offset: number, ...expected: number[]) => expected.every((b, i) => bytes[offset + i] === b);
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return "image/webp";
  return null;
}
