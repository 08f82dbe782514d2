import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { SimpleForm } from "../components/auth-form";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { NewPasswordFields, PhoneField, ProfileFields } from "../components/profile-fields";
import { Card, PageTitle } from "../components/ui/page";
import { logIn, requireAnonymous } from "../lib/auth.server";
import { parseForm } from "../lib/forms";
import { t } from "../lib/messages";
import { RegisterSchema } from "../lib/user-validation";
import { registerUser } from "../models/user.server";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction = () => [{ title: `${t.auth.registerTitle} - ${t.site.name}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(await readForm(request), RegisterSchema);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, formError: t.validation.formError, values: form.values }, { status: 400 });
  const { confirmPassword: _, ...input } = form.data;
  const result = await registerUser(context.db, input);
  if (!result.ok) {
    const { password: _p, confirmPassword: _c, ...values } = form.data;
    return data({ fieldErrors: { phone: t.validation.phoneTaken }, formError: t.validation.phoneTaken, values }, { status: 400 });
  }
  return logIn(context, result.userId, "/profile");
}

export default function RegisterPage() {
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t.auth.registerTitle}</PageTitle>
      <Card>
        <SimpleForm submitLabel={t.auth.registerButton} formError={actionData?.formError}>
          <PhoneField hint={t.auth.phoneHint} defaultValue={values.phone} error={errors.phone} />
          <NewPasswordFields name="password" label={t.auth.password} errors={errors} />
          <ProfileFields values={values} errors={errors} />
        </SimpleForm>
      </Card>
      <p className="mt-6 text-center text-lg">
        {t.auth.haveAccount}
        <Link to="/login" className="font-medium text-brand-700 underline underline-offset-4">
          {t.auth.goLogin}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
