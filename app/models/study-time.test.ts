import { describe, expect, it } from "vitest";
import { creditFor } from "./study-time.server";

describe("creditFor", () => {
  it("starts the clock on the first beat", () => expect(creditFor(null, 0, 600)).toEqual({ credited: 0, reason: "start" }));
  it("counts the seconds elapsed", () => expect(creditFor(30.7, 0, 600)).toEqual({ credited: 30, reason: "counted" }));
  it("counts at most 45 s for a long gap", () => expect(creditFor(500, 0, 600)).toEqual({ credited: 45, reason: "gap" }));
  it("stops at the cap", () => {
    expect(creditFor(30, 590, 600)).toEqual({ credited: 10, reason: "capped" });
    expect(creditFor(30, 600, 600)).toEqual({ credited: 0, reason: "capped" });
  });
});
