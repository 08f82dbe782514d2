import type { ReactNode } from "react";
import { t } from "../../lib/messages";
import { Card } from "../ui/page";

/** A dashboard section: heading, an optional note, its content, and its CSV / Excel downloads. */
export function ReportSection({ id, title, note, exportHref, children }: { id: string; title: string; note?: string; exportHref?: (format: "csv" | "xlsx") => string; children: ReactNode }) {
  return (
    <Card>
      <section aria-labelledby={`${id}-h`} className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id={`${id}-h`} className="text-2xl font-bold">
            {title}
          </h2>
          {exportHref ? (
            <div className="flex gap-2 text-lg">
              <a href={exportHref("csv")} download className="inline-flex min-h-12 items-center rounded-xl border-2 border-stone-300 px-4 font-medium hover:bg-stone-100">
                {t.reports.exportCsv}
              </a>
              <a href={exportHref("xlsx")} download className="inline-flex min-h-12 items-center rounded-xl border-2 border-stone-300 px-4 font-medium hover:bg-stone-100">
                {t.reports.exportXlsx}
              </a>
            </div>
          ) : null}
        </div>
        {note ? <p className="text-base text-stone-600">{note}</p> : null}
        {children}
      </section>
    </Card>
  );
}

/** A headline number with its label (and a hint saying what it counts). */
export function Stat({ label, value, hint }: { label: string; value: string | number; hint?: string }) {
  return (
    <div className="rounded-xl bg-stone-50 p-3">
      <dt className="text-base text-stone-700">{label}</dt>
      <dd className="text-3xl font-bold text-stone-900 tabular-nums">{value}</dd>
      {hint ? <dd className="text-sm text-stone-600">{hint}</dd> : null}
    </div>
  );
}
