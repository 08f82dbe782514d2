import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useSearchParams } from "@remix-run/react";
import { SimpleForm } from "../components/auth-form";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { PhoneField } from "../components/profile-fields";
import { TextField } from "../components/ui/field";
import { Card, PageTitle } from "../components/ui/page";
import { logIn, requireAnonymous, safeRedirectPath } from "../lib/auth.server";
import { parseForm } from "../lib/forms";
import { t } from "../lib/messages";
import { LoginSchema } from "../lib/user-validation";
import { claimLoginAttempt, recordLoginSuccess } from "../models/login-throttle.server";
import { verifyLogin } from "../models/user.server";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction = () => [{ title: `${t.auth.loginTitle} - ${t.site.name}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  requireAnonymous(context);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = parseForm(await readForm(request), LoginSchema);
  if (!form.ok) return data({ fieldErrors: form.fieldErrors, formError: t.validation.formError, values: form.values }, { status: 400 });
  const { phone, password, redirectTo } = form.data;
  const values = { phone };

  const throttle = await claimLoginAttempt(context.db, phone, context.clientIp);
  if (!throttle.allowed) {
    return data(
      { fieldErrors: {}, formError: t.auth.tooManyAttempts(throttle.retryAfterMinutes), values },
      { status: 429, headers: { "Retry-After": String(throttle.retryAfterMinutes * 60) } },
    );
  }
  const userId = await verifyLogin(context.db, phone, password);
  if (userId === null) return data({ fieldErrors: {}, formError: t.auth.wrongCredentials, values }, { status: 400 });

  await recordLoginSuccess(context.db, phone, context.clientIp);
  return logIn(context, userId, safeRedirectPath(redirectTo, "/"));
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t.auth.loginTitle}</PageTitle>
      <Card>
        <SimpleForm submitLabel={t.auth.loginButton} formError={actionData?.formError}>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <PhoneField defaultValue={actionData?.values.phone} error={errors.phone} />
          <TextField
            label={t.auth.password}
            name="password"
            type="password"
            autoComplete="current-password"
            error={errors.password}
            required
          />
        </SimpleForm>
      </Card>
      <p className="mt-6 text-center text-lg">
        {t.auth.noAccount}
        <Link to="/register" className="font-medium text-brand-700 underline underline-offset-4">
          {t.auth.goRegister}
        </Link>
      </p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
