import { z } from "zod";
import { learnerIdentities } from "../../db/schema";
import { lazyError, type TextKey } from "./forms";
import { t } from "./messages";
import { isValidPhone, normalizePhone } from "./phone";

const v = t.validation;
/** The message of that name, in the reader's language when the form is checked (see lazyError). */
const err = (key: TextKey<typeof v>) => lazyError(() => v[key]);

const text = (max: number) =>
  z
    .string(err("required"))
    .trim()
    .min(1, err("required"))
    .max(max, lazyError(() => v.tooLong(max)));

export const phoneField = z
  .string(err("required"))
  .transform(normalizePhone)
  .refine((p) => p.length > 0, err("required"))
  .refine(isValidPhone, err("phoneInvalid"));

export const newPasswordField = z.string(err("required")).min(8, err("passwordTooShort")).max(128, err("passwordTooLong"));

const profileFields = {
  displayName: text(30),
  identity: z.enum(learnerIdentities, err("identityInvalid")),
  street: text(40),
  community: text(40),
  compound: text(40),
};

export const ProfileSchema = z.object(profileFields);

export const RegisterSchema = z
  .object({
    phone: phoneField,
    password: newPasswordField,
    confirmPassword: z.string(err("required")).min(1, err("required")),
    ...profileFields,
  })
  .refine((f) => f.password === f.confirmPassword, { path: ["confirmPassword"], ...err("passwordMismatch") });

export const LoginSchema = z.object({
  phone: phoneField,
  // Any length: an old password must still be accepted here even if the rules change.
  password: z.string(err("required")).min(1, err("required")).max(1024, err("passwordTooLong")),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string(err("required")).min(1, err("required")).max(1024, err("passwordTooLong")),
    newPassword: newPasswordField,
    confirmPassword: z.string(err("required")).min(1, err("required")),
  })
  .refine((f) => f.newPassword === f.confirmPassword, { path: ["confirmPassword"], ...err("passwordMismatch") });
