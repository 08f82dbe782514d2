import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SimpleForm } from "../components/auth-form";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { NewPasswordFields, ProfileFields } from "../components/profile-fields";
import { Button } from "../components/ui/button";
import { TextField } from "../components/ui/field";
import { Notice } from "../components/ui/notice";
import { Card, PageTitle } from "../components/ui/page";
import { requireUser } from "../lib/auth.server";
import { parseForm } from "../lib/forms";
import { t } from "../lib/messages";
import { sessionCookie } from "../lib/session-cookie.server";
import { ChangePasswordSchema, ProfileSchema } from "../lib/user-validation";
import { listCampuses } from "../models/campus.server";
import { changePassword, getUserProfile, updateProfile } from "../models/user.server";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction = () => [{ title: `${t.profile.title} - ${t.site.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = requireUser(request, context);
  const profile = await getUserProfile(context.db, session.user.id);
  if (!profile) throw new Response(t.errors.notFoundBody, { status: 404 });
  const campuses = await listCampuses(context.db);
  const roles = session.grants.map((g) =>
    g.role === "district_admin"
      ? t.role.district_admin
      : `${campuses.find((c) => c.id === g.campusId)?.name ?? ""}${t.role.branch_admin}`,
  );
  // The owner's own profile is the one place the full phone number is shown.
  return { profile, roles: [t.role.learner, ...roles] };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = requireUser(request, context);
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === "profile") {
    const form = parseForm(formData, ProfileSchema);
    if (!form.ok) return data({ intent, fieldErrors: form.fieldErrors, values: form.values, message: null }, { status: 400 });
    await updateProfile(context.db, session.user.id, form.data);
    return data({ intent, fieldErrors: {}, values: {}, message: t.profile.saved });
  }

  if (intent === "password") {
    const form = parseForm(formData, ChangePasswordSchema);
    if (!form.ok) return data({ intent, fieldErrors: form.fieldErrors, values: {}, message: null }, { status: 400 });
    const result = await changePassword(
      context.db,
      session.user.id,
      form.data.currentPassword,
      form.data.newPassword,
      context.clientIp,
    );
    if (!result.ok) {
      return data(
        { intent, fieldErrors: { currentPassword: t.validation.currentPasswordWrong }, values: {}, message: null },
        { status: 400 },
      );
    }
    return data(
      { intent, fieldErrors: {}, values: {}, message: t.profile.passwordChanged },
      { headers: { "Set-Cookie": sessionCookie(result.token, result.expiresAt, context.secureCookies) } },
    );
  }

  throw new Response(t.errors.badRequestTitle, { status: 400 });
}

export default function ProfilePage() {
  const { profile, roles } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const profileErrors: Record<string, string> = actionData?.intent === "profile" ? actionData.fieldErrors : {};
  const passwordErrors: Record<string, string> = actionData?.intent === "password" ? actionData.fieldErrors : {};
  const profileValues = actionData?.intent === "profile" && !actionData.message ? actionData.values : profile;
  return (
    <div className="mx-auto max-w-xl space-y-6">
      <PageTitle subtitle={t.identity[profile.identity]}>{profile.displayName}</PageTitle>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg">
          <dt className="text-stone-600">{t.profile.phone}</dt>
          <dd data-testid="own-phone">{profile.phone}</dd>
          <dt className="text-stone-600">{t.profile.roles}</dt>
          <dd>{roles.join(t.common.listSeparator)}</dd>
        </dl>
      </Card>

      <Card>
        <h2 className="mb-4 text-2xl font-bold">{t.profile.edit}</h2>
        {actionData?.intent === "profile" && actionData.message ? (
          <div className="mb-4">
            <Notice tone="success">{actionData.message}</Notice>
          </div>
        ) : null}
        <SimpleForm submitLabel={t.profile.save} intent="profile">
          <ProfileFields values={profileValues} errors={profileErrors} />
        </SimpleForm>
      </Card>

      <Card>
        <h2 className="mb-4 text-2xl font-bold">{t.profile.changePassword}</h2>
        {actionData?.intent === "password" && actionData.message ? (
          <div className="mb-4">
            <Notice tone="success">{actionData.message}</Notice>
          </div>
        ) : null}
        <SimpleForm submitLabel={t.profile.changePasswordButton} intent="password">
          <TextField
            label={t.profile.currentPassword}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            error={passwordErrors.currentPassword}
            required
          />
          <NewPasswordFields name="newPassword" label={t.profile.newPassword} errors={passwordErrors} />
        </SimpleForm>
      </Card>

      <Form method="post" action="/logout">
        <Button variant="secondary" className="w-full sm:w-auto">
          {t.nav.logout}
        </Button>
      </Form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
