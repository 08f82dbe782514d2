import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { Button } from "../components/ui/button";
import { Card, PageTitle } from "../components/ui/page";
import { requireCamp } from "../lib/camp-access.server";
import { dayLabel } from "../lib/dates";
import { t } from "../lib/messages";
import { absoluteUrl, qrSvg } from "../lib/qr.server";
import { getSession, listPeople } from "../models/camp.server";
import { checkinScreen, closeCheckin, markAttendance, openCheckin } from "../models/checkin.server";
import { readForm } from "../lib/read-form.server";
import { idFrom } from "../lib/forms";

const c = t.camps;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data ? c.checkinTitle(data.session.topic) : c.checkin} - ${t.site.name}` }];

async function load(request: Request, context: LoaderFunctionArgs["context"], params: LoaderFunctionArgs["params"]) {
  const access = await requireCamp(request, context, params.campId, "staff");
  const id = /^\d{1,9}$/.test(params.sessionId ?? "") ? Number(params.sessionId) : -1;
  const session = await getSession(context.db, access.camp.id, id);
  if (!session) throw new Response(c.errors.session, { status: 404 });
  return { ...access, session };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { camp, session } = await load(request, context, params);
  const [screen, members, attended] = await Promise.all([
    checkinScreen(context.db, camp.id, session.id),
    listPeople(context.db, camp.id, "camp_members"),
    context.db.selectFrom("camp_attendance").select(["user_id", "method"]).where("session_id", "=", session.id).execute(),
  ]);
  const present = new Map(attended.map((a) => [a.user_id, a.method]));
  const code = screen?.open ? screen.code : null;
  return {
    camp: { id: camp.id, name: camp.name },
    session: { id: session.id, topic: session.topic, day: dayLabel(session.date), startsAt: session.starts_at, endsAt: session.ends_at, place: session.place },
    open: Boolean(screen?.open),
    code,
    msLeft: screen?.msLeft ?? 0,
    qr: code ? await qrSvg(absoluteUrl(request, `/checkin?code=${code}`)) : null,
    count: screen?.count ?? 0,
    members: members.map((m) => ({ id: m.id, name: m.name, method: present.get(m.id) ?? null })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { camp, session, actor } = await load(request, context, params);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "open") await openCheckin(context.db, camp, session.id, actor);
  else if (intent === "close") await closeCheckin(context.db, camp, session.id);
  else if (intent === "present" || intent === "absent") {
    const userId = idFrom(formData.get("userId"));
    const ok = userId !== null && (await markAttendance(context.db, camp, session.id, userId, intent === "present", actor));
    if (!ok) return data({ ok: false, message: c.errors.member }, { status: 404 });
  } else return data({ ok: false, message: t.errors.badRequest }, { status: 400 });
  return data({ ok: true, message: "" });
}

export default function CheckinScreen() {
  const { camp, session, open, code, msLeft, qr, count, members } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // While check-in is open: the count rises live (every 3 s) and the code changes the moment its window ends.
  useEffect(() => {
    if (!open) return;
    const poll = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 3_000);
    const turn = setTimeout(() => revalidator.revalidate(), msLeft + 50);
    return () => {
      clearInterval(poll);
      clearTimeout(turn);
    };
  }, [open, msLeft, revalidator]);

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: `/camps/${camp.id}`, label: camp.name }]} />
      <PageTitle subtitle={`${session.day} ${session.startsAt}–${session.endsAt} · ${session.place}`}>{c.checkinTitle(session.topic)}</PageTitle>
      <Card className="text-center">
        <p className="text-2xl font-bold" aria-live="polite" data-testid="checkin-count">
          {c.checkedInCount(count, members.length)}
        </p>
        {open && code ? (
          <>
            <p className="mt-4 text-lg text-stone-600">{c.checkinCode}</p>
            <p className="font-mono text-6xl font-bold tracking-widest sm:text-8xl" data-testid="checkin-code">
              {code}
            </p>
            {/* qrcode's own SVG markup, for a URL this server built. */}
            <div className="mx-auto mt-4 w-64 max-w-full" role="img" aria-label={`${c.checkinCode} ${code}`} dangerouslySetInnerHTML={{ __html: qr ?? "" }} />
            <p className="mx-auto mt-3 max-w-xl text-base text-stone-600">{c.checkinCodeHint}</p>
            <Form method="post" className="mt-4">
              <Button name="intent" value="close" variant="secondary">
                {c.closeCheckin}
              </Button>
            </Form>
          </>
        ) : (
          <Form method="post" className="mt-4">
            <Button name="intent" value="open">
              {c.openCheckin}
            </Button>
          </Form>
        )}
      </Card>
      <Card>
        <h2 className="mb-3 text-2xl font-bold">{c.manualTitle}</h2>
        <ul className="divide-y divide-stone-200">
          {members.map((m) => (
            <li key={m.id} className="flex min-h-12 flex-wrap items-center gap-x-3 py-1 text-lg">
              <span className="flex-1">{m.name}</span>
              <span className={m.method ? "text-emerald-800" : "text-stone-500"}>{m.method ? c.present : c.absent}</span>
              <Form method="post">
                <input type="hidden" name="userId" value={m.id} />
                <Button name="intent" value={m.method ? "absent" : "present"} variant="ghost" aria-label={t.common.labelled(m.method ? c.markAbsent : c.markPresent, m.name)}>
                  {m.method ? c.markAbsent : c.markPresent}
                </Button>
              </Form>
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
