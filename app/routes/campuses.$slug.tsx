import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CourseCard } from "../components/course-card";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Card, PageTitle } from "../components/ui/page";
import { t } from "../lib/messages";
import { getCampusBySlug } from "../models/campus.server";
import { listCoursesForCampus } from "../models/course.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.campus.name} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const campus = await getCampusBySlug(context.db, params.slug ?? "");
  if (!campus) throw new Response(t.campus.notFound, { status: 404 });
  const courses = await listCoursesForCampus(context.db, campus.id);
  const groups: { slug: string; name: string; courses: typeof courses }[] = [];
  for (const course of courses) {
    const group = groups.find((g) => g.slug === course.categorySlug);
    if (group) group.courses.push(course);
    else groups.push({ slug: course.categorySlug, name: course.categoryName, courses: [course] });
  }
  return { campus, groups };
}

export default function CampusPage() {
  const { campus, groups } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle subtitle={campus.street ? t.campus.street(campus.street) : undefined}>{campus.name}</PageTitle>
      <Card>
        <h2 className="text-xl font-bold">{t.campus.theme}</h2>
        <p className="mt-1 text-lg">{campus.theme}</p>
        <p className="mt-4 text-lg text-stone-800">{campus.description}</p>
      </Card>
      <section aria-labelledby="courses-heading" className="space-y-6">
        <h2 id="courses-heading" className="text-2xl font-bold">
          {t.campus.coursesHeading}
        </h2>
        {groups.length === 0 ? <p className="text-lg text-stone-600">{t.campus.coursesSoon}</p> : null}
        {groups.map((group) => (
          <section key={group.slug} aria-labelledby={`cat-${group.slug}`}>
            <h3 id={`cat-${group.slug}`} className="mb-3 text-xl font-bold text-stone-800">
              <Link to={`/categories/${group.slug}`} className="underline-offset-4 hover:underline">
                {group.name}
              </Link>
            </h3>
            <ul className="grid gap-4 sm:grid-cols-2">
              {group.courses.map((course) => (
                <li key={course.slug}>
                  <CourseCard course={course} />
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
