import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { randomBytes } from "node:crypto";
import { SimpleForm } from "../components/auth-form";
import { CourseSettingsFields } from "../components/course-settings-fields";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { SelectField, TextField } from "../components/ui/field";
import { Card, PageTitle } from "../components/ui/page";
import { administeredCampusIds, hasRole, requireRole } from "../lib/auth.server";
import { NewCourseSchema } from "../lib/course-form";
import { parseForm } from "../lib/forms";
import { t } from "../lib/messages";
import { createCourse } from "../models/admin-course.server";
import { listCampuses, listCategories } from "../models/campus.server";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction = () => [{ title: `${t.authoring.newCourse} - ${t.site.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const scope = administeredCampusIds(session);
  const [campuses, categories] = await Promise.all([listCampuses(context.db), listCategories(context.db)]);
  return {
    campuses: campuses.filter((c) => scope === null || scope.includes(c.id)).map((c) => ({ value: String(c.id), label: c.name })),
    categories: categories.map((c) => ({ value: String(c.id), label: c.name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const fail = (fieldErrors: Record<string, string>, values: Record<string, string>, status = 400) => data({ fieldErrors, values }, { status });
  const form = parseForm(await readForm(request), NewCourseSchema);
  if (!form.ok) return fail(form.fieldErrors, form.values);
  const values = Object.fromEntries(Object.entries(form.data).map(([k, v]) => [k, String(v)]));
  // The campus comes from the form, so it is checked like any forged id would be.
  if (!hasRole(session, "branch_admin", form.data.campusId)) {
    return fail({ campusId: t.authoring.errors.campus }, values, 403);
  }
  const slug = form.data.slug || `course-${randomBytes(4).toString("hex")}`;
  const result = await createCourse(context.db, { ...form.data, slug }, { id: session.user.id, ip: context.clientIp });
  if (!result.ok) {
    const message = result.field === "slug" ? t.authoring.errors.slugTaken : t.authoring.errors.category;
    return fail({ [result.field]: message }, values);
  }
  return redirect(`/admin/courses/${result.id}?created=course`);
}

export default function NewCourse() {
  const { campuses, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  const errors = result?.fieldErrors ?? {};
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: "/admin/courses", label: t.admin.coursesTitle }]} />
      <PageTitle subtitle={t.authoring.newCourseIntro}>{t.authoring.newCourse}</PageTitle>
      <Card>
        <SimpleForm submitLabel={t.authoring.createCourse} formError={errors.form}>
          <SelectField
            label={t.authoring.fields.campus}
            name="campusId"
            defaultValue={values.campusId ?? (campuses.length === 1 ? campuses[0]?.value : undefined)}
            error={errors.campusId}
            options={campuses}
            placeholder={campuses.length === 1 ? undefined : t.common.choose}
          />
          <CourseSettingsFields values={values} errors={errors} categories={categories} />
          <TextField label={t.authoring.fields.slug} hint={t.authoring.fields.slugHint} name="slug" defaultValue={values.slug} error={errors.slug} autoCapitalize="none" spellCheck={false} />
        </SimpleForm>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
