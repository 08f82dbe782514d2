import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { renderLessonHtml } from "../lib/mdx/render.server";
import { t } from "../lib/messages";
import { getLessonForReading } from "../models/course.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} - ${data.course.title} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const found = await getLessonForReading(context.db, params.course ?? "", params.lesson ?? "");
  if (!found) throw new Response(t.course.lessonNotFound, { status: 404 });
  const { course, lesson, number, previous, next } = found;
  // Rendered from the stored compiled code, once per version (memoised): a request never compiles MDX.
  const html = renderLessonHtml(lesson.versionId, lesson.code, context.laws);
  return {
    course: { slug: course.slug, title: course.title, lessonCount: course.lessons.length },
    lesson: { title: lesson.title, minutes: lesson.minutes, number },
    html,
    previous: previous ? { slug: previous.slug, title: previous.title } : null,
    next: next ? { slug: next.slug, title: next.title } : null,
  };
}

export default function LessonPage() {
  const { course, lesson, html, previous, next } = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-3xl">
      <nav aria-label="位置" className="mb-2 text-base text-stone-600">
        <Link to={`/courses/${course.slug}`} className="underline-offset-4 hover:underline">
          {course.title}
        </Link>
        {" · "}
        {t.course.lessonNumber(lesson.number)} / {course.lessonCount}
      </nav>
      <h1 className="text-3xl leading-tight font-bold">{lesson.title}</h1>
      <p className="mt-1 mb-6 text-base text-stone-600">{t.course.minutes(lesson.minutes)}</p>
      {/* Our own renderer's output from a lesson that passed every compiler check (see render.server.tsx). */}
      <div
        className="lesson prose prose-lg prose-stone max-w-none prose-headings:font-bold prose-a:text-brand-700"
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <p className="mt-6 rounded-xl bg-stone-100 px-4 py-3 text-base text-stone-700">{t.course.quizNote}</p>
      <nav aria-label="上一课和下一课" className="mt-8 grid gap-3 sm:grid-cols-2">
        {previous ? (
          <Link to={`/courses/${course.slug}/${previous.slug}`} className="rounded-xl border border-stone-300 bg-white px-4 py-3 hover:border-brand-600">
            <span className="block text-base text-stone-500">← {t.course.previous}</span>
            <span className="text-lg font-medium">{previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`/courses/${course.slug}/${next.slug}`} className="rounded-xl border border-stone-300 bg-white px-4 py-3 text-right hover:border-brand-600">
            <span className="block text-base text-stone-500">{t.course.next} →</span>
            <span className="text-lg font-medium">{next.title}</span>
          </Link>
        ) : (
          <Link to={`/courses/${course.slug}`} className="rounded-xl border border-stone-300 bg-white px-4 py-3 text-right hover:border-brand-600">
            <span className="text-lg font-medium">{t.course.backToCourse}</span>
          </Link>
        )}
      </nav>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
