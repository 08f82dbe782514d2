import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Notice } from "../components/ui/notice";
import { Card, PageTitle } from "../components/ui/page";
import { hasRole, requireRole } from "../lib/auth.server";
import { chinaDate } from "../lib/dates";
import { t } from "../lib/messages";
import { getCourseForAdmin } from "../models/admin-course.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} - ${t.admin.coursesTitle} - ${t.site.name}` : `${t.admin.coursesTitle} - ${t.site.name}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const id = /^\d{1,9}$/.test(params.courseId ?? "") ? Number(params.courseId) : null;
  const course = id === null ? undefined : await getCourseForAdmin(context.db, id);
  if (!course) throw new Response(t.admin.courseNotFound, { status: 404 });
  // Checked against the course's own campus, whatever id the address names.
  if (!hasRole(session, "branch_admin", course.campusId)) throw new Response(t.admin.forbidden, { status: 403 });
  return {
    course: {
      ...course,
      lessons: course.lessons.map((l) => ({
        id: l.id,
        slug: l.slug,
        title: l.title ?? l.slug,
        minutes: l.minutes,
        sourcePath: l.sourcePath,
        problems: l.problems ?? [],
        versionCount: l.versionCount ?? 0,
        state: l.archivedAt ? ("archived" as const) : l.title ? ("published" as const) : ("unpublished" as const),
        publishedOn: l.publishedAt ? chinaDate(l.publishedAt) : null,
      })),
    },
  };
}

export default function AdminCourse() {
  const { course } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <nav aria-label="位置" className="text-base text-stone-600">
        <Link to="/admin/courses" className="underline-offset-4 hover:underline">
          {t.admin.coursesTitle}
        </Link>
        {" · "}
        {course.campusName}
      </nav>
      <PageTitle subtitle={course.summary}>{course.title}</PageTitle>
      {course.origin === "content" ? <Notice tone="info">{t.admin.contentReadOnly}</Notice> : null}
      <Card>
        <h2 className="mb-3 text-2xl font-bold">{t.admin.settings}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
          <dt className="text-stone-600">{t.course.categoryLabel}</dt>
          <dd>{course.categoryName}</dd>
          <dt className="text-stone-600">{t.course.audienceLabel}</dt>
          <dd>{t.course.audience[course.audience]}</dd>
          <dt className="text-stone-600">学时</dt>
          <dd>{t.course.hours(course.hours)}</dd>
          <dt className="text-stone-600">测验</dt>
          <dd>{t.course.passMark(course.passMark)}</dd>
          <dt className="text-stone-600">网址</dt>
          <dd className="break-all">
            <Link to={`/courses/${course.slug}`} className="text-brand-700 underline underline-offset-4">
              /courses/{course.slug}
            </Link>
          </dd>
        </dl>
      </Card>
      <section aria-labelledby="admin-lessons">
        <h2 id="admin-lessons" className="mb-3 text-2xl font-bold">
          {t.admin.lessonsHeading}
        </h2>
        <ol className="space-y-3">
          {course.lessons.map((l, i) => (
            <li key={l.id} className="rounded-2xl border border-stone-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="text-base text-stone-500">{t.course.lessonNumber(i + 1)}</span>
                <span className="min-w-0 flex-1 text-lg font-medium">{l.title}</span>
                <span className="rounded-full bg-stone-100 px-2 text-base">{t.admin.lessonState[l.state]}</span>
              </div>
              <p className="mt-1 text-base text-stone-600">
                {t.admin.versions(l.versionCount)}
                {l.publishedOn ? ` · ${l.publishedOn}` : ""}
                {l.sourcePath ? ` · ${l.sourcePath}` : ""}
              </p>
              {l.problems.length ? (
                <div className="mt-2 rounded-xl border-2 border-red-300 bg-red-50 px-3 py-2 text-base text-red-900">
                  <p className="font-bold">{t.admin.problemsHint}</p>
                  <ul className="mt-1 list-disc pl-5">
                    {l.problems.map((p, j) => (
                      <li key={j}>
                        第 {p.line} 行第 {p.column} 列：{p.message}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {l.state === "published" ? (
                <Link to={`/courses/${course.slug}/${l.slug}`} className="mt-2 inline-flex min-h-11 items-center text-base text-brand-700 underline underline-offset-4">
                  {t.admin.viewAsLearner}
                </Link>
              ) : null}
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
