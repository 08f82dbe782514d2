import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ButtonLink } from "../components/ui/button";
import { Card, CardLink, PageTitle } from "../components/ui/page";
import { requireUser } from "../lib/auth.server";
import { formatCertificateCode } from "../lib/certificate-code";
import { chinaDate } from "../lib/dates";
import { t } from "../lib/messages";
import { listCertificates, subjectKind } from "../models/certificate.server";

export const meta: MetaFunction = () => [{ title: `${t.certificate.mine} - ${t.site.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const certificates = await listCertificates(context.db, user.id);
  return {
    certificates: certificates.map((c) => ({
      code: c.code,
      title: c.title,
      kind: subjectKind(c),
      campusName: c.campusName,
      hours: c.hours,
      date: chinaDate(c.issuedAt),
    })),
  };
}

export default function MyCertificates() {
  const { certificates } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle>{t.certificate.mine}</PageTitle>
      {certificates.length === 0 ? (
        <Card>
          <p className="text-lg text-stone-700">{t.certificate.none}</p>
          <ButtonLink to="/learn" variant="secondary" className="mt-3">
            {t.learn.title}
          </ButtonLink>
        </Card>
      ) : (
        <ul className="space-y-3">
          {certificates.map((c) => (
            <li key={c.code}>
              <CardLink to={`/certificates/${c.code}`}>
                <span className="block text-base text-stone-600">{t.certificate[c.kind]}</span>
                <span className="block text-xl font-bold">{c.title}</span>
                <span className="mt-1 block text-base text-stone-700">
                  {t.certificate.code} <span className="font-mono">{formatCertificateCode(c.code)}</span> · {t.course.hours(c.hours)} · {c.date}
                </span>
              </CardLink>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
