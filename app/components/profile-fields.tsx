import { learnerIdentities } from "../../db/schema";
import { t } from "../lib/messages";
import { SelectField, TextField } from "./ui/field";

/** Name, 身份 and 街道/社区/小区: asked at registration and editable on the profile page. */
export function ProfileFields({
  values,
  errors,
}: {
  values: Partial<Record<"displayName" | "identity" | "street" | "community" | "compound", string>>;
  errors: Record<string, string>;
}) {
  const identityOptions = learnerIdentities.map((value) => ({ value, label: t.identity[value] }));
  return (
    <>
      <TextField
        label={t.auth.displayName}
        hint={t.auth.displayNameHint}
        name="displayName"
        autoComplete="name"
        maxLength={30}
        defaultValue={values.displayName}
        error={errors.displayName}
        required
      />
      <SelectField
        label={t.auth.identity}
        name="identity"
        options={identityOptions}
        placeholder={t.auth.identityPlaceholder}
        defaultValue={values.identity ?? ""}
        error={errors.identity}
        required
      />
      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 text-base text-stone-600">{t.auth.addressHint}</legend>
        <TextField label={t.auth.street} name="street" maxLength={40} defaultValue={values.street} error={errors.street} required />
        <TextField
          label={t.auth.community}
          name="community"
          maxLength={40}
          defaultValue={values.community}
          error={errors.community}
          required
        />
        <TextField
          label={t.auth.compound}
          name="compound"
          maxLength={40}
          defaultValue={values.compound}
          error={errors.compound}
          required
        />
      </fieldset>
    </>
  );
}

/** A mainland mobile number: numeric keypad on phones, hint optional. */
export function PhoneField({
  label = t.auth.phone,
  hint,
  defaultValue,
  error,
}: {
  label?: string;
  hint?: string;
  defaultValue?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <TextField
      label={label}
      hint={hint}
      name="phone"
      type="tel"
      inputMode="numeric"
      autoComplete="tel"
      defaultValue={defaultValue}
      error={error}
      required
    />
  );
}

/** A new password typed twice; `name` is the first field's name ("password" or "newPassword"). */
export function NewPasswordFields({
  name,
  label,
  errors,
}: {
  name: "password" | "newPassword";
  label: string;
  errors: Record<string, string>;
}) {
  return (
    <>
      <TextField label={label} hint={t.auth.passwordHint} name={name} type="password" autoComplete="new-password" error={errors[name]} required />
      <TextField
        label={t.auth.confirmPassword}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword}
        required
      />
    </>
  );
}
