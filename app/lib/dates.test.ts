import { afterEach, describe, expect, it } from "vitest";
import { chinaDate, chinaDateTime, dayLabel, isDay } from "./dates";
import { setMessagesSource, zh } from "./messages";
import { en } from "./messages-en";

describe("chinaDate", () => {
  afterEach(() => setMessagesSource(() => ({ locale: "zh", messages: zh })));

  it("uses Beijing time, not the server's", () => {
    // 20:00 UTC on the 27th is 04:00 on the 28th in Hangzhou.
    expect(chinaDate(new Date("2026-11-27T20:00:00Z"))).toBe("2026年11月28日");
    expect(dayLabel("2026-04-12")).toBe("2026年4月12日");
  });

  it("writes dates in the reader's language", () => {
    setMessagesSource(() => ({ locale: "en", messages: en }));
    expect(chinaDate(new Date("2026-11-27T20:00:00Z"))).toBe("28 November 2026");
    expect(dayLabel("2026-04-12")).toBe("12 April 2026");
    expect(chinaDateTime(new Date("2026-11-27T20:05:00Z"))).toMatch(/^28 Nov 2026,? 04:05$/);
  });
});

describe("isDay", () => {
  it("takes real calendar days and refuses what PostgreSQL would refuse", () => {
    expect(isDay("2028-02-29")).toBe(true);
    // JavaScript rolls these over into March; PostgreSQL refuses them, which was a 500.
    expect(isDay("2026-02-31")).toBe(false);
    expect(isDay("2027-02-29")).toBe(false);
    // PostgreSQL has no year 0.
    expect(isDay("0000-01-01")).toBe(false);
    expect(isDay("2026-1-1")).toBe(false);
    expect(isDay(" 2026-01-01")).toBe(false);
  });
});
