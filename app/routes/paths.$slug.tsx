import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ProgressBar, StateBadge } from "../components/course-progress";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ButtonLink } from "../components/ui/button";
import { Notice } from "../components/ui/notice";
import { Card, CardLink, PageTitle } from "../components/ui/page";
import { t } from "../lib/messages";
import { findIssued } from "../models/certificate.server";
import { getPath } from "../models/path.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.path.title} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const user = context.session?.user ?? null;
  const path = await getPath(context.db, params.slug ?? "", user?.id ?? null);
  if (!path) throw new Response(t.learn.pathNotFound, { status: 404 });
  const certificate = user ? await findIssued(context.db, user.id, { pathId: path.id }) : undefined;
  return {
    path: {
      title: path.title,
      description: path.description,
      audience: path.audience,
      courses: path.courses.map((c) => ({
        slug: c.slug,
        title: c.title,
        summary: c.summary,
        campusName: c.campusName,
        hours: c.hours,
        state: c.completedAt ? ("completed" as const) : c.enrolledAt ? ("in_progress" as const) : ("not_started" as const),
      })),
    },
    loggedIn: Boolean(user),
    certificateCode: certificate ?? null,
  };
}

export default function PathPage() {
  const { path, loggedIn, certificateCode } = useLoaderData<typeof loader>();
  const done = path.courses.filter((c) => c.state === "completed").length;
  return (
    <div className="space-y-6">
      <PageTitle subtitle={path.description}>{path.title}</PageTitle>
      <Card>
        <p className="mb-3 text-lg">
          {t.common.labelled(t.course.audienceLabel, t.course.audience[path.audience] ?? path.audience)} · {t.learn.courseCount(path.courses.length)}
        </p>
        {loggedIn ? (
          <div className="space-y-3">
            <ProgressBar done={done} total={path.courses.length} label={t.learn.pathProgress(done, path.courses.length)} />
            {certificateCode ? (
              <>
                <Notice tone="success">{t.learn.pathCompleted}</Notice>
                <ButtonLink to={`/certificates/${certificateCode}`}>{t.learn.viewCertificate}</ButtonLink>
              </>
            ) : null}
          </div>
        ) : (
          <p className="text-lg text-stone-700">{t.learn.loginToTrack}</p>
        )}
      </Card>
      <section aria-labelledby="path-courses">
        <h2 id="path-courses" className="mb-3 text-2xl font-bold">
          {t.learn.pathCourses}
        </h2>
        <ol className="space-y-3">
          {path.courses.map((c, i) => (
            <li key={c.slug}>
              <CardLink to={`/courses/${c.slug}`}>
                <span className="flex flex-wrap items-center justify-between gap-2">
                  <span className="text-xl font-bold">
                    {i + 1}. {c.title}
                  </span>
                  {loggedIn ? <StateBadge state={c.state} /> : null}
                </span>
                <span className="mt-1 block text-base text-stone-600">
                  {c.campusName} · {t.course.hours(c.hours)}
                </span>
              </CardLink>
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
