import { learnerIdentities } from "../../db/schema";
import { t } from "../lib/messages";
import { SelectField, TextField } from "./ui/field";

const identityOptions = learnerIdentities.map((value) => ({ value, label: t.identity[value] }));

/** Name, 身份 and 街道/社区/小区: asked at registration and editable on the profile page. */
export function ProfileFields({
  values,
  errors,
}: {
  values: Partial<Record<"displayName" | "identity" | "street" | "community" | "compound", string>>;
  errors: Record<string, string>;
}) {
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
