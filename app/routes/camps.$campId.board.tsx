import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { Card, PageTitle } from "../components/ui/page";
import { boardCells } from "../lib/board-view";
import { requireCamp } from "../lib/camp-access.server";
import { chinaToday } from "../lib/dates";
import { t } from "../lib/messages";
import { type BoardSort, boardSorts, campBoard, sortBoard } from "../models/camp-board.server";

const c = t.camps;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${c.board} - ${data?.camp.name ?? c.title} - ${t.site.name}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { camp } = await requireCamp(request, context, params.campId, "staff");
  const url = new URL(request.url);
  const sort = (boardSorts as readonly string[]).includes(url.searchParams.get("sort") ?? "") ? (url.searchParams.get("sort") as BoardSort) : "name";
  const descending = url.searchParams.get("dir") === "desc";
  const board = await campBoard(context.db, camp, chinaToday());
  const rows = sortBoard(board.rows, sort, descending).map((row) => ({ userId: row.userId, raw: row.statuses, isComplete: row.complete, ...boardCells(board, row) }));
  return {
    camp: { id: camp.id, name: camp.name },
    sort,
    descending,
    assignments: board.assignments.map((a) => ({ id: a.id, title: a.title })),
    rows,
    behind: rows.filter((r) => !r.isComplete).map((r) => ({ userId: r.userId, name: r.name, missing: r.missing })),
  };
}

const statusClass: Record<string, string> = { done: "text-emerald-800", in_progress: "text-sky-800", not_started: "text-stone-500", overdue: "font-bold text-red-800" };

export default function Board() {
  const { camp, sort, descending, assignments, rows, behind } = useLoaderData<typeof loader>();
  const header = (key: BoardSort, label: string) => {
    const active = sort === key;
    const next = active && !descending ? "desc" : "asc";
    return (
      <th scope="col" aria-sort={active ? (descending ? "descending" : "ascending") : "none"} className="px-3 py-2 text-left whitespace-nowrap">
        <Link to={`?sort=${key}&dir=${next}`} className="inline-flex min-h-11 items-center gap-1 underline-offset-4 hover:underline" preventScrollReset>
          {label}
          <span aria-hidden="true">{active ? (descending ? "▼" : "▲") : "↕"}</span>
        </Link>
      </th>
    );
  };
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: `/camps/${camp.id}`, label: camp.name }]} />
      <PageTitle subtitle={c.boardIntro}>{c.board}</PageTitle>
      <a href={`/camps/${camp.id}/board.csv`} download className="inline-flex min-h-12 items-center rounded-xl border-2 border-stone-300 bg-white px-5 text-lg font-medium hover:bg-stone-100">
        {c.exportCsv}
      </a>
      <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white">
        <table className="w-full text-base" data-testid="board">
          <thead className="bg-stone-50">
            <tr>
              {header("name", c.columns.name)}
              {header("attended", c.columns.attended)}
              {assignments.map((a) => (
                <th key={a.id} scope="col" className="px-3 py-2 text-left">
                  {a.title}
                </th>
              ))}
              {header("done", c.columns.done)}
              {header("hours", c.columns.hours)}
              <th scope="col" className="px-3 py-2 text-left">
                {c.columns.complete}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {rows.map((r) => (
              <tr key={r.userId}>
                <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                  <Link to={`/camps/${camp.id}/transcript/${r.userId}`} className="text-brand-700 underline underline-offset-4">
                    {r.name}
                  </Link>
                </th>
                <td className="px-3 py-2 whitespace-nowrap">{r.attended}</td>
                {assignments.map((a, i) => (
                  <td key={a.id} className={`px-3 py-2 whitespace-nowrap ${statusClass[r.raw[a.id] ?? "not_started"]}`}>
                    {r.statuses[i]}
                  </td>
                ))}
                <td className="px-3 py-2">{Object.values(r.raw).filter((s) => s === "done").length}</td>
                <td className="px-3 py-2">{r.hours}</td>
                <td className="px-3 py-2">{r.complete}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Card>
        <h2 className="mb-3 text-2xl font-bold">
          {c.behind}
          {t.common.parenthesized(String(behind.length))}
        </h2>
        {behind.length === 0 ? <p className="text-lg">{c.behindNone}</p> : null}
        <ul className="divide-y divide-stone-200" data-testid="behind">
          {behind.map((b) => (
            <li key={b.userId} className="py-2 text-lg">
              <span className="font-medium">{b.name}</span>
              <span className="block text-base text-stone-700">{b.missing}</span>
            </li>
          ))}
        </ul>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
