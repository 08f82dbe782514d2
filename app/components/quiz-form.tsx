import { Link, useActionData, useFetcher, useLocation } from "@remix-run/react";
import { type FormEvent, useState } from "react";
import { t } from "../lib/messages";
import { useOnline } from "./offline-support";
import { Button } from "./ui/button";

interface Quiz {
  key: string;
  multiple: boolean;
  questionHtml: string;
  options: { value: string; html: string }[];
}

interface QuizState {
  attempts: number;
  lastAnswers: number[];
  lastPassed: boolean;
  everPassed: boolean;
  explanation: string;
}

type ActionResult = { ok: false; error: string; quiz?: string } | { ok: true; quiz?: string };

/**
 * One quiz as a form: a plain POST without JavaScript (the server redirects back to #quiz-<key>),
 * a fetcher with it (no reload, no jump). Right or wrong comes from the server only, after an
 * attempt: the options carry nothing but their index.
 */
export function QuizForm({ quiz, versionId, state, loggedIn }: { quiz: Quiz; versionId: string; state?: QuizState; loggedIn: boolean }) {
  const fetcher = useFetcher<ActionResult>({ key: `quiz-${quiz.key}` });
  const actionData = useActionData<ActionResult>();
  const location = useLocation();
  const [localError, setLocalError] = useState<string | null>(null);
  // Answers are graded on the server (the page never knows the right option): offline, no answer.
  const online = useOnline();
  const serverError = [fetcher.data, actionData].find((d) => d && !d.ok && d.quiz === quiz.key) as { error: string } | undefined;
  const error = localError ?? (fetcher.state === "idle" ? serverError?.error : undefined);
  const id = `quiz-${quiz.key}`;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const chosen = new FormData(event.currentTarget).getAll("answer");
    if (chosen.length === 0) {
      event.preventDefault();
      setLocalError(quiz.multiple ? t.learn.chooseSome : t.learn.chooseOne);
    } else setLocalError(null);
  };

  return (
    <section id={id} data-quiz={quiz.key} className="not-prose my-8 scroll-mt-4 rounded-2xl border-2 border-brand-600/30 bg-white p-4">
      <fetcher.Form method="post" onSubmit={onSubmit} noValidate>
        <input type="hidden" name="intent" value="answer" />
        <input type="hidden" name="quiz" value={quiz.key} />
        <input type="hidden" name="version" value={versionId} />
        <fieldset className="space-y-2" aria-describedby={`${id}-feedback`}>
          <legend className="mb-3 text-lg">
            <span className="mb-1 block text-base font-bold text-brand-700">{quiz.multiple ? t.learn.quizMultiple : t.learn.quizSingle}</span>
            <span className="font-bold [&_p]:m-0" dangerouslySetInnerHTML={{ __html: quiz.questionHtml }} />
          </legend>
          {quiz.options.map((option) => (
            <label
              key={option.value}
              className="flex min-h-12 cursor-pointer items-start gap-3 rounded-xl border border-stone-200 px-3 py-2 text-lg hover:bg-stone-50 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50"
            >
              <input
                type={quiz.multiple ? "checkbox" : "radio"}
                name="answer"
                value={option.value}
                defaultChecked={state?.lastAnswers.includes(Number(option.value))}
                onChange={() => setLocalError(null)}
                className="mt-1 h-6 w-6 shrink-0 accent-brand-600"
              />
              <span className="[&_p]:m-0" dangerouslySetInnerHTML={{ __html: option.html }} />
            </label>
          ))}
        </fieldset>
        <div className="mt-4">
          {loggedIn ? (
            <>
              <Button disabled={fetcher.state !== "idle" || !online} className="w-full sm:w-auto">
                {t.learn.submit}
              </Button>
              {online ? null : <p className="mt-2 text-lg font-medium text-amber-900">{t.offline.quizNeedsNetwork}</p>}
            </>
          ) : (
            <Link to={`/login?redirectTo=${encodeURIComponent(`${location.pathname}#${id}`)}`} className="text-lg text-brand-700 underline underline-offset-4">
              {t.learn.loginToAnswer}
            </Link>
          )}
        </div>
        <div id={`${id}-feedback`} aria-live="polite" className="mt-3 space-y-2">
          {error ? <p className="rounded-xl border-2 border-red-300 bg-red-50 px-3 py-2 text-lg text-red-900">{error}</p> : null}
          {state && fetcher.state === "idle" && !error ? <Feedback state={state} /> : null}
        </div>
      </fetcher.Form>
    </section>
  );
}

function Feedback({ state }: { state: QuizState }) {
  return (
    <>
      {state.lastPassed ? (
        <p className="rounded-xl border-2 border-emerald-300 bg-emerald-50 px-3 py-2 text-lg font-bold text-emerald-900">✓ {t.learn.correct}</p>
      ) : (
        <div className="rounded-xl border-2 border-amber-400 bg-amber-50 px-3 py-2 text-lg text-amber-950">
          <p className="font-bold">✗ {t.learn.wrong}</p>
          <p className="text-base">{state.everPassed ? t.learn.passedBefore : t.learn.tryAgain}</p>
        </div>
      )}
      {state.explanation ? (
        <div className="rounded-xl bg-stone-100 px-3 py-2 text-lg leading-relaxed text-stone-800">
          <p className="font-bold">{t.learn.explanation}</p>
          <p className="whitespace-pre-line">{state.explanation}</p>
        </div>
      ) : null}
    </>
  );
}
