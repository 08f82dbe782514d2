import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { Card, PageTitle, rowListClass } from "../components/ui/page";
import { hoursOf } from "../lib/board-view";
import { chinaDate, dayLabel } from "../lib/dates";
import { t } from "../lib/messages";
import { maskPhone } from "../lib/phone";
import { requireReportScope } from "../lib/report-request.server";
import { learnerRecord } from "../models/report-learner.server";
import { resolveScope } from "../models/report-scope.server";

const r = t.reports;
const rec = r.record;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.person.name ?? r.learnersTitle} - ${t.site.name}` },
];

/**
 * One learner's record for an admin: courses, quiz attempts, 学时, check-ins and certificates —
 * a branch admin sees only their campuses' rows, and only learners of their campuses (else 404).
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { scope, administered } = await requireReportScope(request, context);
  const id = /^\d{1,9}$/.test(params.userId ?? "")
    ? Number(params.userId)
    : null;
  // The record ignores the dashboard's category and 身份 filters: it is the whole person, within the admin's campuses.
  const whole = await resolveScope(
    context.db,
    { ...scope.filters, campusId: null, categoryId: null, identity: null },
    administered
  );
  const record =
    id === null || !whole ? null : await learnerRecord(context.db, whole, id);
  if (!record) throw new Response(r.learnerNotFound, { status: 404 });
  return {
    ...record,
    person: { ...record.person, phone: maskPhone(record.person.phone) },
  };
}

export default function LearnerRecordPage() {
  const { person, courses, attempts, attendance, certificates } =
    useLoaderData<typeof loader>();
  const totalSeconds = courses.reduce((sum, c) => sum + c.studySeconds, 0);
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          { to: "/admin", label: t.admin.title },
          { to: "/admin/reports", label: r.title },
          { to: "/admin/reports/learners", label: r.learnersTitle },
        ]}
      />
      <PageTitle
        subtitle={`${t.identity[person.identity]} · ${person.phone} · ${
          person.street
        } ${person.community} ${person.compound}`}
      >
        {person.name}
      </PageTitle>
      <p className="text-lg text-stone-700">
        {rec.registered} {chinaDate(person.createdAt)} · {r.metrics.hours}{" "}
        {hoursOf(totalSeconds)}
      </p>
      <RecordList title={rec.courses} empty={courses.length === 0}>
        {courses.map((c) => (
          <li key={c.id} className="p-3">
            <Link
              to={`/courses/${c.slug}`}
              className="text-lg font-medium text-brand-800 underline"
            >
              {c.title}
            </Link>
            <p className="text-base text-stone-700">
              {c.campus} · {rec.lessonsDone(c.done, c.lessons)} ·{" "}
              {r.metrics.hours} {hoursOf(c.studySeconds)} · {rec.enrolledAt}{" "}
              {chinaDate(c.enrolledAt)} ·{" "}
              {c.completedAt
                ? `${rec.completedAt} ${chinaDate(c.completedAt)}`
                : rec.inProgress}
            </p>
          </li>
        ))}
      </RecordList>
      <RecordList title={rec.attempts} empty={attempts.length === 0}>
        {attempts.map((a) => (
          <li key={a.id} className="p-3 text-base">
            <span className="font-medium">{a.lesson}</span>
            {t.common.parenthesized(a.course)} ·{" "}
            {rec.score(a.score)} · {a.passed ? rec.passed : rec.failed} ·{" "}
            {chinaDate(a.createdAt)}
          </li>
        ))}
      </RecordList>
      <RecordList title={rec.attendance} empty={attendance.length === 0}>
        {attendance.map((a, i) => (
          <li key={i} className="p-3 text-base">
            {dayLabel(a.date)} · {a.camp} · {a.topic} ·{" "}
            {a.method === "manual" ? rec.manual : rec.code}
          </li>
        ))}
      </RecordList>
      <RecordList title={rec.certificates} empty={certificates.length === 0}>
        {certificates.map((c) => (
          <li key={c.code} className="p-3 text-base">
            <Link
              to={`/verify/${c.code}`}
              className="font-medium text-brand-800 underline"
            >
              {c.title}
            </Link>{" "}
            · {c.hours} {r.metrics.hours} · {chinaDate(c.issuedAt)} · {c.code}
          </li>
        ))}
      </RecordList>
    </div>
  );
}

/** One part of the record: a heading and its rows, or "没有记录" (never an empty bordered box). */
function RecordList({
  title,
  empty,
  children,
}: {
  title: string;
  empty: boolean;
  children: ReactNode;
}) {
  return (
    <Card>
      <h2 className="mb-3 text-2xl font-bold">{title}</h2>
      {empty ? (
        <p className="text-lg">{rec.none}</p>
      ) : (
        <ul className={rowListClass}>{children}</ul>
      )}
    </Card>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
