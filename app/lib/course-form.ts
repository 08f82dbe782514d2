import { z } from "zod";
import { t } from "./messages";
import { idField, lazyError, type TextKey } from "./forms";

const e = t.authoring.errors;
/** The error of that name, in the reader's language when the form is checked (see lazyError). */
const err = (key: TextKey<typeof e>) => lazyError(() => e[key]);

/** Course settings as the admin form submits them (create and edit). */
export const CourseSettingsSchema = z.object({
  title: z.string().trim().min(1, err("title")).max(60, err("title")),
  summary: z.string().trim().min(1, err("summary")).max(300, err("summary")),
  categoryId: idField(() => e.category),
  audience: z.enum(["candidates", "liaisons", "everyone"], err("audience")),
  hours: z.coerce.number(err("hours")).min(0.5, err("hours")).max(100, err("hours")).multipleOf(0.5, err("hours")),
  passMark: z.coerce.number(err("passMark")).int(err("passMark")).min(0, err("passMark")).max(100, err("passMark")),
  order: z.coerce.number(err("order")).int(err("order")).min(0, err("order")).max(9999, err("order")),
});

export const NewCourseSchema = CourseSettingsSchema.extend({
  campusId: idField(() => e.campus),
  slug: z
    .string()
    .trim()
    .transform((s) => s.toLowerCase())
    .refine((s) => s === "" || /^[a-z0-9][a-z0-9-]{1,39}$/.test(s), err("slug")),
});

export const NewLessonSchema = z.object({
  title: z.string().trim().min(1, err("title")).max(60, err("title")),
  minutes: z.coerce.number(err("minutes")).int(err("minutes")).min(1, err("minutes")).max(240, err("minutes")),
});

/** Characters, not bytes: what an author can picture. The compiler's 1 MB limit stays behind it. */
export const MAX_BODY_CHARS = 100_000;

export const LessonSaveSchema = NewLessonSchema.extend({
  // Browsers send a textarea's line breaks as CRLF: stored text uses \n, so an unchanged lesson hashes the same.
  body: z
    .string()
    .max(MAX_BODY_CHARS, err("bodyTooLong"))
    .transform((s) => s.replace(/\r\n?/g, "\n")),
  baseVersionId: z.string().regex(/^\d{0,18}$/),
});
