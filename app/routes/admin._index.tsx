import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditList } from "../components/audit-list";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ButtonLink } from "../components/ui/button";
import { Card, PageTitle } from "../components/ui/page";
import { administeredCampusIds, requireRole } from "../lib/auth.server";
import { t } from "../lib/messages";
import { listCampuses } from "../models/campus.server";
import { listRecentAudit } from "../models/audit.server";

export const meta: MetaFunction = () => [{ title: `${t.admin.title} - ${t.site.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const scope = administeredCampusIds(session);
  const campuses = (await listCampuses(context.db)).filter((c) => scope === null || scope.includes(c.id));
  const audit = await listRecentAudit(context.db, scope === null ? {} : { campusIds: scope });
  return { isDistrictAdmin: scope === null, campuses: campuses.map((c) => ({ slug: c.slug, name: c.name })), audit };
}

export default function AdminHome() {
  const { isDistrictAdmin, campuses, audit } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle subtitle={isDistrictAdmin ? t.admin.districtScope : undefined}>{t.admin.title}</PageTitle>
      <Card>
        <h2 className="mb-2 text-2xl font-bold">{t.reports.title}</h2>
        <p className="mb-4 text-lg text-stone-700">{isDistrictAdmin ? t.reports.districtIntro : t.reports.campusIntro(campuses.map((c) => c.name).join(t.common.listSeparator))}</p>
        <div className="flex flex-wrap gap-2">
          <ButtonLink to="/admin/reports">{t.reports.title}</ButtonLink>
          <ButtonLink to="/admin/reports/learners" variant="secondary">
            {t.reports.learnersTitle}
          </ButtonLink>
        </div>
      </Card>
      <Card>
        <h2 className="mb-3 text-2xl font-bold">{t.admin.yourCampuses}</h2>
        <ul className="flex flex-wrap gap-2">
          {campuses.map((c) => (
            <li key={c.slug}>
              <ButtonLink to={`/campuses/${c.slug}`} variant="secondary">
                {c.name}
              </ButtonLink>
            </li>
          ))}
        </ul>
      </Card>
      <Card>
        <h2 className="mb-2 text-2xl font-bold">{t.admin.coursesTitle}</h2>
        <p className="mb-4 text-lg text-stone-700">{t.admin.coursesIntro}</p>
        <div className="flex flex-wrap gap-2">
          <ButtonLink to="/admin/courses">{t.admin.coursesTitle}</ButtonLink>
          <ButtonLink to="/admin/courses/new" variant="secondary">
            {t.authoring.newCourse}
          </ButtonLink>
          <ButtonLink to="/admin/media" variant="secondary">
            {t.authoring.media.title}
          </ButtonLink>
        </div>
      </Card>
      <Card>
        <h2 className="mb-2 text-2xl font-bold">{t.camps.adminTitle}</h2>
        <p className="mb-4 text-lg text-stone-700">{t.camps.adminIntro}</p>
        <ButtonLink to="/admin/camps">{t.camps.adminTitle}</ButtonLink>
      </Card>
      {isDistrictAdmin ? (
        <Card>
          <h2 className="mb-2 text-2xl font-bold">{t.admin.rolesTitle}</h2>
          <p className="mb-4 text-lg text-stone-700">{t.admin.rolesIntro}</p>
          <ButtonLink to="/admin/roles">{t.admin.rolesTitle}</ButtonLink>
        </Card>
      ) : null}
      <Card>
        <h2 className="mb-3 text-2xl font-bold">{t.admin.auditTitle}</h2>
        <AuditList entries={audit} />
        <ButtonLink to="/admin/audit" variant="ghost" className="mt-2 px-0">
          {t.authoring.audit.title}
        </ButtonLink>
      </Card>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
