import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampAssignments } from "../components/camp/camp-assignments";
import { ProgressBar } from "../components/course-progress";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ButtonLink } from "../components/ui/button";
import { Card, CardLink, PageTitle, rowListClass } from "../components/ui/page";
import { requireUser } from "../lib/auth.server";
import { formatCertificateCode } from "../lib/certificate-code";
import { t } from "../lib/messages";
import { chinaToday, dayLabel } from "../lib/dates";
import { myCampAssignments } from "../models/camp-board.server";
import { listCampsForUser } from "../models/camp.server";
import { listCertificates, subjectKind } from "../models/certificate.server";
import { listPaths, pathCourses } from "../models/path.server";
import { listEnrolments } from "../models/progress.server";
import { studyTimeReport } from "../models/study-time.server";

export const meta: MetaFunction = () => [{ title: `${t.learn.title} - ${t.site.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const today = chinaToday();
  const [enrolments, certificates, time, paths, camps, campRoles] = await Promise.all([
    listEnrolments(context.db, user.id),
    listCertificates(context.db, user.id),
    studyTimeReport(context.db, user.id),
    listPaths(context.db),
    myCampAssignments(context.db, user.id, today),
    listCampsForUser(context.db, user.id),
  ]);
  const courses = await pathCourses(
    context.db,
    paths.map((p) => p.id),
    user.id,
  );
  return {
    inProgress: enrolments.filter((e) => !e.completedAt),
    completed: enrolments.filter((e) => e.completedAt),
    certificates: certificates.map((c) => ({ code: c.code, title: c.title, kind: subjectKind(c) })),
    camps: camps.map((camp) => ({ ...camp, assignments: camp.assignments.map((a) => ({ ...a, due: dayLabel(a.dueOn) })) })),
    teaching: campRoles.filter((r) => r.instructor).map((r) => ({ id: r.id, name: r.name })),
    minutes: Math.floor(time.totalSeconds / 60),
    earnedHours: time.earnedHours,
    paths: paths.map((p) => {
      const mine = courses.filter((c) => c.pathId === p.id);
      return { slug: p.slug, title: p.title, total: mine.length, done: mine.filter((c) => c.completedAt).length };
    }),
  };
}

export default function MyLearning() {
  const { inProgress, completed, certificates, minutes, earnedHours, paths, camps, teaching } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle>{t.learn.title}</PageTitle>
      <CampAssignments camps={camps} teaching={teaching} />
      <section aria-label={t.learn.studyTime} className="grid grid-cols-2 gap-3">
        <Link to="/learn/hours" className="rounded-2xl border border-stone-200 bg-white p-4 hover:border-brand-600">
          <span className="block text-base text-stone-600">{t.learn.earnedHours}</span>
          <span className="text-2xl font-bold">{t.course.hours(earnedHours)}</span>
        </Link>
        <Link to="/learn/hours" className="rounded-2xl border border-stone-200 bg-white p-4 hover:border-brand-600">
          <span className="block text-base text-stone-600">{t.learn.studyTime}</span>
          <span className="text-2xl font-bold">{t.common.minutes(minutes)}</span>
        </Link>
      </section>

      <section aria-labelledby="in-progress">
        <h2 id="in-progress" className="mb-3 text-2xl font-bold">
          {t.learn.inProgress}
        </h2>
        {inProgress.length === 0 ? (
          <Card>
            <p className="text-lg text-stone-700">{t.learn.nothingYet}</p>
            <ButtonLink to="/" variant="secondary" className="mt-3">
              {t.learn.browse}
            </ButtonLink>
          </Card>
        ) : (
          <ul className="space-y-3">
            {inProgress.map((c) => (
              <li key={c.slug}>
                <Card>
                  <Link to={`/courses/${c.slug}`} className="text-xl font-bold text-stone-900 hover:text-brand-700">
                    {c.title}
                  </Link>
                  <p className="mb-3 text-base text-stone-600">{c.campusName}</p>
                  <ProgressBar done={c.lessonsDone ?? 0} total={c.lessonCount ?? 0} label={t.learn.progress(c.lessonsDone ?? 0, c.lessonCount ?? 0)} />
                  <ButtonLink to={c.nextLessonSlug ? `/courses/${c.slug}/${c.nextLessonSlug}` : `/courses/${c.slug}`} className="mt-3 w-full sm:w-auto">
                    {t.learn.continue}
                  </ButtonLink>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      {completed.length ? (
        <section aria-labelledby="completed">
          <h2 id="completed" className="mb-3 text-2xl font-bold">
            {t.learn.completedCourses}
          </h2>
          <ul className={rowListClass}>
            {completed.map((c) => (
              <li key={c.slug}>
                <Link to={`/courses/${c.slug}`} className="flex min-h-14 items-center justify-between gap-3 px-4 py-3 hover:bg-stone-50">
                  <span className="text-lg font-medium">{c.title}</span>
                  <span className="shrink-0 text-base text-emerald-800">✓ {t.learn.courseCompleted}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="paths">
        <h2 id="paths" className="mb-3 text-2xl font-bold">
          {t.learn.paths}
        </h2>
        <ul className="space-y-3">
          {paths.map((p) => (
            <li key={p.slug}>
              <CardLink to={`/paths/${p.slug}`}>
                <span className="mb-2 block text-xl font-bold">{p.title}</span>
                <ProgressBar done={p.done} total={p.total} label={t.learn.pathProgress(p.done, p.total)} />
              </CardLink>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="certificates">
        <h2 id="certificates" className="mb-3 text-2xl font-bold">
          <Link to="/certificates" className="hover:text-brand-700">
            {t.certificate.mine}
          </Link>
        </h2>
        {certificates.length === 0 ? (
          <p className="text-lg text-stone-700">{t.certificate.none}</p>
        ) : (
          <ul className={rowListClass}>
            {certificates.map((c) => (
              <li key={c.code}>
                <Link to={`/certificates/${c.code}`} className="flex min-h-14 flex-wrap items-center justify-between gap-x-3 px-4 py-3 hover:bg-stone-50">
                  <span className="text-lg font-medium">{c.title}</span>
                  <span className="font-mono text-base text-stone-600">{formatCertificateCode(c.code)}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
