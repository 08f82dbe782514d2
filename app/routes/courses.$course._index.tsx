import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ButtonLink } from "../components/ui/button";
import { Card, PageTitle } from "../components/ui/page";
import { t } from "../lib/messages";
import { getCourse } from "../models/course.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
  ...(data ? [{ name: "description", content: data.course.summary }] : []),
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const course = await getCourse(context.db, params.course ?? "");
  if (!course) throw new Response(t.course.notFound, { status: 404 });
  return { course };
}

export default function CoursePage() {
  const { course } = useLoaderData<typeof loader>();
  const first = course.lessons[0];
  return (
    <div className="space-y-6">
      <nav aria-label="位置" className="text-base text-stone-600">
        <Link to={`/campuses/${course.campusSlug}`} className="underline-offset-4 hover:underline">
          {course.campusName}
        </Link>
        {" · "}
        <Link to={`/categories/${course.categorySlug}`} className="underline-offset-4 hover:underline">
          {course.categoryName}
        </Link>
      </nav>
      <PageTitle subtitle={course.summary}>{course.title}</PageTitle>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
          <dt className="text-stone-600">{t.course.audienceLabel}</dt>
          <dd>{t.course.audience[course.audience] ?? course.audience}</dd>
          <dt className="text-stone-600">课程</dt>
          <dd>
            {t.course.lessons(course.lessons.length)}，{t.course.minutes(course.minutes ?? 0)}
          </dd>
          <dt className="text-stone-600">学时</dt>
          <dd>{t.course.hours(course.hours)}</dd>
          <dt className="text-stone-600">测验</dt>
          <dd>{t.course.passMark(course.passMark)}</dd>
        </dl>
        {first ? (
          <ButtonLink to={`/courses/${course.slug}/${first.slug}`} className="mt-4 w-full sm:w-auto">
            {t.course.start}
          </ButtonLink>
        ) : null}
      </Card>
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="mb-3 text-2xl font-bold">
          {t.course.lessonList}
        </h2>
        <ol className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
          {course.lessons.map((lesson, i) => (
            <li key={lesson.slug}>
              <Link to={`/courses/${course.slug}/${lesson.slug}`} className="flex min-h-14 items-center gap-3 px-4 py-3 hover:bg-stone-50">
                <span className="w-16 shrink-0 text-base text-stone-500">{t.course.lessonNumber(i + 1)}</span>
                <span className="flex-1 text-lg font-medium">{lesson.title}</span>
                <span className="shrink-0 text-base text-stone-500">{lesson.minutes} 分钟</span>
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
