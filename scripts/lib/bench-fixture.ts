import autocannon from "autocannon";
import { sql } from "kysely";
import { prepareDatabase, readCampusesAndCategories, syncContent } from "../../app/boot.server";
import { getLessonTarget } from "../../app/models/course.server";
import { enrol, finishLesson } from "../../app/models/progress.server";
import { submitAnswer } from "../../app/models/quiz.server";
import { hashPassword } from "../../app/models/password.server";
import { generateSessionToken, SESSION_LIFETIME_MS, sessionIdFromToken } from "../../app/models/session.server";
import { SESSION_COOKIE } from "../../app/lib/session-cookie.server";
import { type DatabaseHandle, type DB, openDatabase } from "../../db/client";
import { createDatabase, dropDatabase, dropDatabasesLike } from "../../db/postgres-admin";

/**
 * What the HTTP benchmarks share: a throwaway PostgreSQL database with the content synced,
 * learners with live sessions, and the 完成本课 write driven through the real action.
 */

export function requireDatabaseUrl(command: string): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(`${command} 需要真实的 PostgreSQL：DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run ${command}`);
    process.exit(1);
  }
  return url;
}

/** A fresh database next to `baseUrl` (leftovers of killed runs with the same prefix are dropped first). */
export async function benchDatabase(baseUrl: string, prefix: string) {
  await dropDatabasesLike(baseUrl, prefix);
  const name = `${prefix}${process.pid}`;
  const url = await createDatabase(baseUrl, name);
  const handle: DatabaseHandle = await openDatabase({
    databaseUrl: url,
    dataDir: "unused",
  });
  await prepareDatabase(handle, await readCampusesAndCategories("content"));
  await syncContent(handle, "content");
  return {
    url,
    handle,
    async drop() {
      await handle.close();
      await dropDatabase(baseUrl, name);
    },
  };
}

export interface LessonSlugs {
  courseId: number;
  lessonId: number;
  course: string;
  lesson: string;
}

export async function publishedLessons(db: DB): Promise<LessonSlugs[]> {
  return db
    .selectFrom("lessons")
    .innerJoin("courses", "courses.id", "lessons.course_id")
    .select(["courses.id as courseId", "lessons.id as lessonId", "courses.slug as course", "lessons.slug as lesson"])
    .where("lessons.published_version_id", "is not", null)
    .orderBy("courses.id")
    .orderBy("lessons.position")
    .execute();
}

/**
 * `count` learners with a live session each, inserted directly (hashing thousands of passwords is
 * not what a benchmark measures). `phonePrefix` (3 digits) keeps two groups apart.
 */
export async function learnersWithSessions(db: DB, count: number, phonePrefix = "170"): Promise<{ ids: number[]; cookies: string[] }> {
  const passwordHash = await hashPassword("bench-password");
  const ids: number[] = [];
  const cookies: string[] = [];
  for (let from = 0; from < count; from += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - from) }, (_, i) => from + i);
    const users = await db
      .insertInto("users")
      .values(
        batch.map((i) => ({
          phone: `${phonePrefix}${String(i).padStart(8, "0")}`,
          password_hash: passwordHash,
          display_name: `学员${i}`,
          identity: "liaison" as const,
          street: "大关街道",
          community: "德胜社区",
          compound: "德胜新村",
        })),
      )
      .returning("id")
      .execute();
    const tokens = users.map(() => generateSessionToken());
    await db
      .insertInto("sessions")
      .values(
        users.map((u, i) => ({
          id: sessionIdFromToken(tokens[i]!),
          user_id: u.id,
          expires_at: new Date(Date.now() + SESSION_LIFETIME_MS),
        })),
      )
      .execute();
    ids.push(...users.map((u) => u.id));
    cookies.push(...tokens.map((token) => `${SESSION_COOKIE}=${token}`));
  }
  return { ids, cookies };
}

/**
 * Learners who are in the middle of a course: enrolled, the first lessons finished and a quiz
 * answered on the lesson the bench reads, so the page shows their progress and quiz state.
 */
export async function readersWithProgress(db: DB, lessons: LessonSlugs[], count: number) {
  const course = lessons[0]!.courseId;
  const inCourse = lessons.filter((l) => l.courseId === course);
  const target = inCourse[Math.min(1, inCourse.length - 1)]!;
  const quiz = await db
    .selectFrom("quiz_questions")
    .innerJoin("lessons", "lessons.published_version_id", "quiz_questions.lesson_version_id")
    .select(["quiz_questions.lesson_version_id as versionId", "quiz_questions.quiz_key as key"])
    .where("lessons.id", "=", target.lessonId)
    .orderBy("quiz_questions.position")
    .executeTakeFirst();
  const lessonTarget = (await getLessonTarget(db, {
    courseSlug: target.course,
    lessonSlug: target.lesson,
  }))!;
  const readers = await learnersWithSessions(db, count, "171");
  for (const id of readers.ids) {
    await enrol(db, id, course);
    for (const lesson of inCourse.slice(0, 2)) await finishLesson(db, id, { id: lesson.lessonId });
    if (quiz)
      await submitAnswer(db, id, lessonTarget, {
        versionId: quiz.versionId,
        quizKey: quiz.key,
        answers: [0],
      });
  }
  return { ...readers, path: `/courses/${target.course}/${target.lesson}` };
}

export interface WriteReport {
  learners: number;
  connections: number;
  requests: number;
  writes_per_s: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
  errors: number;
  acknowledged: number;
  rows: number;
  lost_writes: number;
}

/**
 * 完成本课 from many learners at once, through POST /learn/progress with real sessions. Each
 * request is a different (learner, lesson) pair, learners interleaved, so every write is a new
 * row and "rows = acknowledged writes" is exact. Counts only rows these learners wrote.
 */
export async function progressWrites(options: {
  db: DB;
  url: string;
  learners: { ids: number[]; cookies: string[] };
  lessons: LessonSlugs[];
  connections: number;
}): Promise<WriteReport> {
  const { db, url, learners, lessons, connections } = options;
  const count = learners.cookies.length;
  const total = count * lessons.length;
  let next = 0;
  const run = (amount: number) =>
    autocannon({
      url,
      connections,
      amount,
      timeout: 10,
      requests: [
        {
          method: "POST",
          setupRequest: (request) => {
            const i = next++;
            const lesson = lessons[Math.floor(i / count) % lessons.length]!;
            return {
              ...request,
              path: "/learn/progress",
              headers: {
                cookie: learners.cookies[i % count]!,
                origin: url,
                "content-type": "application/x-www-form-urlencoded",
              },
              body: `course=${lesson.course}&lesson=${lesson.lesson}`,
            };
          },
        },
      ],
    });
  const warm = await run(Math.min(1000, Math.floor(total / 10)));
  const main = await run(total - warm.requests.total);
  const acknowledged = warm["2xx"] + main["2xx"];
  const { rows } = (
    await sql<{ rows: number }>`
      select count(*)::int as rows from lesson_progress
      where reached_end_at is not null and user_id = any(${learners.ids})`.execute(db)
  ).rows[0]!;
  return {
    learners: count,
    connections,
    requests: main.requests.total,
    writes_per_s: Math.round(main["2xx"] / (main.duration || 1)),
    p50_ms: main.latency.p50,
    p99_ms: main.latency.p99,
    non_2xx: warm.non2xx + main.non2xx,
    errors: warm.errors + main.errors + warm.timeouts + main.timeouts,
    acknowledged,
    rows,
    lost_writes: Math.max(0, acknowledged - rows),
  };
}

/** The figures as a table for console.table, in Chinese like the rest of the output. */
export function writeTable(report: WriteReport) {
  return {
    并发连接: report.connections,
    学员: report.learners,
    计时请求数: report.requests,
    每秒写入: `${report.writes_per_s}（预算 ≥ 1000）`,
    "延迟 p50 / p99": `${report.p50_ms} / ${report.p99_ms} ms`,
    "非 2xx / 错误": `${report.non_2xx} / ${report.errors}`,
    "确认写入 / 数据库行数": `${report.acknowledged} / ${report.rows}`,
    丢失: report.lost_writes,
  };
}
