import { t } from "../lib/messages";
import { SelectField, TextAreaField, TextField } from "./ui/field";

const f = t.authoring.fields;

export interface CourseValues {
  title?: string;
  summary?: string;
  categoryId?: string;
  audience?: string;
  hours?: string;
  passMark?: string;
  order?: string;
}

/** The settings every course has, for the create and edit forms. Values are strings as the form holds them. */
export function CourseSettingsFields({
  values,
  errors,
  categories,
}: {
  values: CourseValues;
  errors: Record<string, string>;
  categories: { value: string; label: string }[];
}) {
  const audiences = Object.entries(t.course.audience).map(([value, label]) => ({ value, label }));
  return (
    <>
      <TextField label={f.title} name="title" defaultValue={values.title} error={errors.title} maxLength={60} required />
      <TextAreaField label={f.summary} hint={f.summaryHint} name="summary" defaultValue={values.summary} error={errors.summary} rows={3} maxLength={300} required />
      <SelectField label={f.category} name="categoryId" defaultValue={values.categoryId} error={errors.categoryId} options={categories} placeholder={t.common.choose} />
      <SelectField label={f.audience} name="audience" defaultValue={values.audience ?? "everyone"} error={errors.audience} options={audiences} />
      <div className="grid gap-5 sm:grid-cols-3">
        <TextField label={f.hours} hint={f.hoursHint} name="hours" inputMode="decimal" defaultValue={values.hours ?? "1"} error={errors.hours} />
        <TextField label={f.passMark} name="passMark" inputMode="numeric" defaultValue={values.passMark ?? "80"} error={errors.passMark} />
        <TextField label={f.order} hint={f.orderHint} name="order" inputMode="numeric" defaultValue={values.order ?? "100"} error={errors.order} />
      </div>
    </>
  );
}
