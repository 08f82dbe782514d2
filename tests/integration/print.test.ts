import { describe, expect, it } from "vitest";
import { loadLawLibrary } from "../../app/lib/law.server";
import { loader as printLoader } from "../../app/routes/courses.$course.$lesson_.print";
import { createTestDatabase } from "../setup/test-database";
import { get, routeContext, settle } from "../support/routes";

const { db } = await createTestDatabase();
const laws = await loadLawLibrary("content");

const printPage = (course: string, lesson: string) =>
  settle(() => printLoader({ request: get(`/courses/${course}/${lesson}/print`), params: { course, lesson }, context: routeContext(db, laws, null) }));

describe("the 明白纸 of a lesson", () => {
  it("is open to anyone: the lesson's blocks and citations, a QR code to the lesson, and no quiz", async () => {
    const page = await printPage("minfadian-qufen-suoyouquan", "yezhu-dahui-gongtong-jueding");
    expect(page.status).toBe(200);
    const { lesson, course, campusName, html, lessonUrl, qr, printedOn } = page.body;
    expect(lesson.title).toBe("业主大会与共同决定的事项");
    expect(course.title).toBe("民法典：业主的建筑物区分所有权");
    expect(campusName).toBe("三方学院主学院");
    expect(html).toContain("《民法典》第二百七十八条");
    expect(html).toMatch(/<h2>/);
    // The lesson has quizzes; the sheet has none of them, nor any form control.
    expect(html).not.toMatch(/data-quiz|<input|<form|测验/);
    expect(lessonUrl).toBe("http://academy.test/courses/minfadian-qufen-suoyouquan/yezhu-dahui-gongtong-jueding");
    expect(qr).toMatch(/^<svg[^>]*>/);
    expect(printedOn).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it("answers 404 for an unknown course or lesson, and for a lesson not published", async () => {
    expect((await printPage("no-such-course", "zhuanyou-gongyou")).status).toBe(404);
    expect((await printPage("minfadian-qufen-suoyouquan", "no-such-lesson")).status).toBe(404);

    const draft = await db
      .selectFrom("lessons")
      .innerJoin("courses", "courses.id", "lessons.course_id")
      .select(["lessons.id", "lessons.slug", "courses.slug as courseSlug"])
      .where("courses.slug", "=", "weixiu-zijin")
      .orderBy("lessons.position")
      .executeTakeFirstOrThrow();
    expect((await printPage(draft.courseSlug, draft.slug)).status).toBe(200);
    // As if the branch admin had unpublished it: drafts are never printed for anyone.
    await db.updateTable("lessons").set({ published_version_id: null }).where("id", "=", draft.id).execute();
    const hidden = await printPage(draft.courseSlug, draft.slug);
    expect(hidden.status).toBe(404);
    expect(hidden.body).toBe("没有找到这一课");
  });
});
