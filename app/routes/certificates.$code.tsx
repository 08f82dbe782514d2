import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { PrintButton } from "../components/print-button";
import { requireUser } from "../lib/auth.server";
import { formatCertificateCode, normalizeCertificateCode } from "../lib/certificate-code";
import { chinaDate } from "../lib/dates";
import { t } from "../lib/messages";
import { absoluteUrl, qrSvg } from "../lib/qr.server";
import { getOwnCertificate, subjectKind } from "../models/certificate.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t.certificate.heading} ${data.code} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
];

/** The holder's certificate, laid out for one A4 sheet (landscape), with a QR code to the public check. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const code = normalizeCertificateCode(params.code ?? "");
  const certificate = code ? await getOwnCertificate(context.db, user.id, code) : undefined;
  if (!certificate) throw new Response(t.certificate.notYours, { status: 404 });
  const verifyUrl = absoluteUrl(request, `/verify/${certificate.code}`);
  return {
    code: formatCertificateCode(certificate.code),
    holderName: certificate.holderName,
    title: certificate.title,
    kind: subjectKind(certificate),
    campusName: certificate.campusName,
    hours: certificate.hours,
    date: chinaDate(certificate.issuedAt),
    verifyUrl,
    qr: await qrSvg(verifyUrl),
  };
}

export default function CertificatePage() {
  const c = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-2 print:hidden sm:flex-row sm:items-center sm:justify-between">
        <p className="text-base text-stone-600">{t.certificate.printHint}</p>
        <PrintButton>{t.certificate.print}</PrintButton>
      </div>
      <article
        aria-label={t.certificate.heading}
        className="mx-auto flex w-full max-w-4xl flex-col justify-between gap-6 border-8 border-double border-brand-700 bg-white p-5 text-center sm:aspect-[297/210] sm:gap-0 sm:p-10 print:h-[180mm] print:max-w-none print:aspect-auto"
      >
        <div>
          <p className="text-base tracking-widest text-brand-700 sm:text-xl">{t.site.name}</p>
          <h1 className="mt-1 text-2xl font-bold tracking-[0.4em] text-brand-800 sm:mt-3 sm:text-5xl">{t.certificate.heading}</h1>
        </div>
        <div className="space-y-2 sm:space-y-4">
          <p className="text-2xl font-bold sm:text-4xl">{c.holderName}</p>
          <p className="text-base leading-relaxed sm:text-2xl">{t.certificate.body(c.holderName, c.title, String(Number(c.hours)))}</p>
          <p className="text-sm text-stone-600 sm:text-lg">
            {t.common.labelled(t.certificate[c.kind], c.title)}
          </p>
        </div>
        <div className="flex flex-col items-center gap-4 text-left sm:flex-row sm:items-end sm:justify-between">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-base sm:text-lg">
            <dt className="text-stone-600">{t.certificate.campus}</dt>
            <dd>{c.campusName}</dd>
            <dt className="text-stone-600">{t.certificate.issuedAt}</dt>
            <dd>{c.date}</dd>
            <dt className="text-stone-600">{t.certificate.code}</dt>
            <dd className="font-mono font-bold">{c.code}</dd>
          </dl>
          <figure className="w-28 shrink-0 sm:w-32">
            {/* qrcode's own SVG for a URL we built: no user text inside. */}
            <div className="[&_svg]:h-auto [&_svg]:w-full" dangerouslySetInnerHTML={{ __html: c.qr }} />
            <figcaption className="text-center text-xs text-stone-600 sm:text-sm">{t.certificate.scan}</figcaption>
          </figure>
        </div>
      </article>
      <p className="text-center text-base break-all text-stone-600 print:hidden">{c.verifyUrl}</p>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
