import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { isDocumentPost, refuseFromResource } from "../lib/learner-form.server";
import { t } from "../lib/messages";
import { finishLesson } from "../models/progress.server";
import { readForm } from "../lib/read-form.server";

/**
 * 完成本课 — the hot write (every learner, every lesson), as a resource route: no page data is
 * encoded for it, and the lesson lookup, enrolment and completion are one statement. A plain form
 * post (no JavaScript) is sent back to the end of the lesson; a fetcher gets JSON.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = context.session;
  const form = await readForm(request);
  const courseSlug = String(form.get("course") ?? "");
  const lessonSlug = String(form.get("lesson") ?? "");
  const back = `/courses/${encodeURIComponent(courseSlug)}/${encodeURIComponent(lessonSlug)}`;
  if (!session) {
    if (isDocumentPost(request)) throw redirect(`/login?redirectTo=${encodeURIComponent(back)}`);
    return refuseFromResource(request, t.auth.loginRequired, 401);
  }
  if (!/^[a-z0-9-]{1,80}$/.test(courseSlug) || !/^[a-z0-9-]{1,80}$/.test(lessonSlug)) {
    return refuseFromResource(request, t.learn.refusal.lesson, 400);
  }
  const settlement = await finishLesson(context.db, session.user.id, { courseSlug, lessonSlug });
  if (!settlement) return refuseFromResource(request, t.learn.refusal.lesson, 404);
  if (isDocumentPost(request)) throw redirect(`${back}#finish`, 303);
  return Response.json({ ok: true, settlement });
}

export function loader() {
  throw new Response(null, { status: 405, headers: { Allow: "POST" } });
}
