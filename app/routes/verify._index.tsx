import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Button } from "../components/ui/button";
import { TextField } from "../components/ui/field";
import { Card, PageTitle } from "../components/ui/page";
import { normalizeCertificateCode } from "../lib/certificate-code";
import { t } from "../lib/messages";

export const meta: MetaFunction = () => [{ title: `${t.certificate.verifyTitle} - ${t.site.name}` }];

/** Type the code from a paper certificate: a GET form, so it works without JavaScript and can be bookmarked. */
export async function loader({ request }: LoaderFunctionArgs) {
  const input = new URL(request.url).searchParams.get("code");
  if (input === null) return data({ error: null as string | null, value: "" });
  const code = normalizeCertificateCode(input);
  if (code) throw redirect(`/verify/${code}`);
  return data({ error: t.certificate.badCode, value: input.slice(0, 20) }, { status: 400 });
}

export default function VerifyForm() {
  const { error, value } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-xl">
      <PageTitle subtitle={t.certificate.verifyIntro}>{t.certificate.verifyTitle}</PageTitle>
      <Card>
        <Form method="get" className="space-y-4">
          <TextField label={t.certificate.code} name="code" defaultValue={value} error={error ?? undefined} placeholder={t.certificate.verifyPlaceholder} autoComplete="off" autoCapitalize="characters" />
          <Button className="w-full sm:w-auto">{t.certificate.verifyButton}</Button>
        </Form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
