import { createHmac, randomBytes } from "node:crypto";

/**
 * The rotating check-in code an instructor's screen shows: 6 digits from HMAC(session secret,
 * 30-second window). A code is accepted in its own window and the next one, so a member who reads
 * it just before it changes still gets in; after that it is stale.
 */

export const WINDOW_MS = 30_000;

export function newCheckinSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function windowAt(ms: number): number {
  return Math.floor(ms / WINDOW_MS);
}

export function codeFor(secret: string, window: number): string {
  const digest = createHmac("sha256", secret).update(String(window)).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, "0");
}

/** The code to show now, and how many milliseconds until it changes. */
export function currentCode(secret: string, now = Date.now()): { code: string; msLeft: number } {
  const window = windowAt(now);
  return { code: codeFor(secret, window), msLeft: (window + 1) * WINDOW_MS - now };
}

export function isValidCode(secret: string, code: string, now = Date.now()): boolean {
  const window = windowAt(now);
  return code === codeFor(secret, window) || code === codeFor(secret, window - 1);
}
