import type { Preview } from "../../lib/lesson-preview.server";
import { t } from "../../lib/messages";

const a = t.authoring;

/** The lesson as learners will see it; quizzes as learners see them, with the answers marked for the author. */
export function LessonPreview({ title, preview, onProblem }: { title: string; preview: Preview; onProblem: (line: number, column: number) => void }) {
  if (!preview.ok) return <ProblemList problems={preview.problems} onProblem={onProblem} />;
  return (
    <div>
      <p className="mb-3 rounded-xl bg-emerald-50 px-3 py-2 text-base text-emerald-900">✓ {a.noProblems}</p>
      <h2 className="mb-4 text-3xl leading-tight font-bold">{title}</h2>
      <div className="lesson prose prose-lg prose-stone max-w-none prose-headings:font-bold prose-a:text-brand-700">
        {preview.segments.map((segment, i) =>
          segment.type === "html" ? (
            // Our renderer's output from a lesson that passed every compiler check (render.server.tsx).
            <div key={i} dangerouslySetInnerHTML={{ __html: segment.html }} />
          ) : (
            <section key={i} data-quiz={segment.quiz.key} className="not-prose my-8 rounded-2xl border-2 border-brand-600/30 bg-white p-4">
              <p className="mb-1 text-base font-bold text-brand-700">
                {segment.quiz.multiple ? t.learn.quizMultiple : t.learn.quizSingle} · {segment.quiz.key}
              </p>
              <div className="mb-3 text-lg font-bold [&_p]:m-0" dangerouslySetInnerHTML={{ __html: segment.quiz.questionHtml }} />
              <ol className="space-y-2">
                {segment.quiz.options.map((option) => {
                  const right = preview.answers[segment.quiz.key]?.correct.includes(Number(option.value));
                  return (
                    <li key={option.value} className={`flex gap-2 rounded-xl border px-3 py-2 text-lg ${right ? "border-emerald-500 bg-emerald-50" : "border-stone-200"}`}>
                      <span className="shrink-0 font-bold">{right ? "✓" : "○"}</span>
                      <span className="[&_p]:m-0" dangerouslySetInnerHTML={{ __html: option.html }} />
                      {right ? <span className="ml-auto shrink-0 text-base text-emerald-800">{a.correctAnswer}</span> : null}
                    </li>
                  );
                })}
              </ol>
              {preview.answers[segment.quiz.key]?.explanation ? (
                <p className="mt-3 rounded-xl bg-stone-100 px-3 py-2 text-base whitespace-pre-line">
                  <span className="font-bold">{t.learn.explanation}</span> {preview.answers[segment.quiz.key]?.explanation}
                </p>
              ) : null}
            </section>
          ),
        )}
      </div>
    </div>
  );
}

export function ProblemList({
  problems,
  onProblem,
}: {
  problems: { line: number; column: number; message: string }[];
  onProblem: (line: number, column: number) => void;
}) {
  return (
    <div role="alert" className="rounded-xl border-2 border-red-300 bg-red-50 p-3 text-red-950" data-testid="problems">
      <p className="mb-2 text-lg font-bold">{a.problemsTitle(problems.length)}</p>
      <ul className="space-y-1">
        {problems.map((p, i) => (
          <li key={i} className="text-base">
            {p.line > 0 ? (
              <button
                type="button"
                onClick={() => onProblem(p.line, p.column)}
                className="min-h-11 text-left underline decoration-red-400 underline-offset-4"
                title={a.gotoLine}
              >
                <span className="font-bold">{a.problemAt(p.line, p.column)}</span>
                {t.common.colon}
                {p.message}
              </button>
            ) : (
              <span>
                <span className="font-bold">{a.problemInField}</span>
                {t.common.colon}
                {p.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
