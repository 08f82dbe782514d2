import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SimpleForm } from "../components/auth-form";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Button } from "../components/ui/button";
import { PhoneField } from "../components/profile-fields";
import { SelectField } from "../components/ui/field";
import { Notice } from "../components/ui/notice";
import { Card, PageTitle } from "../components/ui/page";
import { requireRole } from "../lib/auth.server";
import { parseForm } from "../lib/forms";
import { t } from "../lib/messages";
import { maskPhone } from "../lib/phone";
import { phoneField } from "../lib/user-validation";
import { getCampusById, listCampuses } from "../models/campus.server";
import { getGrant, grantRole, listGrants, revokeGrant } from "../models/role.server";
import { findUserByPhone } from "../models/user.server";
import { readForm } from "../lib/read-form.server";
import { lazyError, MAX_ID } from "../lib/forms";

export const meta: MetaFunction = () => [{ title: `${t.admin.rolesTitle} - ${t.site.name}` }];

const chooseCampus = lazyError(() => t.admin.chooseCampus);
const GrantSchema = z.object({
  phone: phoneField,
  campusId: z.coerce.number(chooseCampus).int().positive(chooseCampus).max(MAX_ID, chooseCampus),
});
const RevokeSchema = z.object({ grantId: z.coerce.number().int().positive().max(MAX_ID) });

export async function loader({ request, context }: LoaderFunctionArgs) {
  requireRole(request, context, "district_admin");
  const [grants, campuses] = await Promise.all([listGrants(context.db, "branch_admin"), listCampuses(context.db)]);
  return {
    grants: grants.map(({ phone, ...g }) => ({ ...g, phone: maskPhone(phone) })),
    campuses: campuses.map((c) => ({ value: String(c.id), label: c.name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = requireRole(request, context, "district_admin");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const fail = (fieldErrors: Record<string, string>, values: Record<string, string> = {}) =>
    data({ ok: false as const, fieldErrors, values, message: Object.values(fieldErrors)[0] ?? "" }, { status: 400 });

  if (intent === "grant") {
    const form = parseForm(formData, GrantSchema);
    if (!form.ok) return fail(form.fieldErrors, form.values);
    const values = { phone: form.data.phone, campusId: String(form.data.campusId) };
    const user = await findUserByPhone(context.db, form.data.phone);
    if (!user) return fail({ phone: t.admin.userNotFound }, values);
    const campus = await getCampusById(context.db, form.data.campusId);
    if (!campus) return fail({ campusId: t.admin.campusNotFound }, values);
    const granted = await grantRole(context.db, {
      actorId: session.user.id,
      userId: user.id,
      role: "branch_admin",
      campusId: campus.id,
      ip: context.clientIp,
      targetName: user.displayName,
    });
    if (!granted) return fail({ phone: t.admin.alreadyGranted }, values);
    return data({ ok: true as const, fieldErrors: {}, values: {}, message: t.admin.granted(user.displayName, campus.name) });
  }

  if (intent === "revoke") {
    const form = parseForm(formData, RevokeSchema);
    const grant = form.ok ? await getGrant(context.db, form.data.grantId) : undefined;
    if (!form.ok || !grant || grant.role !== "branch_admin") return fail({ form: t.admin.grantNotFound });
    const revoked = await revokeGrant(context.db, grant.id, session.user.id, context.clientIp);
    if (!revoked) return fail({ form: t.admin.grantNotFound });
    const campus = revoked.campusId === null ? undefined : await getCampusById(context.db, revoked.campusId);
    return data({ ok: true as const, fieldErrors: {}, values: {}, message: t.admin.revoked(revoked.targetName, campus?.name ?? "") });
  }

  throw new Response(t.errors.badRequestTitle, { status: 400 });
}

export default function AdminRoles() {
  const { grants, campuses } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t.admin.rolesIntro}>{t.admin.rolesTitle}</PageTitle>
      {actionData?.message ? <Notice tone={actionData.ok ? "success" : "error"}>{actionData.message}</Notice> : null}

      <Card>
        <h2 className="mb-4 text-2xl font-bold">{t.admin.grantHeading}</h2>
        <SimpleForm submitLabel={t.admin.grantButton} intent="grant">
          <PhoneField label={t.admin.userPhone} defaultValue={values.phone} error={errors.phone} />
          <SelectField
            label={t.admin.campus}
            name="campusId"
            options={campuses}
            placeholder={t.admin.chooseCampus}
            defaultValue={values.campusId ?? ""}
            error={errors.campusId}
            required
          />
        </SimpleForm>
      </Card>

      <Card>
        <h2 className="mb-4 text-2xl font-bold">{t.admin.rolesTitle}</h2>
        {grants.length === 0 ? (
          <p className="text-lg text-stone-600">{t.admin.noGrants}</p>
        ) : (
          <ul className="divide-y divide-stone-200">
            {grants.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div className="text-lg">
                  <span className="font-medium">{g.displayName}</span> <span className="text-stone-600">{g.phone}</span>
                  <div className="text-base text-stone-700">{g.campusName}</div>
                </div>
                <Form method="post">
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="grantId" value={g.id} />
                  <Button variant="danger" aria-label={`${t.admin.revokeButton} ${g.displayName} ${g.campusName ?? ""}`}>
                    {t.admin.revokeButton}
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
