import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { LessonClock } from "../components/lesson-clock";
import { LessonFinish } from "../components/lesson-finish";
import { LessonHtml } from "../components/lesson-html";
import { QuizForm } from "../components/quiz-form";
import { ReadAloud } from "../components/read-aloud";
import { requireUser } from "../lib/auth.server";
import { done, refuse, unknownIntent } from "../lib/learner-form.server";
import { t } from "../lib/messages";
import { cachedLesson, renderLesson } from "../lib/mdx/render.server";
import { getLessonForReading, getLessonTarget, lessonCode } from "../models/course.server";
import { readLessonAsLearner } from "../models/lesson-visit.server";
import { enrol, recordVisit } from "../models/progress.server";
import { submitAnswer } from "../models/quiz.server";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} - ${data.course.title} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const user = context.session?.user;
  // A learner's view also records the visit and reads their standing: one statement either way.
  const { found, learner } = user
    ? await readLessonAsLearner(context.db, user.id, params.course ?? "", params.lesson ?? "")
    : { found: await getLessonForReading(context.db, params.course ?? "", params.lesson ?? ""), learner: null };
  if (!found) throw new Response(t.course.lessonNotFound, { status: 404 });
  const { course, lesson, number, previous, next } = found;
  // Rendered from the stored compiled code, once per version (memoised): a request never compiles
  // MDX, and fetches the code only the first time this process shows the version.
  const rendered =
    cachedLesson(lesson.versionId, context.laws) ?? renderLesson(lesson.versionId, await lessonCode(context.db, lesson.versionId), context.laws);
  // A document gets the lesson's HTML once, in the page, not again in its data (see LessonHtml).
  const segments = rendered.map((segment, i) => {
    if (segment.type !== "html" || !context.documentHtml) return segment;
    context.documentHtml.set(lessonPartId(i), segment.html);
    return { type: "html" as const, html: null };
  });
  return {
    course: { slug: course.slug, title: course.title, lessonCount: course.lessons.length, passMark: course.passMark },
    lesson: { id: lesson.id, slug: lesson.slug, title: lesson.title, minutes: lesson.minutes, number, versionId: lesson.versionId },
    segments,
    loggedIn: Boolean(user),
    learner,
    previous: previous ? { slug: previous.slug, title: previous.title } : null,
    next: next ? { slug: next.slug, title: next.title } : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const session = requireUser(request, context);
  const form = await readForm(request);
  const intent = form.get("intent");
  const userId = session.user.id;
  // 完成本课 posts to /learn/progress (the hot write, kept light); quiz answers and enrolment come here.
  const target = await getLessonTarget(context.db, { courseSlug: params.course ?? "", lessonSlug: params.lesson ?? "" });
  if (!target) return refuse(t.learn.refusal.lesson, 404);
  if (intent === "enrol") {
    await enrol(context.db, userId, target.courseId);
    await recordVisit(context.db, userId, target);
    return done(request, "main", { ok: true as const });
  }
  if (intent === "answer") {
    const quizKey = String(form.get("quiz") ?? "");
    const versionId = String(form.get("version") ?? "");
    const raw = form.getAll("answer").map(String);
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(quizKey)) return refuse(t.learn.refusal.question, 400, { quiz: quizKey.slice(0, 40) });
    if (!/^\d{1,18}$/.test(versionId)) return refuse(t.learn.refusal.version, 400, { quiz: quizKey });
    if (raw.length === 0) return refuse(t.learn.chooseOne, 400, { quiz: quizKey });
    if (raw.length > 10 || raw.some((a) => !/^\d{1,2}$/.test(a))) return refuse(t.learn.refusal.answer, 400, { quiz: quizKey });
    const result = await submitAnswer(context.db, userId, target, { versionId, quizKey, answers: raw.map(Number) });
    if (!result.ok) return refuse(t.learn.refusal[result.refusal], result.refusal === "answer" ? 400 : 409, { quiz: quizKey });
    return done(request, `quiz-${quizKey}`, { ok: true as const, quiz: quizKey, passed: result.passed, settlement: result.settlement });
  }
  return unknownIntent();
}

export default function LessonPage() {
  const { course, lesson, segments, learner, loggedIn, previous, next } = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-3xl">
      <nav aria-label={t.nav.breadcrumbs} className="mb-2 text-base text-stone-600">
        <Link to={`/courses/${course.slug}`} className="underline-offset-4 hover:underline">
          {course.title}
        </Link>
        {" · "}
        {t.course.lessonNumber(lesson.number)} / {course.lessonCount}
        {learner ? <span className="ml-2 rounded-full bg-stone-100 px-2 py-0.5 text-stone-700">{t.learn.state[learner.lesson.state]}</span> : null}
      </nav>
      <h1 id="lesson-title" className="text-3xl leading-tight font-bold">
        {lesson.title}
      </h1>
      <p className="mt-1 mb-6 flex flex-wrap items-center gap-x-4 text-base text-stone-600">
        {t.course.minutes(lesson.minutes)}
        <Link to={`/courses/${course.slug}/${lesson.slug}/print`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4 print:hidden">
          {t.print.link}
        </Link>
      </p>
      {/* Keyed by lesson: moving to the next lesson stops the reading and starts afresh. */}
      <ReadAloud key={lesson.id} titleId="lesson-title" bodyId="lesson-body" />
      <div id="lesson-body" className="lesson prose prose-lg prose-stone max-w-none prose-headings:font-bold prose-a:text-brand-700">
        {segments.map((segment, i) =>
          segment.type === "html" ? (
            // Our own renderer's output from a lesson that passed every compiler check (see render.server.tsx).
            <LessonHtml key={i} id={lessonPartId(i)} html={segment.html} />
          ) : (
            <QuizForm key={segment.quiz.key} quiz={segment.quiz} versionId={lesson.versionId} state={learner?.quizzes[segment.quiz.key]} loggedIn={loggedIn} />
          ),
        )}
      </div>
      <LessonFinish
        courseSlug={course.slug}
        lessonSlug={lesson.slug}
        lessonTitle={lesson.title}
        passMark={course.passMark}
        learner={learner}
        loggedIn={loggedIn}
        nextHref={next ? `/courses/${course.slug}/${next.slug}` : null}
      />
      {learner ? <LessonClock lessonId={lesson.id} /> : null}
      <nav aria-label={t.course.lessonNav} className="mt-8 grid gap-3 sm:grid-cols-2">
        {previous ? (
          <Link to={`/courses/${course.slug}/${previous.slug}`} className="rounded-xl border border-stone-300 bg-white px-4 py-3 hover:border-brand-600">
            <span className="block text-base text-stone-500">← {t.course.previous}</span>
            <span className="text-lg font-medium">{previous.title}</span>
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={`/courses/${course.slug}/${next.slug}`} className="rounded-xl border border-stone-300 bg-white px-4 py-3 text-right hover:border-brand-600">
            <span className="block text-base text-stone-500">{t.course.next} →</span>
            <span className="text-lg font-medium">{next.title}</span>
          </Link>
        ) : (
          <Link to={`/courses/${course.slug}`} className="rounded-xl border border-stone-300 bg-white px-4 py-3 text-right hover:border-brand-600">
            <span className="text-lg font-medium">{t.course.backToCourse}</span>
          </Link>
        )}
      </nav>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

const lessonPartId = (i: number) => `lesson-part-${i}`;
