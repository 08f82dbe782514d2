import { createHash } from "node:crypto";

/**
 * Names a learner to their own phone's offline store (service worker caches, the outbox of
 * completions) without naming them: a hash of the user id, never the phone number. Stable across
 * logins, so it can tell "another account" from "the same learner again".
 */
export function offlineAccountKey(userId: number): string {
  return createHash("sha256").update(`sanfang-offline-account:${userId}`).digest("base64url").slice(0, 16);
}
