import type { ActionFunctionArgs } from "@remix-run/node";
import { t } from "../lib/messages";
import { getLessonTarget } from "../models/course.server";
import { recordBeat } from "../models/study-time.server";
import { readForm } from "../lib/read-form.server";

/**
 * The 学时 heartbeat (see components/lesson-clock.tsx): form data in, JSON out, never a redirect.
 * Real Responses, so the status (429 for a flood) reaches fetch(); a data() status would not.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = context.session;
  if (!session) return Response.json({ ok: false, error: t.auth.loginRequired }, { status: 401 });
  const form = await readForm(request);
  const lessonId = String(form.get("lesson") ?? "");
  if (!/^\d{1,9}$/.test(lessonId)) return Response.json({ ok: false, error: t.learn.refusal.lesson }, { status: 400 });
  const lesson = await getLessonTarget(context.db, { id: Number(lessonId) });
  if (!lesson) return Response.json({ ok: false, error: t.learn.refusal.lesson }, { status: 404 });
  const result = await recordBeat(context.db, session.user.id, lesson, form.get("restart") === "1");
  if (!result.ok) {
    return result.refusal === "too-soon"
      ? Response.json({ ok: false, error: t.learn.tooManyBeats }, { status: 429 })
      : Response.json({ ok: false, error: t.learn.notEnrolled }, { status: 409 });
  }
  return Response.json(result);
}

export function loader() {
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}
