import { data, redirect } from "@remix-run/node";
import { t } from "./messages";
import { plainPage } from "./request-guards.server";

/**
 * Helpers for the learner's form posts. They work as plain HTML forms (no JavaScript: the browser
 * navigates, and we redirect back to the place on the page) and through fetchers (data, no reload).
 */

/** A form post the browser navigates with (no JavaScript), as opposed to a fetch. */
export function isDocumentPost(request: Request): boolean {
  return request.headers.get("sec-fetch-mode") === "navigate";
}

/** After a successful post: back to the page at `anchor` for a plain form, data for a fetcher. */
export function done<T>(request: Request, anchor: string, body: T) {
  if (isDocumentPost(request)) {
    const url = new URL(request.url);
    throw redirect(`${url.pathname}#${anchor}`, 303);
  }
  return data(body);
}

/**
 * A refusal from a resource route: JSON for fetch callers; for a plain form post, a short page in
 * Chinese (the browser would otherwise show the JSON). Resource routes answer with real Responses:
 * a data() status is not applied to them.
 */
export function refuseFromResource(request: Request, message: string, status: number): Response {
  if (isDocumentPost(request)) {
    return new Response(plainPage(t.errors.badRequestTitle, message), { status, headers: { "Content-Type": "text/html; charset=utf-8" } });
  }
  return Response.json({ ok: false, error: message }, { status });
}

export function refuse(message: string, status = 400, extra: Record<string, unknown> = {}) {
  return data({ ok: false as const, error: message, ...extra }, { status });
}

export function unknownIntent() {
  return refuse(t.learn.refusal.intent);
}
