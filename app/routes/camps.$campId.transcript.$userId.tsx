import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { PrintButton } from "../components/print-button";
import { ButtonLink } from "../components/ui/button";
import { Card } from "../components/ui/page";
import { hoursOf } from "../lib/board-view";
import { requireCamp } from "../lib/camp-access.server";
import { chinaToday, dayLabel } from "../lib/dates";
import { t } from "../lib/messages";
import { campBoard, settleCampCertificate } from "../models/camp-board.server";

const c = t.camps;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? c.transcriptTitle(data.name) : c.transcript} - ${t.site.name}` }];

/** One member's camp transcript: attendance, assigned courses and 学时 together. The member, instructors and managers may read it. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const access = await requireCamp(request, context, params.campId, "person");
  const userId = /^\d{1,9}$/.test(params.userId ?? "") ? Number(params.userId) : -1;
  const staff = access.manager || access.instructor;
  if (!staff && userId !== access.session.user.id) throw new Response(c.forbidden, { status: 403 });
  const board = await campBoard(context.db, access.camp, chinaToday(), userId);
  const row = board.rows[0];
  if (!row) throw new Response(c.errors.member, { status: 404 });
  const certificate = await settleCampCertificate(context.db, access.camp, row);
  return {
    camp: { id: access.camp.id, name: access.camp.name, campusName: access.camp.campusName, requiredSessions: access.camp.requiredSessions, dates: `${dayLabel(access.camp.startsOn)} – ${dayLabel(access.camp.endsOn)}` },
    name: row.name,
    sessions: board.sessions.map((s) => ({ id: s.id, day: dayLabel(s.date), topic: s.topic, present: row.attendedSessionIds.includes(s.id) })),
    assignments: board.assignments.map((a) => ({ id: a.id, title: a.title, due: dayLabel(a.dueOn), status: row.statuses[a.id] ?? "not_started" })),
    attended: row.attended,
    hours: hoursOf(row.studySeconds),
    complete: row.complete,
    missing: row.missing,
    certificate,
    own: userId === access.session.user.id,
    printedOn: dayLabel(chinaToday()),
  };
}

export default function Transcript() {
  const data = useLoaderData<typeof loader>();
  return (
    <article className="mx-auto max-w-3xl space-y-6 print:max-w-none">
      <Breadcrumbs items={[{ to: `/camps/${data.camp.id}`, label: data.camp.name }]} className="print:hidden" />
      <header>
        <h1 className="text-3xl font-bold">{c.transcriptTitle(data.name)}</h1>
        <p className="mt-1 text-lg text-stone-700">
          {data.camp.name} · {data.camp.campusName} · {data.camp.dates}
        </p>
      </header>
      <Card>
        <p className="text-lg">{c.requirement(data.camp.requiredSessions)}</p>
        <p className="mt-2 text-xl font-bold">{data.complete ? c.completeYes : c.completeNo}</p>
        {data.complete ? null : (
          <ul className="mt-1 list-disc pl-6 text-lg">
            {data.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-lg">
          {c.attendance} {c.attendedOf(data.attended, data.sessions.length)} · {c.studyHours(data.hours)}
        </p>
      </Card>
      <section>
        <h2 className="mb-2 text-2xl font-bold">{c.attendance}</h2>
        <table className="w-full text-lg">
          <tbody className="divide-y divide-stone-200">
            {data.sessions.map((s) => (
              <tr key={s.id}>
                <td className="py-2 pr-3 whitespace-nowrap">{s.day}</td>
                <td className="py-2 pr-3">{s.topic}</td>
                <td className={`py-2 whitespace-nowrap ${s.present ? "text-emerald-800" : "text-stone-500"}`}>{s.present ? c.present : c.absent}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2 className="mb-2 text-2xl font-bold">{c.assignments}</h2>
        <table className="w-full text-lg">
          <tbody className="divide-y divide-stone-200">
            {data.assignments.map((a) => (
              <tr key={a.id}>
                <td className="py-2 pr-3">{a.title}</td>
                <td className="py-2 pr-3 whitespace-nowrap text-stone-600">{c.due(a.due)}</td>
                <td className="py-2 whitespace-nowrap">{c.status[a.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="text-base text-stone-500">{data.printedOn}</p>
      <div className="flex flex-wrap gap-2 print:hidden">
        <PrintButton>{c.printTranscript}</PrintButton>
        {data.certificate && data.own ? <ButtonLink to={`/certificates/${data.certificate}`}>{c.certificate}</ButtonLink> : null}
      </div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
