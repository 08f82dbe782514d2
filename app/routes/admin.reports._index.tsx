import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { BarChart, LineChart } from "../components/reports/charts";
import { DataTable } from "../components/reports/data-table";
import { ReportFilterForm } from "../components/reports/filter-form";
import { ReportSection, Stat } from "../components/reports/section";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { ButtonLink } from "../components/ui/button";
import { PageTitle } from "../components/ui/page";
import { hoursOf } from "../lib/board-view";
import { t } from "../lib/messages";
import { filterParams } from "../lib/report-filters";
import { requireReportScope } from "../lib/report-request.server";
import { campsTable, compoundsTable, funnelTable, identityTable, overviewTable, percent, streetsTable, weeklyTable } from "../lib/report-tables";
import { listCampuses, listCategories } from "../models/campus.server";
import { byStreet, compoundsOf } from "../models/report-geo.server";
import { byIdentity, campsSummary, funnel, overview, weekly } from "../models/report.server";

const r = t.reports;

export const meta: MetaFunction = () => [{ title: `${r.title} - ${t.site.name}` }];

/** The district's dashboard for district admins; a campus dashboard (own campuses only) for branch admins. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { scope, administered, url } = await requireReportScope(request, context);
  const db = context.db;
  const street = url.searchParams.get("street")?.trim() || null;
  const [o, weeks, courses, identities, streets, compounds, camps, campuses, categories] = await Promise.all([
    overview(db, scope),
    weekly(db, scope),
    funnel(db, scope),
    byIdentity(db, scope),
    byStreet(db, scope),
    street ? compoundsOf(db, scope, street) : Promise.resolve(null),
    campsSummary(db, scope),
    listCampuses(db),
    listCategories(db),
  ]);
  const visible = campuses.filter((c) => administered === null || administered.includes(c.id));
  return {
    filters: scope.filters,
    street,
    isDistrict: administered === null,
    scopeName: visible.map((c) => c.name).join(t.common.listSeparator),
    campuses: visible.map((c) => ({ id: c.id, name: c.name })),
    categories: categories.map((c) => ({ id: c.id, name: c.name })),
    overview: o,
    weeks,
    funnelRows: courses,
    identities,
    streets,
    compounds,
    camps,
  };
}

export default function ReportsDashboard() {
  const d = useLoaderData<typeof loader>();
  const exportHref = (table: string, extra: Record<string, string> = {}) => (format: "csv" | "xlsx") =>
    `/admin/reports/export?${filterParams(d.filters, { table, format, ...extra })}`;
  const streetHref = (street: string) => `/admin/reports?${filterParams(d.filters, { street })}#compounds`;
  const m = r.metrics;
  const o = d.overview;
  const lastWeek = d.weeks[d.weeks.length - 1]?.active ?? 0;
  const maxWeek = Math.max(0, ...d.weeks.map((w) => w.active));
  const trained = d.streets.reduce((sum, s) => sum + s.trainedCompounds, 0);
  const compoundsTotal = d.streets.reduce((sum, s) => sum + s.compounds, 0);
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: "/admin", label: t.admin.title }]} />
      <PageTitle subtitle={d.isDistrict ? r.districtIntro : r.campusIntro(d.scopeName)}>{r.title}</PageTitle>
      <ReportFilterForm filters={d.filters} campuses={d.campuses} categories={d.categories} action="/admin/reports" />
      <p className="text-lg text-stone-700">{r.filters.range(d.filters.from, d.filters.to)}</p>

      <ReportSection id="overview" title={r.sections.overview} exportHref={exportHref("overview")}>
        <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          <Stat label={m.learners} value={o.learners} hint={r.metricHints.learners} />
          <Stat label={m.active} value={o.active} hint={r.metricHints.active} />
          <Stat label={m.enrolments} value={o.enrolments} />
          <Stat label={m.completions} value={o.completions} />
          <Stat label={m.certificates} value={o.certificates} />
          <Stat label={m.hours} value={hoursOf(o.studySeconds)} />
          <Stat label={m.lessonsCompleted} value={o.lessonsCompleted} />
          <Stat label={r.columns.trainedCompounds} value={`${trained}/${compoundsTotal}`} />
        </dl>
        <details>
          <summary className="cursor-pointer text-lg text-brand-800">{r.showData}</summary>
          <DataTable table={overviewTable(o)} />
        </details>
      </ReportSection>

      <ReportSection id="weekly" title={r.sections.weekly} note={r.notes.weekly} exportHref={exportHref("weekly")}>
        <LineChart
          title={r.chart.weeklyTitle}
          description={r.chart.weeklyDesc(d.weeks.length, maxWeek, lastWeek)}
          points={d.weeks.map((w) => ({ label: w.week, value: w.active }))}
          unit={r.chart.peopleUnit}
        />
        <details>
          <summary className="cursor-pointer text-lg text-brand-800">{r.showData}</summary>
          <DataTable table={weeklyTable(d.weeks)} />
        </details>
      </ReportSection>

      <ReportSection id="funnel" title={r.sections.funnel} note={r.notes.funnel} exportHref={exportHref("funnel")}>
        {d.funnelRows.length === 0 ? <p className="text-lg">{r.notes.empty}</p> : null}
        <BarChart
          title={r.sections.funnel}
          description={r.chart.barDesc(r.sections.funnel, Math.min(10, d.funnelRows.length))}
          items={d.funnelRows.slice(0, 10).map((f) => ({
            label: f.title,
            value: f.enrolments,
            part: f.cohortCompleted,
            text: r.chart.funnelText(f.cohortCompleted, f.enrolments, percent(f.cohortCompleted, f.enrolments)),
          }))}
        />
        {d.funnelRows.length > 10 ? (
          <details>
            <summary className="cursor-pointer text-lg text-brand-800">{r.allRows(d.funnelRows.length)}</summary>
            <DataTable table={funnelTable(d.funnelRows)} />
          </details>
        ) : (
          <DataTable table={funnelTable(d.funnelRows)} />
        )}
      </ReportSection>

      <ReportSection id="identity" title={r.sections.identity} exportHref={exportHref("identity")}>
        <BarChart
          title={r.sections.identity}
          description={r.chart.barDesc(r.sections.identity, d.identities.length)}
          items={d.identities.map((i) => ({ label: t.identity[i.identity], value: i.learners, part: i.active, text: r.chart.identityText(i.active, i.learners) }))}
        />
        <DataTable table={identityTable(d.identities)} />
      </ReportSection>

      <ReportSection id="streets" title={r.sections.streets} note={r.notes.streets} exportHref={exportHref("streets")}>
        <BarChart
          title={r.columns.trainedCompounds}
          description={r.chart.barDesc(r.columns.trainedCompounds, d.streets.length)}
          items={d.streets.map((s) => ({ label: s.street, value: s.compounds, part: s.trainedCompounds, text: r.chart.streetText(s.trainedCompounds, s.compounds) }))}
        />
        <DataTable table={streetsTable(d.streets)} link={(i) => streetHref(d.streets[i]!.street)} />
      </ReportSection>

      {d.street && d.compounds ? (
        <div id="compounds">
          <ReportSection id="compound-list" title={r.sections.compounds(d.street)} exportHref={exportHref("compounds", { street: d.street })}>
            {d.compounds.length === 0 ? <p className="text-lg">{r.notes.empty}</p> : null}
            <details open={d.compounds.length <= 20}>
              <summary className="cursor-pointer text-lg text-brand-800">{r.allRows(d.compounds.length)}</summary>
              <DataTable table={compoundsTable(d.street, d.compounds)} />
            </details>
          </ReportSection>
        </div>
      ) : null}

      <ReportSection id="camps" title={r.sections.camps} exportHref={exportHref("camps")}>
        {d.camps.length === 0 ? <p className="text-lg">{r.notes.empty}</p> : <DataTable table={campsTable(d.camps)} />}
      </ReportSection>

      <ReportSection id="learners" title={r.learnersTitle} note={r.learnersIntro}>
        <ButtonLink to={`/admin/reports/learners?${filterParams(d.filters)}`}>{r.learnersTitle}</ButtonLink>
        <p>
          <Link to="/admin/audit?action=report.phones_exported" className="text-lg text-brand-800 underline">
            {t.authoring.audit.actions["report.phones_exported"]}
          </Link>
        </p>
      </ReportSection>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
