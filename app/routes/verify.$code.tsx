import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Notice } from "../components/ui/notice";
import { Card, PageTitle } from "../components/ui/page";
import { formatCertificateCode, normalizeCertificateCode } from "../lib/certificate-code";
import { chinaDate } from "../lib/dates";
import { t } from "../lib/messages";
import { verifyCertificate } from "../models/certificate.server";

export const meta: MetaFunction = () => [{ title: `${t.certificate.verifyTitle} - ${t.site.name}` }, { name: "robots", content: "noindex" }];

/** Public: anyone holding the paper can check it. Shows the masked name (张*明), never a phone number. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const code = normalizeCertificateCode(params.code ?? "");
  const found = code ? await verifyCertificate(context.db, code) : undefined;
  const shown = (params.code ?? "").slice(0, 20);
  // 404 with a page that says so: a checker sees 证书不存在, a crawler sees nothing to index.
  if (!found) return data({ asked: shown, found: null }, { status: 404 });
  return data({
    asked: shown,
    found: {
      code: formatCertificateCode(found.code),
      maskedName: found.maskedName,
      title: found.title,
      kind: found.kind,
      campusName: found.campusName,
      hours: found.hours,
      date: chinaDate(found.issuedAt),
    },
  });
}

export default function VerifyPage() {
  const { found, asked } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageTitle>{t.certificate.verifyTitle}</PageTitle>
      {found ? (
        <>
          <Notice tone="success">✓ {t.certificate.valid}</Notice>
          <Card>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg">
              <dt className="text-stone-600">{t.certificate.holder}</dt>
              <dd className="font-bold">{found.maskedName}</dd>
              <dt className="text-stone-600">{t.certificate[found.kind]}</dt>
              <dd>{found.title}</dd>
              <dt className="text-stone-600">{t.certificate.campus}</dt>
              <dd>{found.campusName}</dd>
              <dt className="text-stone-600">{t.certificate.hours}</dt>
              <dd>{t.course.hours(found.hours)}</dd>
              <dt className="text-stone-600">{t.certificate.issuedAt}</dt>
              <dd>{found.date}</dd>
              <dt className="text-stone-600">{t.certificate.code}</dt>
              <dd className="font-mono">{found.code}</dd>
            </dl>
          </Card>
        </>
      ) : (
        <Notice tone="error">
          <strong>{t.certificate.notFound}</strong>
          {asked ? <span className="font-mono">{t.common.parenthesized(asked)}</span> : null}
          <span className="mt-1 block text-base">{t.certificate.notFoundHint}</span>
        </Notice>
      )}
      <Link to="/verify" className="inline-block text-lg text-brand-700 underline underline-offset-4">
        {t.certificate.verifyAnother}
      </Link>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
