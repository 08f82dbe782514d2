import http from "node:http";
import type { DB } from "../../db/client";
import type { LessonSlugs } from "./bench-fixture";

/**
 * A small load driver for the fault and cluster checks: `connections` loops, each sending one
 * request after another with fetch, every answer recorded (status, when it came, which process
 * answered). autocannon counts; these checks need to know which write was acknowledged and when.
 */

export interface Outcome {
  /** HTTP status, or 0 when no answer came (connection refused or reset, time-out). */
  status: number;
  /** Milliseconds since the run started: when the request was sent, and when its answer ended. */
  sentAt: number;
  doneAt: number;
  /** X-Academy-Instance of the process that answered, if any. */
  instance: string | null;
  error?: string;
}

export interface Tally {
  requests: number;
  ok_2xx: number;
  redirects_3xx: number;
  status_503: number;
  status_500: number;
  other_status: number;
  connection_errors: number;
}

export function emptyTally(): Tally {
  return { requests: 0, ok_2xx: 0, redirects_3xx: 0, status_503: 0, status_500: 0, other_status: 0, connection_errors: 0 };
}

export function addTo(tally: Tally, outcome: Outcome): void {
  const { status } = outcome;
  tally.requests++;
  if (status === 0) tally.connection_errors++;
  else if (status < 300) tally.ok_2xx++;
  else if (status < 400) tally.redirects_3xx++;
  else if (status === 503) tally.status_503++;
  else if (status === 500) tally.status_500++;
  else tally.other_status++;
}

/** Requests answered by each process (X-Academy-Instance), counted as they come. */
export function countInstance(counts: Record<string, number>, outcome: Outcome): void {
  const key = outcome.instance ?? (outcome.status === 0 ? "(no answer)" : "(no header)");
  counts[key] = (counts[key] ?? 0) + 1;
}

/** "app-1 120，app-2 118" */
export function formatInstances(counts: Record<string, number>): string {
  return Object.entries(counts)
    .map(([name, n]) => `${name} ${n}`)
    .join("，");
}

export interface Send {
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

// node:http rather than fetch: on this 2-core machine the driver shares the CPU with the app and
// PostgreSQL, and fetch costs about twice as much per request.
const agent = new http.Agent({ keepAlive: true });

/** One request, its body read to the end (so the connection is reused), never throwing. */
export function send(
  baseUrl: string,
  started: number,
  request: Send,
  options: { timeoutMs?: number; text?: boolean } = {},
): Promise<Outcome & { location: string | null; setCookie: string[]; text: string }> {
  const sentAt = performance.now() - started;
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers["content-length"] = String(Buffer.byteLength(request.body));
  return new Promise((resolve) => {
    const failed = (error: Error & { code?: string }) =>
      resolve({ status: 0, sentAt, doneAt: performance.now() - started, instance: null, location: null, setCookie: [], text: "", error: error.code ?? error.message });
    const req = http.request(baseUrl + request.path, { method: request.method ?? "GET", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => {
        if (options.text) chunks.push(chunk);
      });
      res.on("error", failed);
      res.on("end", () => {
        const header = (name: string) => {
          const value = res.headers[name];
          return typeof value === "string" ? value : null;
        };
        resolve({
          status: res.statusCode ?? 0,
          sentAt,
          doneAt: performance.now() - started,
          instance: header("x-academy-instance"),
          location: header("location"),
          setCookie: res.headers["set-cookie"] ?? [],
          text: Buffer.concat(chunks).toString("utf8"),
        });
      });
    });
    req.setTimeout(options.timeoutMs ?? 10_000, () => req.destroy(Object.assign(new Error("timeout"), { code: "TIMEOUT" })));
    req.on("error", failed);
    req.end(request.body);
  });
}

/**
 * `connections` loops for `seconds`, each calling `next(loop)` for its next request and `onAnswer`
 * with what came back. `started` is the run's time origin (performance.now()).
 */
export async function runLoops<T>(options: {
  baseUrl: string;
  connections: number;
  seconds: number;
  next: (loop: number) => Send & { tag: T };
  onAnswer: (outcome: Outcome, tag: T) => void;
  started?: number;
}): Promise<{ started: number; seconds: number }> {
  const started = options.started ?? performance.now();
  const until = started + options.seconds * 1000;
  const loop = async (index: number) => {
    while (performance.now() < until) {
      const { tag, ...request } = options.next(index);
      const outcome = await send(options.baseUrl, started, request);
      options.onAnswer({ status: outcome.status, sentAt: outcome.sentAt, doneAt: outcome.doneAt, instance: outcome.instance, error: outcome.error }, tag);
    }
  };
  await Promise.all(Array.from({ length: options.connections }, (_, i) => loop(i)));
  return { started, seconds: (performance.now() - started) / 1000 };
}

export interface WritePair {
  userId: number;
  lessonId: number;
}

/**
 * 完成本课 for (learner, lesson) pairs in turn, learners interleaved, as a browser posts it without
 * JavaScript (Origin for the same-origin guard). Each pair is a new row until all are used.
 */
export function progressPairs(learners: { ids: number[]; cookies: string[] }, lessons: LessonSlugs[], origin: string) {
  let next = 0;
  const count = learners.ids.length;
  return () => {
    const i = next++;
    const lesson = lessons[Math.floor(i / count) % lessons.length]!;
    const pair: WritePair = { userId: learners.ids[i % count]!, lessonId: lesson.lessonId };
    return {
      path: "/learn/progress",
      method: "POST" as const,
      headers: { cookie: learners.cookies[i % count]!, origin, "content-type": "application/x-www-form-urlencoded" },
      body: `course=${lesson.course}&lesson=${lesson.lesson}`,
      tag: pair,
    };
  };
}

/** Of the writes the server acknowledged (2xx), how many distinct ones, and how many have no row. */
export async function checkAcknowledged(db: DB, acknowledged: WritePair[]): Promise<{ acknowledged: number; in_database: number; lost: number }> {
  const wanted = new Set(acknowledged.map((p) => `${p.userId}:${p.lessonId}`));
  const userIds = [...new Set(acknowledged.map((p) => p.userId))];
  const present = new Set<string>();
  for (let from = 0; from < userIds.length; from += 5000) {
    const rows = await db
      .selectFrom("lesson_progress")
      .select(["user_id", "lesson_id"])
      .where("reached_end_at", "is not", null)
      .where("user_id", "in", userIds.slice(from, from + 5000))
      .execute();
    for (const r of rows) present.add(`${r.user_id}:${r.lesson_id}`);
  }
  let found = 0;
  for (const key of wanted) if (present.has(key)) found++;
  return { acknowledged: wanted.size, in_database: found, lost: wanted.size - found };
}
