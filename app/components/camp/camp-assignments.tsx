import { Link } from "@remix-run/react";
import { t } from "../../lib/messages";

const c = t.camps;
const tone: Record<string, string> = {
  done: "bg-emerald-100 text-emerald-900",
  in_progress: "bg-sky-100 text-sky-900",
  not_started: "bg-stone-100 text-stone-800",
  overdue: "bg-red-600 text-white font-bold",
};

/** 我的学习: what the learner's camps assigned, overdue first and standing out; camps they teach. */
export function CampAssignments({
  camps,
  teaching,
}: {
  camps: { id: number; name: string; assignments: { id: number; title: string; href: string; due: string; dueOn: string; status: string }[] }[];
  teaching: { id: number; name: string }[];
}) {
  if (camps.length === 0 && teaching.length === 0) return null;
  const order = { overdue: 0, in_progress: 1, not_started: 2, done: 3 } as Record<string, number>;
  return (
    <section aria-labelledby="my-camps" className="space-y-3">
      <h2 id="my-camps" className="text-2xl font-bold">
        {c.mine}
      </h2>
      {camps.map((camp) => (
        <div key={camp.id} className="rounded-2xl border border-stone-200 bg-white p-4">
          <Link to={`/camps/${camp.id}`} className="text-lg font-bold text-brand-700 underline underline-offset-4">
            {camp.name}
          </Link>
          <ul className="mt-2 space-y-2">
            {[...camp.assignments]
              .sort((a, b) => (order[a.status] ?? 9) - (order[b.status] ?? 9) || a.dueOn.localeCompare(b.dueOn))
              .map((a) => (
                <li key={a.id} className={`flex flex-wrap items-center gap-x-3 gap-y-1 rounded-xl px-3 py-2 ${a.status === "overdue" ? "border-2 border-red-600" : "border border-stone-200"}`}>
                  <Link to={a.href} className="min-w-0 flex-1 text-lg underline-offset-4 hover:underline">
                    {a.title}
                  </Link>
                  <span className="text-base text-stone-600">{c.due(a.due)}</span>
                  <span className={`rounded-full px-2 text-base ${tone[a.status]}`}>{c.status[a.status]}</span>
                </li>
              ))}
          </ul>
        </div>
      ))}
      {teaching.map((camp) => (
        <Link key={camp.id} to={`/camps/${camp.id}`} className="flex min-h-12 items-center rounded-2xl border border-stone-200 bg-white px-4 text-lg hover:border-brand-600">
          {c.instructors} · {camp.name}
        </Link>
      ))}
    </section>
  );
}
