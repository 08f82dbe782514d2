import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { t } from "../lib/messages";
import { Button, ButtonLink } from "./ui/button";
import { Notice } from "./ui/notice";

interface Learner {
  lesson: { state: "not_started" | "in_progress" | "completed"; reachedEnd: boolean; score: number; quizTotal: number };
  courseCompleted: boolean;
  certificateCode: string | null;
}

/** The end of a lesson: 完成本课, or what is still missing, or the way on. */
export function LessonFinish({
  learner,
  loggedIn,
  passMark,
  nextHref,
  courseSlug,
  lessonSlug,
}: {
  learner: Learner | null;
  loggedIn: boolean;
  passMark: number;
  nextHref: string | null;
  courseSlug: string;
  lessonSlug: string;
}) {
  const location = useLocation();
  const fetcher = useFetcher({ key: "finish" });

  let body;
  if (!loggedIn) {
    body = (
      <>
        <p className="text-lg text-stone-700">{t.learn.loginToTrack}</p>
        <ButtonLink to={`/login?redirectTo=${encodeURIComponent(location.pathname)}`} className="mt-3 w-full sm:w-auto">
          {t.learn.loginToStart}
        </ButtonLink>
      </>
    );
  } else if (!learner) {
    body = (
      <Form method="post">
        <p className="text-lg text-stone-700">{t.learn.startToTrack}</p>
        <input type="hidden" name="intent" value="enrol" />
        <Button className="mt-3 w-full sm:w-auto">{t.learn.start}</Button>
      </Form>
    );
  } else if (learner.lesson.state === "completed") {
    body = (
      <div className="space-y-3">
        <Notice tone="success">{learner.courseCompleted ? t.learn.courseDoneNow : t.learn.lessonDone}</Notice>
        <div className="flex flex-col gap-3 sm:flex-row">
          {learner.certificateCode ? <ButtonLink to={`/certificates/${learner.certificateCode}`}>{t.learn.viewCertificate}</ButtonLink> : null}
          {nextHref ? (
            <ButtonLink to={nextHref} variant={learner.certificateCode ? "secondary" : "primary"}>
              {t.learn.nextLesson} →
            </ButtonLink>
          ) : (
            <ButtonLink to={`/courses/${courseSlug}`} variant="secondary">
              {t.course.backToCourse}
            </ButtonLink>
          )}
        </div>
      </div>
    );
  } else {
    const waiting = learner.lesson.reachedEnd;
    body = (
      <fetcher.Form method="post" action="/learn/progress" className="space-y-3">
        <input type="hidden" name="course" value={courseSlug} />
        <input type="hidden" name="lesson" value={lessonSlug} />
        {waiting ? <Notice tone="info">{t.learn.lessonNeedsQuiz(passMark, learner.lesson.score)}</Notice> : <p className="text-lg text-stone-700">{t.learn.completeHint}</p>}
        <Button disabled={fetcher.state !== "idle"} className="w-full sm:w-auto">
          {t.learn.complete}
        </Button>
      </fetcher.Form>
    );
  }
  return (
    <section id="finish" aria-label={t.learn.complete} className="mt-8 scroll-mt-4 rounded-2xl border border-stone-200 bg-white p-5">
      {body}
      {learner && !learner.courseCompleted ? (
        <p className="mt-3 text-base">
          <Link to={`/courses/${courseSlug}`} className="text-brand-700 underline underline-offset-4">
            {t.learn.progressLabel}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
