import { describe, expect, test } from "vitest";
import { prefsCookie, readPrefsCookie, resolvePrefs } from "./reading-prefs";

describe("reading preferences", () => {
  test("the cookie round-trips and ignores what it does not know", () => {
    const header = `a=1; ${prefsCookie({ elder: true, locale: "en" }, false).split(";")[0]}; b=2`;
    expect(readPrefsCookie(header)).toEqual({ elder: true, locale: "en" });
    expect(readPrefsCookie("sf_prefs=std.zh")).toEqual({ elder: false, locale: "zh" });
    expect(readPrefsCookie("sf_prefs=elder.fr.<script>")).toEqual({ elder: true, locale: null });
    expect(readPrefsCookie(undefined)).toEqual({ elder: null, locale: null });
  });

  test("the account's choice wins where it made one; otherwise the device's; otherwise the default", () => {
    expect(resolvePrefs({ elder: true, locale: "en" }, { elder: false, locale: null })).toEqual({ elder: false, locale: "en" });
    expect(resolvePrefs({ elder: null, locale: null }, null)).toEqual({ elder: false, locale: "zh" });
  });

  test("the cookie is long-lived, site-wide and Secure in production", () => {
    const cookie = prefsCookie({ elder: false, locale: "zh" }, true);
    expect(cookie).toMatch(/^sf_prefs=std\.zh; Path=\/;/);
    expect(cookie).toContain("Secure");
    expect(cookie).toMatch(/Max-Age=\d{8}/);
  });
});
