import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { CourseCard } from "../components/course-card";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { PageTitle } from "../components/ui/page";
import { t } from "../lib/messages";
import { getCategoryBySlug, listCoursesForCategory } from "../models/course.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.category.name} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const category = await getCategoryBySlug(context.db, params.slug ?? "");
  if (!category) throw new Response(t.errors.notFoundBody, { status: 404 });
  return { category, courses: await listCoursesForCategory(context.db, category.id) };
}

export default function CategoryPage() {
  const { category, courses } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle subtitle={category.description}>{category.name}</PageTitle>
      {courses.length === 0 ? <p className="text-lg text-stone-600">{t.course.noCourses}</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2">
        {courses.map((course) => (
          <li key={course.slug}>
            <CourseCard course={course} showCampus />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
