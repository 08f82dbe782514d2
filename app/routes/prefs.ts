import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { safeRedirectPath } from "../lib/auth.server";
import { refuseFromResource } from "../lib/learner-form.server";
import { isLocale, t } from "../lib/messages";
import { readForm } from "../lib/read-form.server";
import { prefsCookie, type ReadingPrefs } from "../lib/reading-prefs";
import { saveReadingPrefs } from "../models/user.server";

/**
 * 长辈版 on/off and the UI language. A plain form post (the page reloads in the new mode and
 * language — the browser then fetches the right dictionary), remembered on this device in a
 * cookie and, when logged in, on the account.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const elder = form.get("elder");
  const locale = form.get("locale");
  if ((elder !== null && elder !== "on" && elder !== "off") || (locale !== null && !isLocale(locale)) || (elder === null && locale === null)) {
    return refuseFromResource(request, t.prefs.refused, 400);
  }
  const prefs: ReadingPrefs = {
    elder: elder === null ? context.prefs.elder : elder === "on",
    locale: locale === null ? context.prefs.locale : (locale as ReadingPrefs["locale"]),
  };
  if (context.session) await saveReadingPrefs(context.db, context.session.user.id, prefs);
  return redirect(safeRedirectPath(form.get("redirectTo")), { status: 303, headers: { "Set-Cookie": prefsCookie(prefs, context.secureCookies) } });
}

export function loader() {
  return redirect("/");
}
