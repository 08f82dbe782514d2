import { Form, Link, useLocation, useRevalidator } from "@remix-run/react";
import { type FormEvent, useState } from "react";
import { t } from "../lib/messages";
import { queueCompletion, sendCompletion } from "../lib/outbox";
import { useAccountKey, useQueued } from "./offline-support";
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
  lessonTitle,
}: {
  learner: Learner | null;
  loggedIn: boolean;
  passMark: number;
  nextHref: string | null;
  courseSlug: string;
  lessonSlug: string;
  lessonTitle: string;
}) {
  const location = useLocation();
  const account = useAccountKey();
  const queued = useQueued(account, courseSlug, lessonSlug);
  const revalidator = useRevalidator();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Sent by hand rather than through a fetcher: a fetcher whose post fails for want of a network
  // ends in the error page, and here that failure must keep the completion on the phone instead.
  // Without JavaScript the form posts as it is, and the server sends the learner back to #finish.
  const finish = async (event: FormEvent<HTMLFormElement>) => {
    if (!account) return;
    event.preventDefault();
    setError(null);
    const lesson = { course: courseSlug, lesson: lessonSlug, title: lessonTitle };
    if (!navigator.onLine) {
      queueCompletion(localStorage, account, lesson);
      return;
    }
    setSending(true);
    const result = await sendCompletion(window.fetch.bind(window), lesson, t.learn.refusal.lesson);
    setSending(false);
    if (result.kind === "offline") queueCompletion(localStorage, account, lesson);
    else if (result.kind === "refused") setError(result.reason);
    else if (result.kind === "failed") setError(t.offline.failed);
    else revalidator.revalidate();
  };

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
  } else if (queued && learner.lesson.state !== "completed") {
    // Done as far as the learner is concerned; the server hears of it when the phone is online.
    body = (
      <div className="space-y-3">
        <Notice tone="info">{t.offline.queued}</Notice>
        {nextHref ? (
          <div className="flex flex-col sm:flex-row">
            <ButtonLink to={nextHref}>{t.learn.nextLesson} →</ButtonLink>
          </div>
        ) : null}
      </div>
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
      <form method="post" action="/learn/progress" onSubmit={finish} className="space-y-3">
        <input type="hidden" name="course" value={courseSlug} />
        <input type="hidden" name="lesson" value={lessonSlug} />
        {waiting ? <Notice tone="info">{t.learn.lessonNeedsQuiz(passMark, learner.lesson.score)}</Notice> : <p className="text-lg text-stone-700">{t.learn.completeHint}</p>}
        {error ? <Notice tone="error">{error}</Notice> : null}
        <Button disabled={sending || revalidator.state !== "idle"} className="w-full sm:w-auto">
          {t.learn.complete}
        </Button>
      </form>
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
