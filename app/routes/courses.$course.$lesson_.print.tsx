import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { PrintButton } from "../components/print-button";
import { ButtonLink } from "../components/ui/button";
import { chinaToday } from "../lib/dates";
import { t } from "../lib/messages";
import { sheetWords } from "../lib/messages-print";
import { cachedPrintSheet, printSheet } from "../lib/mdx/print.server";
import { absoluteUrl, qrSvg } from "../lib/qr.server";
import { getCourseCampusName, getLessonForReading, lessonCode } from "../models/course.server";
import sheetStyles from "../styles/print-sheet.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: sheetStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${t.print.title(data.lesson.title)} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
  // A sheet is a copy of the lesson: the lesson page is the one to find.
  { name: "robots", content: "noindex" },
];

/**
 * The lesson as a 明白纸 that liaisons print and hand out: its rule boxes, steps, checklists and
 * cited articles on one or two A4 sheets, with a QR code back to the full lesson. Open to everyone
 * like the lesson itself, and like it only published lessons (the same outline query).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const courseSlug = params.course ?? "";
  const [found, campusName] = await Promise.all([
    getLessonForReading(context.db, courseSlug, params.lesson ?? ""),
    getCourseCampusName(context.db, courseSlug),
  ]);
  if (!found) throw new Response(t.course.lessonNotFound, { status: 404 });
  const { course, lesson, number } = found;
  const html =
    cachedPrintSheet(lesson.versionId, context.laws) ??
    printSheet(lesson.versionId, await lessonCode(context.db, lesson.versionId), context.laws);
  const lessonPath = `/courses/${encodeURIComponent(course.slug)}/${encodeURIComponent(lesson.slug)}`;
  const lessonUrl = absoluteUrl(request, lessonPath);
  return {
    course: { title: course.title },
    campusName: campusName ?? "",
    lesson: { title: lesson.title, number, path: lessonPath },
    html,
    lessonUrl,
    qr: await qrSvg(lessonUrl),
    printedOn: sheetWords.date(chinaToday()),
  };
}

export default function LessonPrintPage() {
  const { course, campusName, lesson, html, lessonUrl, qr, printedOn } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 print:hidden sm:flex-row sm:items-center">
        <PrintButton>{t.print.button}</PrintButton>
        <ButtonLink to={lesson.path} variant="secondary" className="w-full sm:w-auto">
          ← {t.print.back}
        </ButtonLink>
        <p className="text-base text-stone-600 sm:ml-2">{t.print.hint}</p>
      </div>
      {/* On screen a preview of the paper; printed, the paper itself (root hides the site's header and footer). */}
      <article
        lang="zh-CN"
        aria-label={sheetWords.heading}
        className="print-sheet mx-auto w-full max-w-[210mm] border border-stone-300 bg-white px-4 py-5 text-stone-900 shadow-sm sm:px-[12mm] sm:py-[12mm] print:max-w-none print:border-0 print:p-0 print:shadow-none"
      >
        <header className="mb-[0.8em] border-b-2 border-black pb-[0.4em]">
          <p className="text-[0.9em] font-bold tracking-widest">{sheetWords.heading}</p>
          <h1 className="mt-[0.2em] text-[1.6em] leading-tight font-bold">{lesson.title}</h1>
          <p className="mt-[0.2em] text-[0.95em]">
            {sheetWords.lessonOf(course.title, lesson.number)}
            {campusName ? ` · ${campusName}` : null}
          </p>
        </header>
        {/* Two columns on paper (see print-sheet.css); the footer is the last thing in them, so a short
            sheet's QR code fits beside its end rather than spilling onto a second sheet on its own. */}
        <div className="sheet-columns">
          {/* The sheet renderer's output from a lesson that passed every compiler check (see print.server.tsx). */}
          <div className="sheet-prose" dangerouslySetInnerHTML={{ __html: html }} />
          <footer className="sheet-footer mt-[0.8em] flex items-center gap-[1em] border-t-2 border-black pt-[0.5em]">
            {/* qrcode's own SVG for a URL we built: no lesson text inside. */}
            <div className="w-[22mm] shrink-0 [&_svg]:h-auto [&_svg]:w-full" dangerouslySetInnerHTML={{ __html: qr }} />
            <div className="min-w-0 text-[0.9em] leading-snug">
              <p className="font-bold">{sheetWords.scan}</p>
              <p className="break-all">{lessonUrl}</p>
              <p className="mt-[0.3em]">
                {sheetWords.printedOn}
                <span className="whitespace-nowrap">{printedOn}</span>
              </p>
              <p>{sheetWords.issuer}</p>
            </div>
          </footer>
        </div>
      </article>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
