import { z } from "zod";
import { t } from "./messages";

export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };

/** Ids are PostgreSQL integers: anything larger would fail the query instead of finding nothing. */
export const MAX_ID = 2_147_483_647;

/** A form field holding an id, or null when it is not one (empty, negative, a fraction, too large). */
export function idFrom(value: FormDataEntryValue | null): number | null {
  return typeof value === "string" && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= MAX_ID ? Number(value) : null;
}

/**
 * A zod error option whose words are read when a form is checked, not when the schema is built.
 * Schemas are module-level constants, built once: a plain `t.x` string there would stay in the
 * language the module was loaded in (Chinese), whatever the reader chose.
 */
export function lazyError(message: () => string) {
  return { error: () => message() };
}

/** The keys of a dictionary section that hold plain text (not message functions). */
export type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T];

/**
 * A form field holding an id, for zod schemas: decimal digits only ("0x10", "1e3" and "1.0" would
 * coerce to numbers that name some other row), within PostgreSQL's integer range.
 */
export function idField(message: () => string) {
  return z
    .string(lazyError(message))
    .trim()
    .regex(/^[1-9]\d{0,9}$/, lazyError(message))
    .transform(Number)
    .refine((n) => n <= MAX_ID, lazyError(message));
}

/** C0 controls other than tab, line feed and carriage return, and DEL. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Fields never echoed back into a re-rendered form. */
const SECRET_FIELDS = /password/i;

/**
 * Validates a submitted form with a zod schema. On failure returns one Chinese message per field
 * and the submitted values (minus passwords), so the page can show both and nothing typed is lost.
 */
export function parseForm<S extends z.ZodType>(formData: FormData, schema: S): FormResult<z.output<S>> {
  const raw: Record<string, string> = {};
  for (const [key, value] of formData) {
    if (typeof value === "string" && !(key in raw)) raw[key] = value;
  }
  const fieldErrors: FieldErrors = {};
  // PostgreSQL cannot store NUL in text, and other control characters (a pasted terminal escape)
  // have no place in a name or a title: refused here, for every form, instead of failing the insert.
  for (const [key, value] of Object.entries(raw)) {
    if (CONTROL_CHARACTERS.test(value)) fieldErrors[key] = t.validation.controlCharacters;
  }
  const result = schema.safeParse(raw);
  if (result.success && Object.keys(fieldErrors).length === 0) return { ok: true, data: result.data };
  for (const issue of result.success ? [] : result.error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    fieldErrors[key] ??= issue.message;
  }
  const values = Object.fromEntries(Object.entries(raw).filter(([key]) => !SECRET_FIELDS.test(key)));
  return { ok: false, fieldErrors, values };
}
