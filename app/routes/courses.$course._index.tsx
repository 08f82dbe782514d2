import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { MissingList, ProgressBar, StateBadge } from "../components/course-progress";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Button, ButtonLink } from "../components/ui/button";
import { Notice } from "../components/ui/notice";
import { Card, PageTitle, rowListClass } from "../components/ui/page";
import { requireUser } from "../lib/auth.server";
import { refuse, unknownIntent } from "../lib/learner-form.server";
import { chinaDate } from "../lib/dates";
import { t } from "../lib/messages";
import { missingSteps } from "../lib/progress-summary";
import { findIssued } from "../models/certificate.server";
import { getCourse } from "../models/course.server";
import { courseProgress, enrol } from "../models/progress.server";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
  ...(data ? [{ name: "description", content: data.course.summary }] : []),
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const course = await getCourse(context.db, params.course ?? "");
  if (!course) throw new Response(t.course.notFound, { status: 404 });
  const user = context.session?.user;
  const progress = user ? await courseProgress(context.db, user.id, course.id) : null;
  let learner = null;
  if (user && progress?.enrolled) {
    const lessons = course.lessons.map((l) => progress.lesson(l.id));
    const certificate = progress.completedAt ? await findIssued(context.db, user.id, { courseId: course.id }) : undefined;
    const nextIndex = lessons.findIndex((l) => l.state !== "completed");
    learner = {
      lessons: lessons.map((l) => l.state),
      done: lessons.filter((l) => l.state === "completed").length,
      missing: missingSteps(lessons, course.passMark),
      completedAt: progress.completedAt ? chinaDate(progress.completedAt) : null,
      certificateCode: certificate ?? null,
      // 继续学习: the first unfinished lesson, in order.
      continueSlug: course.lessons[nextIndex === -1 ? 0 : nextIndex]?.slug ?? null,
    };
  }
  return { course, loggedIn: Boolean(user), learner };
}

/** 开始学习: enrols (idempotent) and goes to the first unfinished lesson. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = requireUser(request, context);
  const course = await getCourse(context.db, params.course ?? "");
  if (!course) return refuse(t.course.notFound, 404);
  const form = await readForm(request);
  if (form.get("intent") !== "enrol") return unknownIntent();
  await enrol(context.db, session.user.id, course.id);
  const progress = await courseProgress(context.db, session.user.id, course.id);
  const next = course.lessons.find((l) => progress.lesson(l.id).state !== "completed") ?? course.lessons[0];
  throw redirect(next ? `/courses/${course.slug}/${next.slug}` : `/courses/${course.slug}`, 303);
}

export default function CoursePage() {
  const { course, learner, loggedIn } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <nav aria-label={t.nav.breadcrumbs} className="text-base text-stone-600">
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
          <dt className="text-stone-600">{t.course.facts.course}</dt>
          <dd>{t.course.size(course.lessons.length, course.minutes ?? 0)}</dd>
          <dt className="text-stone-600">{t.course.facts.hours}</dt>
          <dd>{t.course.hours(course.hours)}</dd>
          <dt className="text-stone-600">{t.course.facts.quiz}</dt>
          <dd>{t.course.passMark(course.passMark)}</dd>
        </dl>
        <div className="mt-4 space-y-4">
          <CourseAction course={course} learner={learner} loggedIn={loggedIn} />
        </div>
      </Card>
      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading" className="mb-3 text-2xl font-bold">
          {t.course.lessonList}
        </h2>
        <ol className={rowListClass}>
          {course.lessons.map((lesson, i) => (
            <li key={lesson.slug}>
              <Link to={`/courses/${course.slug}/${lesson.slug}`} className="flex min-h-14 flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3 hover:bg-stone-50">
                <span className="w-14 shrink-0 text-base text-stone-500">{t.course.lessonNumber(i + 1)}</span>
                <span className="min-w-0 flex-1 text-lg font-medium">{lesson.title}</span>
                {learner ? <StateBadge state={learner.lessons[i] ?? "not_started"} /> : <span className="shrink-0 text-base text-stone-500">{t.common.minutes(lesson.minutes)}</span>}
              </Link>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

function CourseAction({
  course,
  learner,
  loggedIn,
}: {
  course: { slug: string; lessons: { slug: string }[] };
  learner: {
    done: number;
    missing: string[];
    completedAt: string | null;
    certificateCode: string | null;
    continueSlug: string | null;
  } | null;
  loggedIn: boolean;
}) {
  if (course.lessons.length === 0) return null;
  if (!loggedIn) {
    return (
      <>
        <p className="text-lg text-stone-700">{t.learn.loginToTrack}</p>
        <ButtonLink to={`/login?redirectTo=${encodeURIComponent(`/courses/${course.slug}`)}`} className="w-full sm:w-auto">
          {t.learn.loginToStart}
        </ButtonLink>
      </>
    );
  }
  if (!learner) {
    return (
      <Form method="post">
        <input type="hidden" name="intent" value="enrol" />
        <Button className="w-full sm:w-auto">{t.learn.start}</Button>
      </Form>
    );
  }
  const total = course.lessons.length;
  return (
    <>
      <ProgressBar done={learner.done} total={total} label={t.learn.progress(learner.done, total)} />
      {learner.completedAt ? (
        <>
          <Notice tone="success">
            <strong>{t.learn.courseCompleted}</strong> · {t.learn.courseCompletedOn(learner.completedAt)}
          </Notice>
          {learner.certificateCode ? (
            <ButtonLink to={`/certificates/${learner.certificateCode}`} className="w-full sm:w-auto">
              {t.learn.viewCertificate}
            </ButtonLink>
          ) : null}
        </>
      ) : (
        <>
          <MissingList steps={learner.missing} />
          {learner.continueSlug ? (
            <ButtonLink to={`/courses/${course.slug}/${learner.continueSlug}`} className="w-full sm:w-auto">
              {t.learn.continue}
            </ButtonLink>
          ) : null}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
