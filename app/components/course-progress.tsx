import { t } from "../lib/messages";
import { percent } from "../lib/progress-summary";

/** A bar a person reads at a glance, with the numbers in words for screen readers and print. */
export function ProgressBar({ done, total, label }: { done: number; total: number; label: string }) {
  const value = percent(done, total);
  return (
    <div>
      <div className="mb-1 flex justify-between text-base text-stone-700">
        <span>{label}</span>
        <span>{value}%</span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${label} ${value}%`}
        className="h-3 overflow-hidden rounded-full bg-stone-200"
      >
        <div className="h-full rounded-full bg-brand-600" style={{ width: `${value}%` }} />
      </div>
    </div>
  );
}

const badge = {
  not_started: "bg-stone-100 text-stone-700",
  in_progress: "bg-amber-100 text-amber-900",
  completed: "bg-emerald-100 text-emerald-900",
} as const;

export function StateBadge({ state }: { state: keyof typeof badge }) {
  return (
    <span className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-base ${badge[state]}`}>
      {state === "completed" ? "✓ " : ""}
      {t.learn.state[state]}
    </span>
  );
}

export function MissingList({ steps }: { steps: string[] }) {
  if (steps.length === 0) return null;
  return (
    <div className="rounded-xl bg-amber-50 px-4 py-3 text-lg text-amber-950">
      <p className="font-bold">{t.learn.missing}</p>
      <ul className="mt-1 list-disc space-y-1 pl-6">
        {steps.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
    </div>
  );
}
