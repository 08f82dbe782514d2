import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { isDocumentPost, refuseFromResource } from "../lib/learner-form.server";
import { t } from "../lib/messages";
import { QUEUED_ID, recordArrival } from "../models/offline-replay.server";
import { finishLesson, finishLessonForSession } from "../models/progress.server";
import { readForm } from "../lib/read-form.server";

/**
 * 完成本课 — the hot write (every learner, every lesson), as a resource route: no page data is
 * encoded for it, and the lesson lookup, enrolment and completion are one statement. A plain form
 * post (no JavaScript) is sent back to the end of the lesson; a fetcher gets JSON.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const courseSlug = String(form.get("course") ?? "");
  const lessonSlug = String(form.get("lesson") ?? "");
  const back = `/courses/${encodeURIComponent(courseSlug)}/${encodeURIComponent(lessonSlug)}`;
  const unauthenticated = () => {
    if (isDocumentPost(request)) throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
    return refuseFromResource(request, t.auth.loginRequired, 401);
  };
  // server.ts leaves the session to this action's own statement (checksOwnSession); a context with
  // a checked session (tests, or the lookup done anyway) is used as it is.
  if (!context.session && !context.claimedSessionId) return unauthenticated();
  if (!/^[a-z0-9-]{1,80}$/.test(courseSlug) || !/^[a-z0-9-]{1,80}$/.test(lessonSlug)) {
    return refuseFromResource(request, t.learn.refusal.lesson, 400);
  }
  // A completion made offline carries the id it was queued under (lib/outbox.ts).
  const queued = form.get("queued");
  if (queued !== null && !QUEUED_ID.test(String(queued))) return refuseFromResource(request, t.errors.badRequest, 400);
  const lesson = { courseSlug, lessonSlug };
  const settlement = context.session
    ? await finishLesson(context.db, context.session.user.id, lesson)
    : await finishLessonForSession(context.db, context.claimedSessionId!, lesson);
  if (settlement === "unauthenticated") return unauthenticated();
  if (!settlement) return refuseFromResource(request, t.learn.refusal.lesson, 404);
  if (isDocumentPost(request)) throw redirect(`${back}#finish`, 303);
  // Sent before: the completion above changed nothing, and the client says nothing of it again.
  if (queued !== null && !(await recordArrival(context.db, String(queued)))) return Response.json({ ok: true, replayed: true, settlement });
  return Response.json({ ok: true, settlement });
}

export function loader() {
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}
