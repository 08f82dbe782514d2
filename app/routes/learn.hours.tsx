import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Card, PageTitle, rowListClass } from "../components/ui/page";
import { requireUser } from "../lib/auth.server";
import { t } from "../lib/messages";
import { studyTimeReport } from "../models/study-time.server";

export const meta: MetaFunction = () => [{ title: `${t.learn.hoursPage} - ${t.site.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user } = requireUser(request, context);
  const report = await studyTimeReport(context.db, user.id);
  return {
    earnedHours: report.earnedHours,
    minutes: Math.floor(report.totalSeconds / 60),
    lessons: report.lessons.map((l) => ({
      key: l.lessonId,
      href: `/courses/${l.courseSlug}/${l.lessonSlug}`,
      title: l.lessonTitle ?? l.lessonSlug,
      courseTitle: l.courseTitle,
      minutes: Math.floor(l.seconds / 60),
      capMinutes: Math.floor(l.capSeconds / 60),
      capped: l.capped,
      gaps: l.gaps ?? 0,
    })),
  };
}

export default function StudyHours() {
  const { earnedHours, minutes, lessons } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle subtitle={t.learn.hoursRules}>{t.learn.hoursPage}</PageTitle>
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-lg">
          <dt className="text-stone-600">{t.learn.earnedHours}</dt>
          <dd className="font-bold">{t.course.hours(earnedHours)}</dd>
          <dt className="text-stone-600">{t.learn.studyTime}</dt>
          <dd className="font-bold">{t.learn.studyTimeTotal(minutes)}</dd>
        </dl>
        <p className="mt-2 text-base text-stone-600">{t.learn.earnedHoursHint}</p>
      </Card>
      {lessons.length === 0 ? (
        <p className="text-lg text-stone-700">{t.learn.noStudyTime}</p>
      ) : (
        <ul className={rowListClass}>
          {lessons.map((l) => (
            <li key={l.key} className="px-4 py-3">
              <Link to={l.href} className="text-lg font-medium text-stone-900 hover:text-brand-700">
                {l.title}
              </Link>
              <p className="text-base text-stone-600">{l.courseTitle}</p>
              <p className="mt-1 text-lg">{t.learn.minutesOf(l.minutes, l.capMinutes)}</p>
              <p className={`text-base ${l.capped ? "font-bold text-amber-800" : "text-stone-600"}`}>{l.capped ? t.learn.capped : t.learn.counting}</p>
              {l.gaps ? <p className="text-base text-stone-600">{t.learn.gaps(l.gaps)}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
