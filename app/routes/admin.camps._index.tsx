import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SimpleForm } from "../components/auth-form";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { SelectField, TextAreaField, TextField } from "../components/ui/field";
import { Card, PageTitle, rowListClass } from "../components/ui/page";
import { administeredCampusIds, hasRole, requireRole } from "../lib/auth.server";
import { CampSchema } from "../lib/camp-form";
import { dayLabel } from "../lib/dates";
import { parseForm } from "../lib/forms";
import { t } from "../lib/messages";
import { listCampuses } from "../models/campus.server";
import { createCamp, listCampsForAdmin } from "../models/camp.server";
import { readForm } from "../lib/read-form.server";

const c = t.camps;
export const meta: MetaFunction = () => [{ title: `${c.adminTitle} - ${t.site.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const scope = administeredCampusIds(session);
  const [camps, campuses] = await Promise.all([listCampsForAdmin(context.db, scope), listCampuses(context.db)]);
  return {
    camps: camps.map((camp) => ({ ...camp, dates: `${dayLabel(camp.startsOn)} – ${dayLabel(camp.endsOn)}` })),
    campuses: campuses.filter((x) => scope === null || scope.includes(x.id)).map((x) => ({ value: String(x.id), label: x.name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const form = parseForm(await readForm(request), CampSchema);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, values: form.values }, { status: 400 });
  // The campus is chosen in the form: checked like any forged id.
  if (!hasRole(session, "branch_admin", form.data.campusId)) {
    return data({ fieldErrors: { campusId: c.errors.campus } as Record<string, string>, values: {} as Record<string, string> }, { status: 403 });
  }
  const id = await createCamp(context.db, form.data, { id: session.user.id, ip: context.clientIp });
  if (id === null) return data({ fieldErrors: { campusId: c.errors.campus } as Record<string, string>, values: Object.fromEntries(Object.entries(form.data).map(([k, v]) => [k, String(v)])) }, { status: 400 });
  return redirect(`/admin/camps/${id}`);
}

export default function AdminCamps() {
  const { camps, campuses } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const values = result?.values ?? {};
  const errors: Record<string, string> = result?.fieldErrors ?? {};
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: "/admin", label: t.admin.title }]} />
      <PageTitle subtitle={c.adminIntro}>{c.adminTitle}</PageTitle>
      {camps.length === 0 ? (
        <p className="text-lg text-stone-700">{c.none}</p>
      ) : (
        <ul className={rowListClass}>
          {camps.map((camp) => (
            <li key={camp.id}>
              <Link to={`/admin/camps/${camp.id}`} className="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-stone-50">
                <span className="min-w-0 flex-1 text-lg font-medium">{camp.name}</span>
                <span className="text-base text-stone-600">{c.members(camp.memberCount ?? 0)}</span>
                <span className="w-full text-base text-stone-500">
                  {camp.campusName} · {camp.dates}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <Card>
        <h2 className="mb-3 text-2xl font-bold">{c.newCamp}</h2>
        <SimpleForm submitLabel={c.createCamp} formError={errors.form}>
          <SelectField
            label={c.fields.campus}
            name="campusId"
            options={campuses}
            defaultValue={values.campusId ?? (campuses.length === 1 ? campuses[0]?.value : undefined)}
            placeholder={campuses.length === 1 ? undefined : t.common.choose}
            error={errors.campusId}
          />
          <TextField label={c.fields.name} name="name" maxLength={60} defaultValue={values.name} error={errors.name} required />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField label={c.fields.startsOn} name="startsOn" type="date" defaultValue={values.startsOn} error={errors.startsOn} required />
            <TextField label={c.fields.endsOn} name="endsOn" type="date" defaultValue={values.endsOn} error={errors.endsOn} required />
          </div>
          <TextField label={c.fields.place} name="place" maxLength={100} defaultValue={values.place} error={errors.place} required />
          <TextAreaField label={c.fields.description} name="description" rows={3} maxLength={500} defaultValue={values.description} />
          <div className="grid gap-5 sm:grid-cols-2">
            <TextField label={c.fields.requiredSessions} name="requiredSessions" inputMode="numeric" defaultValue={values.requiredSessions ?? "0"} error={errors.requiredSessions} />
            <TextField label={c.fields.hours} name="hours" inputMode="decimal" defaultValue={values.hours ?? "0"} error={errors.hours} />
          </div>
        </SimpleForm>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
