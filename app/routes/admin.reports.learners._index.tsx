import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { DataTable } from "../components/reports/data-table";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { Button, ButtonLink } from "../components/ui/button";
import { TextField } from "../components/ui/field";
import { Card, PageTitle } from "../components/ui/page";
import { t } from "../lib/messages";
import { filterParams } from "../lib/report-filters";
import { requireReportScope } from "../lib/report-request.server";
import { learnersTable } from "../lib/report-tables";
import { listLearners } from "../models/report-learner.server";

const r = t.reports;
const PAGE = 50;

export const meta: MetaFunction = () => [{ title: `${r.learnersTitle} - ${t.site.name}` }];

/** The scope's learners, 50 at a time, searchable by name or phone; each opens their record. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { scope, url } = await requireReportScope(request, context);
  const q = url.searchParams.get("q")?.trim().slice(0, 40) ?? "";
  const page = Math.max(0, Math.min(10_000, Number(url.searchParams.get("page")) || 0));
  const rows = await listLearners(context.db, scope, { q, limit: PAGE + 1, offset: page * PAGE });
  return { filters: scope.filters, q, page, rows: rows.slice(0, PAGE), more: rows.length > PAGE };
}

export default function LearnerSearch() {
  const { filters, q, page, rows, more } = useLoaderData<typeof loader>();
  const table = learnersTable(rows);
  const base = filterParams(filters, q ? { q } : {});
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: "/admin", label: t.admin.title }, { to: `/admin/reports?${filterParams(filters)}`, label: r.title }]} />
      <PageTitle subtitle={r.learnersIntro}>{r.learnersTitle}</PageTitle>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        {Object.entries(Object.fromEntries(new URLSearchParams(filterParams(filters)))).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="min-w-60 flex-1">
          <TextField label={r.search} name="q" defaultValue={q} maxLength={40} />
        </div>
        <Button>{r.searchButton}</Button>
      </Form>
      <Card>
        {rows.length === 0 ? <p className="text-lg">{r.noLearners}</p> : <DataTable table={table} link={(i) => `/admin/reports/learners/${rows[i]!.id}`} />}
      </Card>
      <div className="flex flex-wrap gap-2">
        {more ? (
          <ButtonLink to={`/admin/reports/learners?${base}&page=${page + 1}`} variant="secondary">
            {r.more}
          </ButtonLink>
        ) : null}
      </div>
      <Card>
        <h2 className="mb-3 text-2xl font-bold">{r.exportHeading}</h2>
        <form method="get" action="/admin/reports/export" className="space-y-3">
          {[...new URLSearchParams(base)].map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="table" value="learners" />
          <label className="flex min-h-12 items-center gap-3 text-lg">
            <input type="checkbox" name="full" value="1" className="size-6" />
            {r.fullPhones}
          </label>
          <div className="flex flex-wrap gap-2">
            <Button name="format" value="csv" variant="secondary">
              {r.exportCsv}
            </Button>
            <Button name="format" value="xlsx" variant="secondary">
              {r.exportXlsx}
            </Button>
          </div>
        </form>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
