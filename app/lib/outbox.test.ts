import { describe, expect, it } from "vitest";
import { clearOutboxes, flushOutbox, outboxShrank, queueCompletion, readOutbox } from "./outbox";

/** localStorage as a Map. */
function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    key: (i: number) => [...map.keys()][i] ?? null,
    get length() {
      return map.size;
    },
  };
}

/** navigator.locks, for one page: requests with the same name run one after the other. */
function memoryLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return {
    request: (<T>(name: string, run: () => Promise<T>) => {
      const next = (tails.get(name) ?? Promise.resolve()).then(run, run);
      tails.set(name, next.catch(() => {}));
      return next;
    }) as unknown as LockManager["request"],
  };
}

/** A server that answers each POST with `answer(body)` after a tick, recording what it got. */
function fakeServer(answer: (body: URLSearchParams) => Response | "network-error") {
  const received: URLSearchParams[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    await new Promise((r) => setTimeout(r, 5));
    const body = init.body as URLSearchParams;
    const result = answer(body);
    if (result === "network-error") throw new TypeError("Failed to fetch");
    received.push(body);
    return result;
  }) as unknown as typeof globalThis.fetch;
  return { fetch, received };
}

const lessonA = { course: "chewei-tingche", lesson: "chewei-guishu", title: "小区里的车位和车库归谁" };
const lessonB = { course: "chewei-tingche", lesson: "shouxian-manzu-yezhu", title: "“首先满足业主的需要”怎么理解" };
const ok = () => Response.json({ ok: true, settlement: { lessonCompleted: true } });

describe("the outbox of completions kept on the phone", () => {
  it("keeps one item per lesson, each with its own id, apart per account", () => {
    const storage = memoryStorage();
    const first = queueCompletion(storage, "alice", lessonA);
    expect(queueCompletion(storage, "alice", lessonA)).toEqual(first);
    queueCompletion(storage, "alice", lessonB);
    queueCompletion(storage, "bob", lessonA);
    const alice = readOutbox(storage, "alice");
    expect(alice.map((i) => i.lesson)).toEqual(["chewei-guishu", "shouxian-manzu-yezhu"]);
    expect(new Set(alice.map((i) => i.id)).size).toBe(2);
    expect(readOutbox(storage, "bob")).toHaveLength(1);

    clearOutboxes(storage, "bob");
    expect(readOutbox(storage, "alice")).toEqual([]);
    expect(readOutbox(storage, "bob")).toHaveLength(1);
    storage.setItem("unrelated", "kept");
    clearOutboxes(storage);
    expect([...storage.map.keys()]).toEqual(["unrelated"]);
  });

  it("sends each item once, with its id, and empties the outbox on 2xx", async () => {
    const storage = memoryStorage();
    const item = queueCompletion(storage, "alice", lessonA);
    queueCompletion(storage, "alice", lessonB);
    const server = fakeServer(ok);
    expect(await flushOutbox({ storage, fetch: server.fetch }, "alice", "?")).toEqual({ sent: 2, refused: [], left: 0 });
    expect(server.received.map((b) => b.get("lesson"))).toEqual(["chewei-guishu", "shouxian-manzu-yezhu"]);
    expect(server.received[0]!.get("queued")).toBe(item.id);
    expect(storage.map.size).toBe(0);
  });

  it("drops an item the server had already received (another tab sent it) without counting it again", async () => {
    const storage = memoryStorage();
    queueCompletion(storage, "alice", lessonA);
    const server = fakeServer(() => Response.json({ ok: true, replayed: true, settlement: { lessonCompleted: true } }));
    expect(await flushOutbox({ storage, fetch: server.fetch }, "alice", "?")).toEqual({ sent: 0, refused: [], left: 0 });
    expect(storage.map.size).toBe(0);
  });

  it("keeps everything on a network error or a 5xx, and stops there", async () => {
    for (const failure of ["network-error", new Response("down", { status: 503 })] as const) {
      const storage = memoryStorage();
      queueCompletion(storage, "alice", lessonA);
      queueCompletion(storage, "alice", lessonB);
      const server = fakeServer(() => failure);
      expect(await flushOutbox({ storage, fetch: server.fetch }, "alice", "?")).toEqual({ sent: 0, refused: [], left: 2 });
      expect(readOutbox(storage, "alice")).toHaveLength(2);
    }
  });

  it("drops an item the server refuses (4xx), with the server's reason to show", async () => {
    const storage = memoryStorage();
    queueCompletion(storage, "alice", lessonA);
    queueCompletion(storage, "alice", lessonB);
    const server = fakeServer((body) =>
      body.get("lesson") === lessonA.lesson ? Response.json({ ok: false, error: "请先登录" }, { status: 401 }) : ok(),
    );
    const result = await flushOutbox({ storage, fetch: server.fetch }, "alice", "没有找到这一课");
    expect(result.sent).toBe(1);
    expect(result.refused).toEqual([{ item: expect.objectContaining({ lesson: lessonA.lesson, title: lessonA.title }), reason: "请先登录" }]);
    expect(readOutbox(storage, "alice")).toEqual([]);
  });

  it("two tabs flushing at once send each item once: the second finds the outbox empty", async () => {
    const storage = memoryStorage();
    queueCompletion(storage, "alice", lessonA);
    queueCompletion(storage, "alice", lessonB);
    const server = fakeServer(ok);
    const locks = memoryLocks();
    const [one, two] = await Promise.all([
      flushOutbox({ storage, fetch: server.fetch, locks }, "alice", "?"),
      flushOutbox({ storage, fetch: server.fetch, locks }, "alice", "?"),
    ]);
    expect(server.received).toHaveLength(2);
    expect(one.sent + two.sent).toBe(2);

    // Without the lock both would have sent both (harmless to the server, which counts a lesson once, but wasteful).
    queueCompletion(storage, "alice", lessonA);
    const unlocked = fakeServer(ok);
    await Promise.all([flushOutbox({ storage, fetch: unlocked.fetch }, "alice", "?"), flushOutbox({ storage, fetch: unlocked.fetch }, "alice", "?")]);
    expect(unlocked.received).toHaveLength(2);
  });

  it("tells another tab when items left the outbox, for this account only", () => {
    const before = JSON.stringify([{ id: "1" }, { id: "2" }]);
    expect(outboxShrank({ key: "academy-outbox:alice", oldValue: before, newValue: JSON.stringify([{ id: "2" }]) }, "alice")).toBe(true);
    expect(outboxShrank({ key: "academy-outbox:alice", oldValue: before, newValue: null }, "alice")).toBe(true);
    expect(outboxShrank({ key: "academy-outbox:alice", oldValue: null, newValue: before }, "alice")).toBe(false);
    expect(outboxShrank({ key: "academy-outbox:bob", oldValue: before, newValue: null }, "alice")).toBe(false);
    expect(outboxShrank({ key: "academy-outbox:alice", oldValue: "not json", newValue: null }, "alice")).toBe(false);
  });
});
