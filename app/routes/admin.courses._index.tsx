import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ButtonLink } from "../components/ui/button";
import { PageTitle, rowListClass } from "../components/ui/page";
import { administeredCampusIds, requireRole } from "../lib/auth.server";
import { t } from "../lib/messages";
import { listCoursesForAdmin } from "../models/admin-course.server";

export const meta: MetaFunction = () => [{ title: `${t.admin.coursesTitle} - ${t.site.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const courses = await listCoursesForAdmin(context.db, administeredCampusIds(session));
  const campuses = [...new Map(courses.map((c) => [c.campusId, c.campusName])).entries()].map(([id, name]) => ({
    id,
    name,
    courses: courses.filter((c) => c.campusId === id),
  }));
  return { campuses };
}

export default function AdminCourses() {
  const { campuses } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t.admin.coursesIntro}>{t.admin.coursesTitle}</PageTitle>
      <ButtonLink to="/admin/courses/new">{t.authoring.newCourse}</ButtonLink>
      {campuses.length === 0 ? <p className="text-lg text-stone-700">{t.admin.noCourses}</p> : null}
      {campuses.map((campus) => (
        <section key={campus.id} aria-labelledby={`campus-${campus.id}`}>
          <h2 id={`campus-${campus.id}`} className="mb-3 text-2xl font-bold">
            {campus.name}
          </h2>
          <ul className={rowListClass}>
            {campus.courses.map((c) => (
              <li key={c.id}>
                <Link to={`/admin/courses/${c.id}`} className="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-stone-50">
                  <span className="min-w-0 flex-1 text-lg font-medium">{c.title}</span>
                  <span className="text-base text-stone-600">{t.course.lessons(c.lessonCount ?? 0)}</span>
                  {c.problemCount ? <span className="rounded-full bg-red-100 px-2 text-base text-red-900">{t.admin.problems(c.problemCount)}</span> : null}
                  {c.archivedAt ? <span className="rounded-full bg-stone-200 px-2 text-base">{t.admin.archived}</span> : null}
                  <span className="w-full text-base text-stone-500">{t.admin.origin[c.origin]}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
