import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Button } from "../components/ui/button";
import { TextField } from "../components/ui/field";
import { Notice } from "../components/ui/notice";
import { Card, PageTitle } from "../components/ui/page";
import { requireUser } from "../lib/auth.server";
import { chinaToday } from "../lib/dates";
import { t } from "../lib/messages";
import { checkIn } from "../models/checkin.server";
import { readForm } from "../lib/read-form.server";

const c = t.camps;
export const meta: MetaFunction = () => [{ title: `${c.checkinPage} - ${t.site.name}` }];

/** A member checks in: the QR code opens this page with the code filled in; typing it works the same. */
export function loader({ request, context }: LoaderFunctionArgs) {
  requireUser(request, context);
  const code = new URL(request.url).searchParams.get("code") ?? "";
  return { code: /^\d{6}$/.test(code) ? code : "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = requireUser(request, context);
  const code = String((await readForm(request)).get("code") ?? "").replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) return data({ ok: false, message: c.checkinCodeFormat, campId: null }, { status: 400 });
  const result = await checkIn(context.db, session.user.id, code, chinaToday());
  if (result.ok) {
    return data({ ok: true, message: result.already ? c.checkinAlready(result.topic) : c.checkinOk(result.campName, result.topic), campId: result.campId });
  }
  const refusal = {
    code: [c.checkinBadCode, 400],
    not_member: [c.checkinNotMember, 403],
    throttled: [c.checkinThrottled(result.retryAfterMinutes ?? 10), 429],
  } as const;
  const [message, status] = refusal[result.reason];
  return data({ ok: false, message, campId: null }, { status });
}

export default function Checkin() {
  const { code } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <PageTitle subtitle={c.checkinPageIntro}>{c.checkinPage}</PageTitle>
      {result ? <Notice tone={result.ok ? "success" : "error"}>{result.message}</Notice> : null}
      {result?.ok && result.campId ? (
        <Link to={`/camps/${result.campId}`} className="inline-flex min-h-12 items-center text-lg text-brand-700 underline underline-offset-4">
          {c.title}
        </Link>
      ) : (
        <Card>
          <Form method="post" className="flex flex-col gap-4">
            <TextField
              label={c.checkinCode}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="\d{6}"
              maxLength={6}
              defaultValue={code}
              className="min-h-16 w-full rounded-xl border-2 border-stone-300 px-4 text-center font-mono text-4xl tracking-widest"
              required
            />
            <Button disabled={navigation.state !== "idle"} className="w-full">
              {c.checkinButton}
            </Button>
          </Form>
        </Card>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
