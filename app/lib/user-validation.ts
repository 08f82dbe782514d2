import { z } from "zod";
import { learnerIdentities } from "../../db/schema";
import { t } from "./messages";
import { isValidPhone, normalizePhone } from "./phone";

const v = t.validation;

const text = (max: number) =>
  z
    .string({ error: v.required })
    .trim()
    .min(1, v.required)
    .max(max, v.tooLong(max));

export const phoneField = z
  .string({ error: v.required })
  .transform(normalizePhone)
  .refine((p) => p.length > 0, v.required)
  .refine(isValidPhone, v.phoneInvalid);

export const newPasswordField = z.string({ error: v.required }).min(8, v.passwordTooShort).max(128, v.passwordTooLong);

const profileFields = {
  displayName: text(30),
  identity: z.enum(learnerIdentities, { error: v.identityInvalid }),
  street: text(40),
  community: text(40),
  compound: text(40),
};

export const ProfileSchema = z.object(profileFields);

export const RegisterSchema = z
  .object({
    phone: phoneField,
    password: newPasswordField,
    confirmPassword: z.string({ error: v.required }).min(1, v.required),
    ...profileFields,
  })
  .refine((f) => f.password === f.confirmPassword, { path: ["confirmPassword"], message: v.passwordMismatch });

export const LoginSchema = z.object({
  phone: phoneField,
  // Any length: an old password must still be accepted here even if the rules change.
  password: z.string({ error: v.required }).min(1, v.required).max(1024, v.passwordTooLong),
  redirectTo: z.string().optional(),
});

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: v.required }).min(1, v.required).max(1024, v.passwordTooLong),
    newPassword: newPasswordField,
    confirmPassword: z.string({ error: v.required }).min(1, v.required),
  })
  .refine((f) => f.newPassword === f.confirmPassword, { path: ["confirmPassword"], message: v.passwordMismatch });
