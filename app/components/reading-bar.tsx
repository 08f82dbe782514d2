import { useLocation } from "@remix-run/react";
import { t } from "../lib/messages";

/**
 * 长辈版 and the language, above everything on every page, as on Chinese government sites (长者模式 ·
 * 无障碍). Plain forms: the page reloads in the chosen mode and language, with or without JavaScript.
 */
export function ReadingBar({ elder }: { elder: boolean }) {
  const location = useLocation();
  const back = `${location.pathname}${location.search}`;
  const p = t.prefs;
  return (
    <div className="border-b border-stone-200 bg-stone-100">
      <div className="mx-auto flex max-w-5xl items-center justify-end gap-2 px-4" role="group" aria-label={p.barLabel}>
        <form method="post" action="/prefs">
          <input type="hidden" name="redirectTo" value={back} />
          <input type="hidden" name="elder" value={elder ? "off" : "on"} />
          <button
            type="submit"
            aria-pressed={elder}
            title={p.elderHint}
            className="inline-flex min-h-11 items-center gap-2 rounded-lg px-3 text-base font-medium text-stone-900 hover:bg-stone-200"
          >
            {p.elder}
            <span
              aria-hidden="true"
              className={`rounded-full px-2 text-sm leading-6 ${elder ? "bg-brand-700 text-white" : "border border-stone-500 bg-white text-stone-800"}`}
            >
              {elder ? p.on : p.off}
            </span>
          </button>
        </form>
        <form method="post" action="/prefs">
          <input type="hidden" name="redirectTo" value={back} />
          <input type="hidden" name="locale" value={p.switchLanguageTo} />
          <button type="submit" lang={p.switchLanguageLang} className="inline-flex min-h-11 items-center rounded-lg px-3 text-base text-stone-900 hover:bg-stone-200">
            {p.switchLanguage}
          </button>
        </form>
      </div>
    </div>
  );
}
