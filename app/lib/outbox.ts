/**
 * The phone's outbox of 完成本课 pressed without a network (issue 10, item 3). Browser-side only.
 *
 * Kept in localStorage, one key per account (never the phone number: the root loader's
 * accountKey), so a completion queued by one learner can never be sent with another learner's
 * cookie on a shared phone. Sending is exactly-once in effect: the server's finishLesson is
 * idempotent for the same learner and lesson (an upsert that only moves forward, see
 * progress.server.ts), and a Web Lock keeps two tabs from sending the same item at once anyway.
 * An item leaves the outbox only when the server answered: 2xx (done) or 4xx (refused, shown).
 */

export interface QueuedCompletion {
  /** Made on the phone; sent along, so a server log line can be matched to the phone's item. */
  id: string;
  course: string;
  lesson: string;
  /** The lesson's title, for the message when the server refuses it. */
  title: string;
  queuedAt: number;
}

type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem" | "key" | "length">;

export interface OutboxDeps {
  storage: KeyValueStore;
  fetch: typeof fetch;
  /** navigator.locks; absent in old browsers (then two tabs may both send: harmless, see above). */
  locks?: Pick<LockManager, "request">;
}

const PREFIX = "academy-outbox:";
const keyOf = (account: string) => `${PREFIX}${account}`;

export function readOutbox(storage: KeyValueStore, account: string): QueuedCompletion[] {
  try {
    const items: unknown = JSON.parse(storage.getItem(keyOf(account)) ?? "[]");
    return Array.isArray(items) ? (items as QueuedCompletion[]) : [];
  } catch {
    return [];
  }
}

function writeOutbox(storage: KeyValueStore, account: string, items: QueuedCompletion[]) {
  if (items.length === 0) storage.removeItem(keyOf(account));
  else storage.setItem(keyOf(account), JSON.stringify(items));
  notify();
}

/** Queues a completion; pressing 完成本课 twice for one lesson keeps one item. */
export function queueCompletion(storage: KeyValueStore, account: string, lesson: { course: string; lesson: string; title: string }): QueuedCompletion {
  const items = readOutbox(storage, account);
  const existing = items.find((i) => i.course === lesson.course && i.lesson === lesson.lesson);
  if (existing) return existing;
  const item = { id: newId(), ...lesson, queuedAt: Date.now() };
  writeOutbox(storage, account, [...items, item]);
  return item;
}

/** Every account's outbox (log out), or every one but `keep` (another account logged in). */
export function clearOutboxes(storage: KeyValueStore, keep?: string) {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX) && (keep === undefined || key !== keyOf(keep))) keys.push(key);
  }
  for (const key of keys) storage.removeItem(key);
  if (keys.length > 0) notify();
}

export type SendResult = { kind: "sent" } | { kind: "replayed" } | { kind: "refused"; reason: string } | { kind: "failed" } | { kind: "offline" };

/**
 * One POST to the 完成本课 resource route, as fetch (it answers JSON). "offline" is a network
 * error (no answer at all); "failed" a 5xx (the server is in trouble: try again later).
 */
export async function sendCompletion(
  fetchImpl: typeof fetch,
  item: { course: string; lesson: string; id?: string },
  fallbackReason: string,
): Promise<SendResult> {
  const body = new URLSearchParams({ course: item.course, lesson: item.lesson });
  if (item.id) body.set("queued", item.id);
  let response: Response;
  try {
    response = await fetchImpl("/learn/progress", { method: "POST", body, credentials: "same-origin" });
  } catch {
    return { kind: "offline" };
  }
  if (response.ok) {
    // The server had this id already (another tab sent it first): done, but not news.
    const answer = (await response.json().catch(() => null)) as { replayed?: unknown } | null;
    return answer?.replayed === true ? { kind: "replayed" } : { kind: "sent" };
  }
  if (response.status >= 500) return { kind: "failed" };
  const answer = (await response.json().catch(() => null)) as { error?: unknown } | null;
  return { kind: "refused", reason: typeof answer?.error === "string" ? answer.error : fallbackReason };
}

export interface FlushResult {
  sent: number;
  refused: { item: QueuedCompletion; reason: string }[];
  /** Items left for next time (no network, or the server failed). */
  left: number;
}

/**
 * Sends the account's queued completions, one by one, under a lock shared by every tab: the
 * outbox is read inside the lock, so a second tab waiting for it usually finds the items gone.
 * Usually: each renderer process has its own copy of localStorage, synced a moment late, so the
 * second tab can still see an item the first just sent. The server knows each id (offline_replays)
 * and answers such a copy as a replay, which is dropped without a word: the completion counts once
 * and one tab says so. Stops at the first network failure or 5xx and keeps the rest for later.
 */
export async function flushOutbox(deps: OutboxDeps, account: string, fallbackReason: string): Promise<FlushResult> {
  const run = async (): Promise<FlushResult> => {
    const result: FlushResult = { sent: 0, refused: [], left: 0 };
    for (const item of readOutbox(deps.storage, account)) {
      const answer = await sendCompletion(deps.fetch, item, fallbackReason);
      if (answer.kind === "offline" || answer.kind === "failed") break;
      writeOutbox(
        deps.storage,
        account,
        readOutbox(deps.storage, account).filter((i) => i.id !== item.id),
      );
      if (answer.kind === "sent") result.sent++;
      else if (answer.kind === "refused") result.refused.push({ item, reason: answer.reason });
    }
    result.left = readOutbox(deps.storage, account).length;
    return result;
  };
  return deps.locks ? deps.locks.request(`${PREFIX}${account}`, run) : run();
}

/** A `storage` event saying another tab sent (or dropped) some of this account's items. */
export function outboxShrank(event: Pick<StorageEvent, "key" | "oldValue" | "newValue">, account: string): boolean {
  if (event.key !== keyOf(account)) return false;
  const count = (value: string | null) => {
    try {
      const items: unknown = JSON.parse(value ?? "[]");
      return Array.isArray(items) ? items.length : 0;
    } catch {
      return 0;
    }
  };
  return count(event.newValue) < count(event.oldValue);
}

/** Same-tab change notices (other tabs hear the `storage` event). */
const listeners = new Set<() => void>();
export function subscribeOutbox(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function notify() {
  for (const listener of listeners) listener();
}

function newId(): string {
  // randomUUID needs a secure context; a LAN deployment on plain http has none.
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function" && globalThis.isSecureContext !== false) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
