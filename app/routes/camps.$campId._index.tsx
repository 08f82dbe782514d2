import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { ButtonLink } from "../components/ui/button";
import { Card, PageTitle } from "../components/ui/page";
import { requireCamp } from "../lib/camp-access.server";
import { chinaToday, dayLabel } from "../lib/dates";
import { t } from "../lib/messages";
import { campBoard, settleCampCertificate } from "../models/camp-board.server";

const c = t.camps;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.camp.name ?? c.title} - ${t.site.name}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { camp, session, manager, instructor, member } = await requireCamp(request, context, params.campId, "person");
  const today = chinaToday();
  const board = await campBoard(context.db, camp, today, session.user.id);
  const mine = member ? board.rows[0] : undefined;
  const certificate = mine ? await settleCampCertificate(context.db, camp, mine) : null;
  return {
    camp: { id: camp.id, name: camp.name, campusName: camp.campusName, place: camp.place, description: camp.description, requiredSessions: camp.requiredSessions, dates: `${dayLabel(camp.startsOn)} – ${dayLabel(camp.endsOn)}` },
    staff: manager || instructor,
    manager,
    today,
    sessions: board.sessions.map((s) => ({ id: s.id, day: dayLabel(s.date), date: s.date, startsAt: s.startsAt, endsAt: s.endsAt, place: s.place, topic: s.topic, attended: mine?.attendedSessionIds.includes(s.id) ?? null })),
    assignments: board.assignments.map((a) => ({ id: a.id, title: a.title, href: a.href, due: dayLabel(a.dueOn), status: mine?.statuses[a.id] ?? null })),
    me: mine ? { userId: mine.userId, attended: mine.attended, complete: mine.complete, missing: mine.missing } : null,
    certificate,
  };
}

const statusClass: Record<string, string> = {
  done: "bg-emerald-100 text-emerald-900",
  in_progress: "bg-sky-100 text-sky-900",
  not_started: "bg-stone-100 text-stone-800",
  overdue: "bg-red-100 text-red-900 font-bold",
};

export default function CampPage() {
  const { camp, staff, manager, today, sessions, assignments, me, certificate } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle subtitle={`${camp.campusName} · ${camp.dates} · ${camp.place}`}>{camp.name}</PageTitle>
      {camp.description ? <p className="text-lg text-stone-700">{camp.description}</p> : null}
      {staff ? (
        <div className="flex flex-wrap gap-2">
          <ButtonLink to={`/camps/${camp.id}/board`}>{c.board}</ButtonLink>
          {manager ? (
            <ButtonLink to={`/admin/camps/${camp.id}`} variant="secondary">
              {c.adminTitle}
            </ButtonLink>
          ) : null}
        </div>
      ) : null}
      {me ? (
        <Card>
          <p className="text-lg">{c.requirement(camp.requiredSessions)}</p>
          <p className="mt-2 text-lg font-bold">{me.complete ? c.completeYes : c.completeNo}</p>
          {me.complete ? null : (
            <ul className="mt-1 list-disc pl-6 text-lg">
              {me.missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          <div className="mt-3 flex flex-wrap gap-2">
            <ButtonLink to={`/camps/${camp.id}/transcript/${me.userId}`} variant="secondary">
              {c.transcript}
            </ButtonLink>
            {certificate ? <ButtonLink to={`/certificates/${certificate}`}>{c.certificate}</ButtonLink> : null}
            <ButtonLink to="/checkin" variant="secondary">
              {c.checkin}
            </ButtonLink>
          </div>
        </Card>
      ) : null}
      <section aria-labelledby="camp-assignments">
        <h2 id="camp-assignments" className="mb-3 text-2xl font-bold">
          {c.assignments}
        </h2>
        {assignments.length === 0 ? <p className="text-lg text-stone-700">{c.noAssignments}</p> : null}
        <ul className="space-y-2">
          {assignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-2xl border border-stone-200 bg-white px-4 py-3">
              <Link to={a.href} className="min-w-0 flex-1 text-lg font-medium text-brand-700 underline underline-offset-4">
                {a.title}
              </Link>
              <span className="text-base text-stone-600">{c.due(a.due)}</span>
              {a.status ? <span className={`rounded-full px-2 text-base ${statusClass[a.status]}`}>{c.status[a.status]}</span> : null}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="camp-schedule">
        <h2 id="camp-schedule" className="mb-3 text-2xl font-bold">
          {c.schedule}
        </h2>
        {sessions.length === 0 ? <p className="text-lg text-stone-700">{c.noSessions}</p> : null}
        <ol className="space-y-2">
          {sessions.map((s) => (
            <li key={s.id} className={`rounded-2xl border bg-white px-4 py-3 ${s.date === today ? "border-brand-600" : "border-stone-200"}`}>
              <p className="text-lg font-medium">
                {s.day} {s.startsAt}–{s.endsAt}
              </p>
              <p className="text-lg">{s.topic}</p>
              <p className="text-base text-stone-600">
                {s.place}
                {s.attended === null ? "" : ` · ${s.attended ? c.present : c.absent}`}
              </p>
              {staff ? (
                <Link to={`/camps/${camp.id}/checkin/${s.id}`} className="mt-1 inline-flex min-h-12 items-center text-lg text-brand-700 underline underline-offset-4">
                  {c.checkin}
                </Link>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
