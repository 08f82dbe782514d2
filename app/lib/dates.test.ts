import { describe, expect, it } from "vitest";
import { chinaDate } from "./dates";

describe("chinaDate", () => {
  it("uses Beijing time, not the server's", () => {
    // 20:00 UTC on the 27th is 04:00 on the 28th in Hangzhou.
    expect(chinaDate(new Date("2026-11-27T20:00:00Z"))).toBe("2026年11月28日");
  });
});
