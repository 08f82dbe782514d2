import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ButtonLink } from "../components/ui/button";
import { t } from "../lib/messages";
import { CourseCard } from "../components/course-card";
import { SearchBox } from "../components/search-box";
import { listCampuses } from "../models/campus.server";
import { listLatestCourses } from "../models/course.server";
import { listPaths } from "../models/path.server";

export const meta: MetaFunction = () => [{ title: `${t.home.title} - ${t.site.tagline}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  const [campuses, latest, paths] = await Promise.all([listCampuses(context.db), listLatestCourses(context.db, 4), listPaths(context.db)]);
  return { campuses, latest, paths, signedIn: context.session !== null };
}

export default function Home() {
  const { campuses, latest, paths, signedIn } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-8">
      <section>
        <h1 className="text-4xl font-bold text-brand-700">{t.home.title}</h1>
        <p className="mt-3 text-lg text-stone-800">{t.home.intro}</p>
        {signedIn ? null : (
          <div className="mt-4 flex flex-col gap-3 sm:flex-row sm:items-center">
            <ButtonLink to="/register">{t.nav.register}</ButtonLink>
            <p className="text-base text-stone-600">{t.home.joinCta}</p>
          </div>
        )}
      </section>

      <SearchBox />

      {latest.length > 0 ? (
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="mb-4 text-2xl font-bold">
            {t.course.latest}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {latest.map((course) => (
              <li key={course.slug}>
                <CourseCard course={course} showCampus />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {paths.length > 0 ? (
        <section aria-labelledby="paths-heading">
          <h2 id="paths-heading" className="mb-4 text-2xl font-bold">
            {t.learn.paths}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            {paths.map((path) => (
              <li key={path.slug}>
                <Link to={`/paths/${path.slug}`} className="block h-full rounded-2xl border border-stone-200 bg-white p-5 shadow-sm hover:border-brand-600">
                  <span className="inline-block rounded-full bg-stone-100 px-3 py-0.5 text-sm font-medium text-stone-700">
                    {t.course.audience[path.audience]}
                  </span>
                  <h3 className="mt-2 text-xl font-bold text-stone-900">{path.title}</h3>
                  <p className="mt-1 line-clamp-3 text-base text-stone-700">{path.description}</p>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="campuses-heading">
        <h2 id="campuses-heading" className="mb-4 text-2xl font-bold">
          {t.home.campusesHeading}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {campuses.map((campus) => (
            <li key={campus.slug}>
              <Link
                to={`/campuses/${campus.slug}`}
                className="block h-full rounded-2xl border border-stone-200 bg-white p-5 shadow-sm transition hover:border-brand-600 hover:shadow"
              >
                <span
                  className={`inline-block rounded-full px-3 py-0.5 text-sm font-medium ${
                    campus.kind === "main" ? "bg-brand-600 text-white" : "bg-stone-100 text-stone-700"
                  }`}
                >
                  {campus.kind === "main" ? t.home.mainCampus : t.home.branchCampus}
                </span>
                <h3 className="mt-2 text-xl font-bold text-stone-900">{campus.name}</h3>
                <p className="mt-1 text-base text-stone-700">
                  {t.common.labelled(t.campus.theme, campus.theme)}
                </p>
                {campus.street ? <p className="text-base text-stone-500">{t.campus.street(campus.street)}</p> : null}
                <span className="mt-3 inline-block text-base font-medium text-brand-700">{t.home.enter} →</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
