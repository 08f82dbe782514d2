import { readdirSync } from "node:fs";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { quizzesOf } from "../support/lesson-quizzes";
import { admin, expect, test, uniquePhone } from "./helpers";

/**
 * Hostile input to every action, over real HTTP — the origin guard, the body-size limit, sessions
 * and Remix all take part. Huge, empty, broken-UTF-8, numeric-edge, SQL, HTML and template values
 * go into every field; fields go missing, come twice or come unasked; bodies come as JSON, as the
 * wrong type, as broken multipart. Every answer must be a refusal or a success — never a 5xx, never
 * a stack trace, in Chinese where a page is shown — and a bystander learner's data must not move.
 */

const COURSE = "weixiu-zijin";
const COURSE_DIR = `content/courses/main/${COURSE}`;
const LESSON_FILE = readdirSync(COURSE_DIR).filter((f) => /^\d{2}-.+\.mdx$/.test(f)).sort()[0]!;
const LESSON = LESSON_FILE.replace(/^\d{2}-/, "").replace(/\.mdx$/, "");
const QUIZ = quizzesOf(`${COURSE_DIR}/${LESSON_FILE}`)[0]!;

const MB = 1024 * 1024;

/**
 * What a field holds, which decides the hostile values it gets beyond the ones every field gets:
 * free text, a number or id, a date or time, one of a fixed set (intents, enums), a redirect path.
 */
type Kind = "text" | "number" | "date" | "choice" | "path";

/** A value as it goes on the wire, percent-encoded (broken escapes are sent exactly as written). */
interface Hostile {
  label: string;
  raw: string;
  /** The kinds of field it is sent to; none: every field. */
  kinds: Kind[];
}
const text = (label: string, value: string, ...kinds: Kind[]): Hostile => ({ label, raw: encode([["v", value]]).slice(2), kinds });
const raw = (label: string, value: string, ...kinds: Kind[]): Hostile => ({ label, raw: value, kinds });

const HOSTILE: Hostile[] = [
  text("empty", ""),
  text("whitespace", " \t\r\n\u3000 "),
  raw("NUL byte", "a%00b"),
  raw("invalid UTF-8", "%ff%fe"),
  raw("UTF-8-encoded lone surrogate", "%ED%A0%80"),
  text("id-sized overflow", "99999999999"),
  text("negative", "-1"),
  text("1e309", "1e309"),
  text("SQL drop", "'; drop table users; --"),
  text("script tag", "<script>alert(1)</script>"),
  text("attribute break-out", '"><img src=x onerror=alert(1)>'),
  text("long text", "长".repeat(5000)),
  raw("truncated UTF-8", "%E4%B8", "text"),
  raw("broken escape", "%zz%", "text"),
  text("RTL override", "\u202Egnp.exe\u202C", "text"),
  text("zero-width", "\u200B\u200D\uFEFF", "text"),
  text("emoji and 4-byte", "👨‍👩‍👧‍👦😀𠮷", "text"),
  text("SQL or", "' OR 1=1 --", "text"),
  text("template", "{{constructor.constructor('x')()}}", "text"),
  text("JSX expression", '<Quiz id="x">{process.exit(1)}</Quiz>', "text"),
  text("long digits", "9".repeat(400), "number"),
  text("int4 overflow", "2147483648", "number"),
  text("bigint overflow", "9223372036854775808", "number"),
  text("NaN", "NaN", "number"),
  text("fraction", "0.5", "number"),
  text("hex", "0x10", "number"),
  text("impossible date", "2026-02-31", "date"),
  text("year zero", "0000-01-01", "date"),
  text("impossible time", "24:61", "date"),
  text("__proto__", "__proto__", "choice"),
  text("constructor", "constructor", "choice"),
  text("toString", "toString", "choice"),
  text("CRLF header injection", "/\r\nSet-Cookie: pwned=1", "path"),
  text("non-Latin-1 path", "/课程?x=😀", "path"),
  text("protocol-relative", "//evil.example/", "path"),
  text("backslash", "/\\evil.example", "path"),
  text("path traversal", "/../../../etc/passwd", "path", "text"),
];

/** The values a field of this kind gets. */
function valuesFor(kind: Kind): Hostile[] {
  return HOSTILE.filter((v) => v.kinds.length === 0 || v.kinds.includes(kind));
}

/** Raw HTML from the table must never reach a page unescaped. */
const XSS = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"];
const CJK = /[\u3400-\u9fff]/;
const LEAKS: [string, RegExp][] = [
  ["a stack frame", /^\s*at\s+(?:async\s+)?(?:\S+\s+\()?(?:file:|node:|\/|[A-Za-z]:\\)/m],
  ["a source position", /\.(?:[cm]?js|tsx?):\d+/],
  ["a node_modules path", /node_modules/],
  ["an error dump", /\b(?:[A-Z]\w*)?Error: \S/],
  ["a database error", /syntax error at or near|invalid input syntax|out of range for type|violates \w+(?:-\w+)? constraint|duplicate key value|relation "\w+" does not exist/],
  ["a Remix internal message", /You made a \w+ request|did not provide an `action`|Unexpected Server Error/],
];
/** English status phrases a default (non-app) error page would show. */
const ENGLISH_ERROR = /\b(?:Bad Request|Not Found|Forbidden|Method Not Allowed|Payload Too Large|Content Too Large|Unprocessable|Internal Server Error|Too Many Requests|Conflict|Unsupported Media Type)\b/;

/** The bytes a percent-encoded value stands for; a broken escape stays as typed. */
function bytesOf(raw: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const hex = raw.slice(i + 1, i + 3);
    if (raw[i] === "%" && /^[0-9a-f]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(raw[i] === "+" ? " " : raw[i]!));
  }
  return Buffer.from(bytes);
}

function encode(fields: [string, string][]): string {
  return new URLSearchParams(fields).toString();
}

interface Post {
  label: string;
  client: APIRequestContext;
  url: string;
  body: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Beyond "not a 5xx": what this particular post must answer. */
  status?: number | ((status: number) => boolean);
}

const FORM = "application/x-www-form-urlencoded";

/** A form, its valid values, and the fields to poison. */
interface FormTarget {
  name: string;
  client: APIRequestContext;
  url: string;
  fields: Record<string, string>;
  poison: Record<string, Kind>;
  /** Only these values (a subset where each post costs a password hash or a login attempt). */
  values?: Hostile[];
  /** The body limit in front of this path: a body just over it is refused with 413. */
  bodyLimit?: number;
  /** Sent along with the valid values, unasked (e.g. the victim's id where a form has no such field). */
  extraFields?: [string, string][];
  /** Fields that must differ on every post (a new phone number for each registration). */
  fresh?: () => Record<string, string>;
}

/** Every variation of one form: each field poisoned with each value, missing, repeated; the body in the wrong shape. */
function sweep(target: FormTarget): Post[] {
  const { name, client, url } = target;
  const poison = Object.entries(target.poison);
  // Each post gets its own fresh values (made now: the posts run later, in any order).
  const current = () => ({ ...target.fields, ...target.fresh?.() });
  const posts: Post[] = [];
  const post = (label: string, body: (entries: [string, string][]) => string | Buffer, contentType = FORM, status?: Post["status"]) =>
    posts.push({ label: `${name}: ${label}`, client, url, body: body(Object.entries(current())), contentType, status });
  const without = (entries: [string, string][], field: string) => encode(entries.filter(([k]) => k !== field));
  const join = (...parts: string[]) => parts.filter(Boolean).join("&");

  for (const [field, kind] of poison) {
    const key = encodeURIComponent(field);
    for (const value of target.values ?? valuesFor(kind)) post(`${field} = ${value.label}`, (e) => join(without(e, field), `${key}=${value.raw}`));
    post(`${field} missing`, (e) => without(e, field));
    post(`${field} twice, hostile first`, (e) => join(without(e, field), `${key}=${text("", "' OR 1=1 --").raw}`, encode(e.filter(([k]) => k === field))));
  }
  post("unasked fields", (e) => join(encode(e), "__proto__=x&constructor%5Bprototype%5D=y&__proto__%5Badmin%5D=1", encode(target.extraFields ?? [])));
  post("nothing at all", () => "");
  post("a JSON body", (e) => JSON.stringify(Object.fromEntries(e)), "application/json");
  post("a JSON body sent as a form", (e) => JSON.stringify(Object.fromEntries(e)));
  post("a form body sent as text/plain", (e) => encode(e), "text/plain");
  post("multipart without a boundary", (e) => encode(e), "multipart/form-data");
  post("multipart with a garbage body", () => "not multipart at all", "multipart/form-data; boundary=xyz");
  post("an unknown content type", (e) => encode(e), "application/x-evil");
  // Just over the limit, and a 2 MB value: refused before anything reads them (under the editor's
  // larger limit, by the form).
  const limit = target.bodyLimit ?? MB;
  if (limit === MB) post("a body 1 byte over 1 MB", (e) => join(encode(e), `pad=${"a".repeat(MB + 1 - encode(e).length - "&pad=".length)}`), FORM, 413);
  const [first] = poison[0]!;
  post(`${first} = a 2 MB string`, (e) => join(without(e, first), `${encodeURIComponent(first)}=${"x".repeat(2 * MB)}`), FORM, limit === MB ? 413 : undefined);
  return posts;
}

/** A multipart body written by hand, so that broken ones can be written too. */
function multipart(parts: { name: string; value: string | Buffer; filename?: string; type?: string }[], boundary = "----bad-input-sweep") {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? "" : `; filename="${part.filename}"`}`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${part.type ? `Content-Type: ${part.type}\r\n` : ""}\r\n`));
    chunks.push(Buffer.isBuffer(part.value) ? part.value : Buffer.from(part.value));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The smallest PNG: one transparent pixel. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

/** Broken and hostile multipart bodies for an upload form; `fields` are the form's other (valid) fields. */
function multipartSweep(name: string, client: APIRequestContext, url: string, fields: Record<string, [string, Kind]>, file: { name: string; type: string; bytes: Buffer }): Post[] {
  const valid = Object.entries(fields).map(([k, [v]]) => ({ name: k, value: v }));
  const withFile = (f: { filename: string; type: string; value: Buffer }) => [...valid, { name: "file", ...f }];
  const posts: Post[] = [];
  const post = (label: string, body: Buffer | string, contentType: string, status?: Post["status"]) =>
    posts.push({ label: `${name}: ${label}`, client, url, body, contentType, status });
  const send = (label: string, parts: Parameters<typeof multipart>[0], status?: Post["status"]) => {
    const m = multipart(parts);
    post(label, m.body, m.contentType, status);
  };

  for (const [field, [, kind]] of Object.entries(fields)) {
    for (const value of valuesFor(kind)) {
      const others = valid.filter((p) => p.name !== field);
      send(`${field} = ${value.label}`, [...others, { name: field, value: bytesOf(value.raw) }, { name: "file", filename: file.name, type: file.type, value: file.bytes }]);
    }
  }
  send("no file", valid);
  send("an empty file", withFile({ filename: file.name, type: file.type, value: Buffer.alloc(0) }));
  send("a file that is text", withFile({ filename: file.name, type: file.type, value: Buffer.from("<?php system($_GET['c']); ?>") }));
  send("invalid UTF-8 bytes", withFile({ filename: file.name, type: file.type, value: Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0xed, 0xa0, 0x80]) }));
  send("a hostile file name", withFile({ filename: '../../"><img src=x onerror=alert(1)>\u202Egnp.exe', type: "image/svg+xml", value: file.bytes }));
  send("the file field twice", [...withFile({ filename: file.name, type: file.type, value: file.bytes }), { name: "file", filename: "b", type: file.type, value: file.bytes }]);
  send("the file as a plain field", [...valid, { name: "file", value: "not a file" }]);
  send("a file 5.5 MB large", withFile({ filename: file.name, type: file.type, value: Buffer.alloc(5.5 * MB, 0x41) }), (s) => s >= 400);
  send("__proto__ as a field name", [...withFile({ filename: file.name, type: file.type, value: file.bytes }), { name: "__proto__", value: "x" }]);
  const good = multipart(withFile({ filename: file.name, type: file.type, value: file.bytes }));
  post("a truncated body", good.body.subarray(0, Math.floor(good.body.length / 2)), good.contentType);
  post("the wrong boundary", good.body, "multipart/form-data; boundary=not-the-one");
  post("an empty boundary", good.body, "multipart/form-data; boundary=");
  post("no closing boundary", Buffer.from(good.body.toString("latin1").replace(/--\r\n$/, ""), "latin1"), good.contentType);
  post("headers without a blank line", "------bad-input-sweep\r\nContent-Disposition: form-data; name=\"alt\"\r\nx\r\n------bad-input-sweep--\r\n", good.contentType);
  post("no Content-Disposition", "------bad-input-sweep\r\n\r\nvalue\r\n------bad-input-sweep--\r\n", good.contentType);
  post("a form body under a multipart type", encode(valid.map((p) => [p.name, p.value])), good.contentType);
  post("a JSON body", JSON.stringify(Object.fromEntries(valid.map((p) => [p.name, p.value]))), "application/json");
  return posts;
}

/**
 * What an answer must never be, whoever sent what: the problems found, if any. Plain checks, not
 * expect(): thousands of expect steps in one test slow the runner down more with each one.
 */
async function check(post: Post, response: APIResponse): Promise<string[]> {
  const status = response.status();
  const type = response.headers()["content-type"] ?? "";
  const body = (await response.body()).toString("utf8");
  const where = `${post.label} → ${status}`;
  const problems: string[] = [];
  if (status >= 500) problems.push(`${where}: a server error`);
  if (typeof post.status === "number" ? status !== post.status : post.status && !post.status(status)) problems.push(`${where}: not the status expected`);
  for (const [what, pattern] of LEAKS) {
    const leak = pattern.exec(body);
    if (leak) problems.push(`${where}: the answer shows ${what}: …${body.slice(Math.max(0, leak.index - 80), leak.index + 160)}…`);
  }
  if (type.includes("html") && XSS.some((x) => body.includes(x))) problems.push(`${where}: raw HTML from the request is on the page`);
  if (status >= 400) {
    if (type.includes("html")) {
      const visible = body.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, "").replace(/<[^>]+>/g, " ");
      if (!body.includes('lang="zh-CN"') || !CJK.test(visible)) problems.push(`${where}: an error page not in Chinese`);
      const english = ENGLISH_ERROR.exec(visible);
      if (english) problems.push(`${where}: an English error message: ${english[0]}`);
    } else if (type.includes("json")) {
      const json = JSON.parse(body) as { error?: unknown; message?: unknown };
      const message = json.error ?? json.message;
      if (typeof message === "string" && !CJK.test(message)) problems.push(`${where}: an error message not in Chinese: ${message}`);
    } else if (body.trim() && !CJK.test(body)) {
      problems.push(`${where}: an error message not in Chinese: ${body.slice(0, 200)}`);
    }
  }
  if (problems.length && status >= 400) problems.push(`  (the answer began: ${body.slice(0, 300).replace(/\s+/g, " ")})`);
  return problems;
}

async function send(post: Post): Promise<APIResponse> {
  // A body the server refuses part-way is not read to its end, and the server drops the
  // connection: it must not be one the next post is sent on.
  const large = post.body.length > 256 * 1024;
  return post.client.post(post.url, {
    data: post.body,
    headers: { ...(post.contentType ? { "content-type": post.contentType } : {}), ...(large ? { connection: "close" } : {}), ...post.headers },
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 20_000,
  });
}

/**
 * Posts run a few at a time (the server and the database work in parallel). Every answer is
 * checked; the problems are collected, so one run lists them all.
 */
async function run(posts: Post[], concurrency = 4): Promise<string[]> {
  const problems: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < posts.length) {
      const post = posts[next++]!;
      try {
        problems.push(...(await check(post, await send(post))));
      } catch (error) {
        problems.push(`${post.label}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return problems;
}

function options(html: string, select: string): { value: string; label: string }[] {
  const inner = new RegExp(`<select[^>]*name="${select}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? "";
  return [...inner.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map(([, value, label]) => ({ value: value!, label: label! })).filter((o) => o.value);
}

function hidden(html: string, name: string): string {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  if (value === undefined) throw new Error(`no ${name} field on the page`);
  return value;
}

test("hostile input to every form and action: no 5xx, no stack trace, no one else's data changed", async ({ baseURL, playwright }) => {
  test.setTimeout(120_000);
  const origin = baseURL!;
  const contexts: APIRequestContext[] = [];
  const client = async () => {
    const c = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { origin } });
    contexts.push(c);
    return c;
  };
  const form = async (c: APIRequestContext, url: string, fields: Record<string, string>, expectStatus?: number) => {
    const response = await c.post(url, { form: fields, maxRedirects: 0, failOnStatusCode: false });
    if (expectStatus !== undefined) expect(response.status(), `${url}: ${(await response.text()).slice(0, 300)}`).toBe(expectStatus);
    return response;
  };
  const registerAs = async (c: APIRequestContext, name: string) => {
    const learner = { phone: uniquePhone(), password: "pass-word-1", name };
    const fields = { phone: learner.phone, password: learner.password, confirmPassword: learner.password, displayName: name, identity: "committee_candidate", street: "大关街道", community: "德胜社区", compound: "德胜新村" };
    await form(c, "/register", fields, 302);
    return learner;
  };
  const page = async (c: APIRequestContext, url: string) => {
    const response = await c.get(url);
    expect(response.status(), url).toBe(200);
    return response.text();
  };

  // The bystander: a learner with a profile, progress, a passed quiz, a camp and a role.
  const victimClient = await client();
  const victim = await registerAs(victimClient, "受害学员");
  await form(victimClient, "/profile", { intent: "profile", displayName: "受害学员", identity: "liaison", street: "祥符街道", community: "勤丰社区", compound: "勤丰花园" }, 200);
  const lessonUrl = `/courses/${COURSE}/${LESSON}`;
  await form(victimClient, `/courses/${COURSE}`, { intent: "enrol" }, 303);
  const version = hidden(await page(victimClient, lessonUrl), "version");
  const right = QUIZ.options.flatMap((o, i) => (o.correct ? [["answer", String(i)] as [string, string]] : []));
  const answered = await victimClient.post(lessonUrl, { data: encode([["intent", "answer"], ["quiz", QUIZ.key], ["version", version], ...right]), headers: { "content-type": FORM }, maxRedirects: 0 });
  expect(answered.status()).toBe(200);
  await form(victimClient, "/learn/progress", { course: COURSE, lesson: LESSON }, 200);

  // The admin side: a course with a published lesson, a camp with a session the victim belongs to.
  const adminClient = await client();
  await form(adminClient, "/login", { phone: admin().phone, password: admin().password }, 302);
  const newCourse = await page(adminClient, "/admin/courses/new");
  const campuses = options(newCourse, "campusId");
  const daguan = campuses.find((c) => c.label.includes("大关"))!.value;
  const otherCampus = campuses.find((c) => c.value !== daguan)!.value;
  const category = options(newCourse, "categoryId")[0]!.value;
  const course = { campusId: daguan, title: "坏输入测试课", summary: "用来试探各种坏输入的课程。", categoryId: category, audience: "everyone", hours: "1", passMark: "0", order: "100", slug: "" };
  const created = await form(adminClient, "/admin/courses/new", course, 302);
  const courseUrl = created.headers().location!.replace(/\?.*$/, "");
  const lessonCreated = await form(adminClient, courseUrl, { intent: "lesson", title: "坏输入测试的一课", minutes: "10" }, 302);
  const editorUrl = lessonCreated.headers().location!.replace(/\?.*$/, "");
  const lessonId = editorUrl.split("/").pop()!;
  const lessonBody = "业主共同决定小区的大事。\n";
  const save = { intent: "publish", title: "坏输入测试的一课", minutes: "10", body: lessonBody, baseVersionId: hidden(await page(adminClient, editorUrl), "baseVersionId") };
  await form(adminClient, editorUrl, save, 200);
  const publishedVersion = hidden(await page(adminClient, editorUrl), "baseVersionId");
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
  // Two camps: the victim's (only posts naming people go there), and one the sweep may change at will.
  const camp = { campusId: daguan, name: "坏输入测试营", startsOn: today, endsOn: today, place: "德胜社区", description: "", requiredSessions: "1", hours: "2" };
  const campSession = { intent: "session", date: today, startsAt: "09:00", endsAt: "10:00", place: "德胜社区", topic: "开营" };
  const newCamp = async (name: string) => {
    const url = (await form(adminClient, "/admin/camps", { ...camp, name }, 302)).headers().location!;
    const id = url.split("/").pop()!;
    await form(adminClient, url, campSession, 200);
    const session = new RegExp(`/camps/${id}/checkin/\\d+`).exec(await page(adminClient, url))![0];
    await form(adminClient, session, { intent: "open" }, 200);
    return { url, id, session };
  };
  const victimCamp = await newCamp("坏输入测试营");
  const sweptCamp = await newCamp("坏输入练习营");
  await form(adminClient, victimCamp.url, { intent: "member", phone: victim.phone }, 200);
  const victimId = hidden(await page(adminClient, victimCamp.url), "userId");
  await form(adminClient, "/admin/roles", { intent: "grant", phone: victim.phone, campusId: otherCampus }, 200);

  // What the victim sees of their own data, before and after.
  const VICTIM_PAGES = ["/profile", "/learn", "/learn/hours", "/certificates", lessonUrl, `/camps/${victimCamp.id}`];
  // Reading the lesson is itself a visit: its 最近学习 time on /learn moves with every snapshot.
  const visitTime = /"lastVisitedAt",\["D",\d+\]/;
  const snapshot = async () =>
    Object.fromEntries(await Promise.all(VICTIM_PAGES.map(async (p) => [p, (await page(victimClient, `${p}.data`)).replace(visitTime, "")] as const)));
  const before = await snapshot();

  // The attacker: another learner, enrolled in both courses.
  const attackerClient = await client();
  const attacker = await registerAs(attackerClient, "攻击学员");
  const adminCourseSlug = (await page(adminClient, courseUrl)).match(/href="\/courses\/([a-z0-9-]+)"/)?.[1];
  expect(adminCourseSlug, "the admin course's public address").toBeTruthy();
  await form(attackerClient, `/courses/${adminCourseSlug}`, { intent: "enrol" }, 303);
  await form(attackerClient, `/courses/${COURSE}`, { intent: "enrol" }, 303);
  const anonymous = await client();
  const loginClient = await client();
  const registerClient = await client();
  // Whom the role form grants to (granting is what it is for): neither the victim nor the attacker.
  const grantee = await registerAs(await client(), "授权对象");
  const logoutClient = await client();
  await form(logoutClient, "/login", { phone: attacker.phone, password: attacker.password }, 302);

  const victimFields: [string, string][] = [["userId", victimId], ["user_id", victimId], ["id", victimId], ["phone", victim.phone]];
  const learnerTargets: FormTarget[] = [
    {
      name: "profile",
      client: attackerClient,
      url: "/profile",
      fields: { intent: "profile", displayName: "攻击学员", identity: "resident", street: "大关街道", community: "德胜社区", compound: "德胜新村" },
      poison: { intent: "choice", displayName: "text", identity: "choice" }, // the other fields: see register
      extraFields: victimFields,
    },
    {
      // A wrong current password throughout: no hostile value may change anyone's password.
      name: "change password",
      client: attackerClient,
      url: "/profile",
      fields: { intent: "password", currentPassword: "not-the-password", newPassword: "new-pass-word-1", confirmPassword: "new-pass-word-1" },
      poison: { currentPassword: "text", newPassword: "text" },
      extraFields: victimFields,
    },
    {
      name: "quiz answer",
      client: attackerClient,
      url: lessonUrl,
      fields: { intent: "answer", quiz: QUIZ.key, version, answer: "0" },
      poison: { intent: "choice", quiz: "text", version: "number", answer: "number" },
      extraFields: victimFields,
    },
    { name: "course enrol", client: attackerClient, url: `/courses/${COURSE}`, fields: { intent: "enrol" }, poison: { intent: "choice" }, extraFields: victimFields },
    { name: "finish lesson", client: attackerClient, url: "/learn/progress", fields: { course: COURSE, lesson: LESSON }, poison: { course: "text", lesson: "text" }, extraFields: victimFields },
    { name: "study-time beat", client: attackerClient, url: "/learn/beat", fields: { lesson: lessonId, restart: "1" }, poison: { lesson: "number", restart: "choice" }, extraFields: victimFields },
    { name: "check-in", client: attackerClient, url: "/checkin", fields: { code: "123456" }, poison: { code: "number" }, extraFields: victimFields },
  ];
  const accountTargets: FormTarget[] = [
    // Each post that passes validation costs a login attempt from this IP (shared by the whole
    // suite): only the phone and redirectTo get the full table; the password a few values.
    { name: "login", client: loginClient, url: "/login", fields: { phone: attacker.phone, password: attacker.password, redirectTo: "/learn" }, poison: { phone: "number", redirectTo: "path" } },
    {
      name: "login password",
      client: loginClient,
      url: "/login",
      fields: { phone: attacker.phone, password: attacker.password },
      poison: { password: "text" },
      values: HOSTILE.filter((v) => ["empty", "NUL byte", "SQL or", "long text"].includes(v.label)),
    },
    {
      name: "register",
      client: registerClient,
      url: "/register",
      fields: { phone: "", password: "pass-word-1", confirmPassword: "pass-word-1", displayName: "新学员", identity: "resident", street: "大关街道", community: "德胜社区", compound: "德胜新村" },
      poison: { phone: "number", password: "text", confirmPassword: "text", displayName: "text", identity: "choice", street: "text" }, // community and compound: as street
      fresh: () => ({ phone: uniquePhone() }),
    },
    { name: "logout", client: logoutClient, url: "/logout", fields: { intent: "logout" }, poison: { intent: "choice" }, values: HOSTILE.slice(0, 8) },
  ];
  const adminTargets: FormTarget[] = [
    { name: "new course", client: adminClient, url: "/admin/courses/new", fields: course, poison: { campusId: "number", title: "text", categoryId: "number", audience: "choice", hours: "number", passMark: "number", slug: "text" } }, // summary and order: as title and passMark
    {
      name: "course settings",
      client: adminClient,
      url: courseUrl,
      fields: { intent: "settings", ...course, campusId: "", slug: "" },
      poison: { intent: "choice", categoryId: "number", order: "number", summary: "text" },
    },
    { name: "new lesson", client: adminClient, url: courseUrl, fields: { intent: "lesson", title: "又一课", minutes: "5" }, poison: { title: "text", minutes: "number" } },
    { name: "lesson order", client: adminClient, url: courseUrl, fields: { intent: "down", lessonId }, poison: { intent: "choice", lessonId: "number" } },
    { name: "lesson preview", client: adminClient, url: editorUrl, fields: { intent: "preview", title: "预览", minutes: "10", body: lessonBody }, poison: { body: "text", minutes: "number" }, bodyLimit: 4 * MB },
    {
      name: "lesson save",
      client: adminClient,
      url: editorUrl,
      fields: { intent: "save", title: "坏输入测试的一课", minutes: "10", body: lessonBody, baseVersionId: publishedVersion },
      poison: { intent: "choice", body: "text", title: "text", baseVersionId: "number" },
      bodyLimit: 4 * MB,
    },
    { name: "lesson history", client: adminClient, url: `${editorUrl}/history`, fields: { versionId: publishedVersion }, poison: { versionId: "number" }, bodyLimit: 4 * MB },
    { name: "grant role", client: adminClient, url: "/admin/roles", fields: { intent: "grant", phone: grantee.phone, campusId: daguan }, poison: { intent: "choice", phone: "number", campusId: "number" } },
    { name: "revoke role", client: adminClient, url: "/admin/roles", fields: { intent: "revoke", grantId: "0" }, poison: { grantId: "number" } },
    { name: "new camp", client: adminClient, url: "/admin/camps", fields: camp, poison: { campusId: "number", name: "text", startsOn: "date", endsOn: "date", description: "text", requiredSessions: "number", hours: "number" } }, // place: as name
    { name: "camp person", client: adminClient, url: sweptCamp.url, fields: { intent: "instructor", phone: grantee.phone }, poison: { intent: "choice", phone: "number" } },
    { name: "camp session", client: adminClient, url: sweptCamp.url, fields: campSession, poison: { date: "date", startsAt: "date", endsAt: "date", topic: "text" } },
    { name: "camp assignment", client: adminClient, url: sweptCamp.url, fields: { intent: "assign", subject: "course:0", dueOn: today }, poison: { subject: "choice", dueOn: "date" } },
    { name: "check-in screen", client: adminClient, url: sweptCamp.session, fields: { intent: "close" }, poison: { intent: "choice" } },
    // In the victim's camp: ids that are not the victim's must not touch the victim.
    { name: "camp remove", client: adminClient, url: victimCamp.url, fields: { intent: "remove", userId: "0" }, poison: { userId: "number" } },
    { name: "camp import", client: adminClient, url: victimCamp.url, fields: { intent: "import", userIds: "0" }, poison: { userIds: "number" } },
    { name: "attendance", client: adminClient, url: victimCamp.session, fields: { intent: "present", userId: "0" }, poison: { intent: "choice", userId: "number" } },
  ];

  const posts: Post[] = [...learnerTargets, ...accountTargets, ...adminTargets].flatMap(sweep);

  // Uploads: images (the media library, from the page and from the editor) and a camp's member CSV.
  posts.push(...multipartSweep("image upload", adminClient, "/admin/media", { campusId: [daguan, "number"], alt: ["示意图", "text"], caption: ["说明", "text"] }, { name: "图.png", type: "image/png", bytes: PNG }));
  posts.push(...multipartSweep("image upload from the editor", adminClient, "/admin/media", { lessonId: [lessonId, "number"], alt: ["示意图", "text"] }, { name: "图.png", type: "image/png", bytes: PNG }));
  const csv = Buffer.from(`\uFEFF手机号,姓名\r\n${victim.phone},受害学员\r\n=cmd|' /C calc'!A0,"<script>alert(1)</script>"\r\n`);
  posts.push(...multipartSweep("member CSV preview", adminClient, sweptCamp.url, { intent: ["preview-import", "choice"] }, { name: "名单.csv", type: "text/csv", bytes: csv }));
  posts.push({ label: "image upload: 7 MB, over the upload limit", client: adminClient, url: "/admin/media", ...multipartBody(7 * MB), status: 413 });

  // Every action as the wrong person: anonymous and a learner are sent away, never served.
  const forms: [string, Record<string, string>][] = [
    ["/profile", { intent: "profile" }],
    [lessonUrl, { intent: "answer", quiz: QUIZ.key, version, answer: "0" }],
    [`/courses/${COURSE}`, { intent: "enrol" }],
    ["/learn/progress", { course: COURSE, lesson: LESSON }],
    ["/learn/beat", { lesson: lessonId }],
    ["/checkin", { code: "123456" }],
    ["/admin/courses/new", course],
    [courseUrl, { intent: "settings", ...course }],
    [editorUrl, { intent: "publish", title: "被改了", minutes: "1", body: "被改了", baseVersionId: publishedVersion }],
    [`${editorUrl}/history`, { versionId: publishedVersion }],
    ["/admin/roles", { intent: "grant", phone: attacker.phone, campusId: daguan }],
    ["/admin/camps", camp],
    [victimCamp.url, { intent: "remove", userId: victimId }],
    [victimCamp.session, { intent: "absent", userId: victimId }],
  ];
  for (const [url, fields] of forms) {
    const body = encode(Object.entries(fields));
    const adminOnly = url.startsWith("/admin") || url.startsWith("/camps/");
    posts.push({ label: `${url} anonymous`, client: anonymous, url, body, contentType: FORM, status: (s) => s === 302 || s === 401 });
    if (adminOnly) posts.push({ label: `${url} as a learner`, client: attackerClient, url, body, contentType: FORM, status: 403 });
  }
  posts.push({ label: "image upload as a learner", client: attackerClient, url: "/admin/media", ...multipart([{ name: "campusId", value: daguan }, { name: "alt", value: "x" }, { name: "file", filename: "a.png", type: "image/png", value: PNG }]), status: 403 });

  // Hostile addresses: ids out of range, broken escapes, paths no route has, routes with no action.
  for (const url of [
    "/admin/courses/99999999999",
    "/admin/courses/-1",
    "/admin/lessons/1e309",
    "/admin/lessons/%ff%fe",
    `${victimCamp.url}%00`,
    `/camps/${victimCamp.id}/checkin/99999999999999999999`,
    "/courses/%ED%A0%80/%E4%B8",
    `/courses/${COURSE}/..%2F..%2Fetc%2Fpasswd`,
    "/no-such-page",
    "/search",
    "/admin/reports",
    "/verify",
    "/learn/progress?_data=routes%2Fprofile",
    "/profile.data",
  ]) {
    posts.push({ label: `POST ${url} as admin`, client: adminClient, url, body: "intent=settings", contentType: FORM });
    posts.push({ label: `POST ${url} as a learner`, client: attackerClient, url, body: "intent=enrol", contentType: FORM });
  }

  // The origin guard: another site's form, a sandboxed frame, fetch metadata.
  const foreign: Record<string, string>[] = [{ origin: "https://evil.example" }, { origin: "null" }, { origin: `${origin}.evil.example` }, { "sec-fetch-site": "cross-site" }, { origin: "not a url" }];
  for (const headers of foreign) {
    posts.push({ label: `profile from ${JSON.stringify(headers)}`, client: victimClient, url: "/profile", body: "intent=profile&displayName=x", contentType: FORM, headers, status: 403 });
  }

  const started = Date.now();
  const problems = await run(posts);
  console.log(`bad-input sweep: ${posts.length} posts in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  expect(problems, `${problems.length} of ${posts.length} posts answered badly`).toEqual([]);

  // Nothing the victim sees has moved, and they can still log in with their own password.
  expect(await snapshot()).toEqual(before);
  await form(await client(), "/login", { phone: victim.phone, password: victim.password }, 302);
  await Promise.all(contexts.map((c) => c.dispose()));
});

function multipartBody(size: number) {
  return multipart([{ name: "campusId", value: "1" }, { name: "alt", value: "x" }, { name: "file", filename: "a.png", type: "image/png", value: Buffer.alloc(size, 0x41) }]);
}
