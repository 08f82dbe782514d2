import { isLocale, type Locale } from "./messages";

/**
 * How a reader wants pages: 长辈版 (large text, big targets, strong contrast) and the UI language.
 * Remembered per device in a cookie and, once logged in, on the account; the account's choice
 * wins where it made one, so a learner gets their 长辈版 on a borrowed phone too.
 */
export interface ReadingPrefs {
  elder: boolean;
  locale: Locale;
}

/** A choice that may not have been made: null = follow the other source (or the default). */
export interface PrefChoices {
  elder: boolean | null;
  locale: Locale | null;
}

export const PREFS_COOKIE = "sf_prefs";
export const defaultPrefs: ReadingPrefs = { elder: false, locale: "zh" };
const noChoices: PrefChoices = { elder: null, locale: null };

/** `sf_prefs=elder.en`: tokens in any order; unknown ones are ignored, so old cookies stay valid. */
export function readPrefsCookie(cookieHeader: string | null | undefined): PrefChoices {
  if (!cookieHeader) return noChoices;
  for (const part of cookieHeader.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1 || part.slice(0, eq).trim() !== PREFS_COOKIE) continue;
    const choices = { ...noChoices };
    for (const token of part.slice(eq + 1).trim().split(".")) {
      if (token === "elder" || token === "std") choices.elder = token === "elder";
      else if (isLocale(token)) choices.locale = token;
    }
    return choices;
  }
  return noChoices;
}

export function prefsCookie(prefs: ReadingPrefs, secure: boolean): string {
  const value = `${prefs.elder ? "elder" : "std"}.${prefs.locale}`;
  // Not HttpOnly-sensitive (it holds no secret), but nothing in the page needs to read it either.
  return [`${PREFS_COOKIE}=${value}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${400 * 24 * 60 * 60}`, ...(secure ? ["Secure"] : [])].join(
    "; ",
  );
}

export function resolvePrefs(device: PrefChoices, account: PrefChoices | null): ReadingPrefs {
  return {
    elder: account?.elder ?? device.elder ?? defaultPrefs.elder,
    locale: account?.locale ?? device.locale ?? defaultPrefs.locale,
  };
}
