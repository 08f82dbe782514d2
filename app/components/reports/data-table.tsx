import type { ReactNode } from "react";
import { t } from "../../lib/messages";
import type { Table } from "../../lib/report-tables";

/**
 * A report table as the exports write it. Wide tables scroll sideways inside their card on a phone
 * (the page itself never does); the first column stays readable as a row header.
 */
export function DataTable({ table, caption, link }: { table: Table; caption?: string; link?: (row: number) => string | null }) {
  if (table.rows.length === 0) return null;
  return (
    <div className="overflow-x-auto rounded-xl border border-stone-200" tabIndex={0} role="region" aria-label={t.reports.dataTableLabel(caption ?? table.title)}>
      <table className="w-full border-collapse text-left text-base">
        <caption className="sr-only">{caption ?? table.title}</caption>
        <thead className="bg-stone-100">
          <tr>
            {table.columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-semibold whitespace-nowrap text-stone-800">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-200">
          {table.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => {
                const content: ReactNode = j === 0 && link?.(i) ? <a href={link(i) ?? ""} className="font-medium text-brand-800 underline">{cell}</a> : cell;
                return j === 0 ? (
                  <th key={j} scope="row" className="min-w-32 px-3 py-2 font-normal text-stone-900">
                    {content}
                  </th>
                ) : (
                  <td key={j} className={`px-3 py-2 whitespace-nowrap ${typeof cell === "number" ? "text-right tabular-nums" : ""}`}>
                    {content}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
