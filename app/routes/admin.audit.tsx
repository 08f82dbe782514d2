import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { AuditList } from "../components/audit-list";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { Button, ButtonLink } from "../components/ui/button";
import { SelectField } from "../components/ui/field";
import { Card, PageTitle } from "../components/ui/page";
import { administeredCampusIds, requireRole } from "../lib/auth.server";
import { t } from "../lib/messages";
import { listRecentAudit } from "../models/audit.server";

const au = t.authoring.audit;
const PAGE = 50;

export const meta: MetaFunction = () => [{ title: `${au.title} - ${t.site.name}` }];

/** The audit log, newest first, 50 at a time: all of it for district admins, their campuses' for branch admins. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const scope = administeredCampusIds(session);
  const url = new URL(request.url);
  const action = url.searchParams.get("action") ?? "";
  const before = url.searchParams.get("before") ?? "";
  const entries = await listRecentAudit(context.db, {
    ...(scope === null ? {} : { campusIds: scope }),
    limit: PAGE + 1,
    action: action in au.actions ? action : undefined,
    beforeId: /^\d{1,18}$/.test(before) ? before : undefined,
  });
  const more = entries.length > PAGE;
  const page = entries.slice(0, PAGE);
  const olderParams = new URLSearchParams({ ...(action ? { action } : {}), before: page[page.length - 1]?.id ?? "" });
  return { entries: page, action, olderHref: more ? `/admin/audit?${olderParams}` : null };
}

export default function AuditLog() {
  const { entries, action, olderHref } = useLoaderData<typeof loader>();
  const options = Object.entries(au.actions).map(([value, label]) => ({ value, label }));
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: "/admin", label: t.admin.title }]} />
      <PageTitle subtitle={au.intro}>{au.title}</PageTitle>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div className="min-w-60 flex-1">
          <SelectField label={au.filter} name="action" options={options} placeholder={au.all} defaultValue={action} />
        </div>
        <Button variant="secondary">{au.filter}</Button>
      </Form>
      <Card>
        <AuditList entries={entries} />
      </Card>
      {olderHref ? (
        <ButtonLink to={olderHref} variant="secondary">
          {au.older}
        </ButtonLink>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
