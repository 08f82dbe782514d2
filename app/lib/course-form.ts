import { z } from "zod";
import { t } from "./messages";
import { idField } from "./forms";

const e = t.authoring.errors;

/** Course settings as the admin form submits them (create and edit). */
export const CourseSettingsSchema = z.object({
  title: z.string().trim().min(1, e.title).max(60, e.title),
  summary: z.string().trim().min(1, e.summary).max(300, e.summary),
  categoryId: idField(e.category),
  audience: z.enum(["candidates", "liaisons", "everyone"], { error: e.audience }),
  hours: z.coerce.number({ error: e.hours }).min(0.5, e.hours).max(100, e.hours).multipleOf(0.5, e.hours),
  passMark: z.coerce.number({ error: e.passMark }).int(e.passMark).min(0, e.passMark).max(100, e.passMark),
  order: z.coerce.number({ error: e.order }).int(e.order).min(0, e.order).max(9999, e.order),
});

export const NewCourseSchema = CourseSettingsSchema.extend({
  campusId: idField(e.campus),
  slug: z
    .string()
    .trim()
    .transform((s) => s.toLowerCase())
    .refine((s) => s === "" || /^[a-z0-9][a-z0-9-]{1,39}$/.test(s), e.slug),
});

export const NewLessonSchema = z.object({
  title: z.string().trim().min(1, e.title).max(60, e.title),
  minutes: z.coerce.number({ error: e.minutes }).int(e.minutes).min(1, e.minutes).max(240, e.minutes),
});

/** Characters, not bytes: what an author can picture. The compiler's 1 MB limit stays behind it. */
export const MAX_BODY_CHARS = 100_000;

export const LessonSaveSchema = NewLessonSchema.extend({
  // Browsers send a textarea's line breaks as CRLF: stored text uses \n, so an unchanged lesson hashes the same.
  body: z
    .string()
    .max(MAX_BODY_CHARS, e.bodyTooLong)
    .transform((s) => s.replace(/\r\n?/g, "\n")),
  baseVersionId: z.string().regex(/^\d{0,18}$/),
});
