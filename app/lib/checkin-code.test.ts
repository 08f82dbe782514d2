import { describe, expect, it } from "vitest";
import { codeFor, currentCode, isValidCode, WINDOW_MS } from "./checkin-code";

describe("rotating check-in code", () => {
  const secret = "test-secret";
  const t0 = 1_800_000_000_000 - (1_800_000_000_000 % WINDOW_MS);

  it("is six digits and changes every 30 seconds", () => {
    const a = currentCode(secret, t0).code;
    expect(a).toMatch(/^\d{6}$/);
    expect(currentCode(secret, t0 + WINDOW_MS - 1).code).toBe(a);
    expect(currentCode(secret, t0 + WINDOW_MS).code).not.toBe(a);
    expect(currentCode(secret, t0 + 1000).msLeft).toBe(WINDOW_MS - 1000);
  });

  it("is valid in its window and the next one, not after", () => {
    const code = currentCode(secret, t0).code;
    expect(isValidCode(secret, code, t0 + 5_000)).toBe(true);
    expect(isValidCode(secret, code, t0 + WINDOW_MS + 20_000)).toBe(true);
    expect(isValidCode(secret, code, t0 + 2 * WINDOW_MS)).toBe(false);
    expect(isValidCode("another-session", code, t0)).toBe(codeFor("another-session", t0 / WINDOW_MS) === code);
  });
});
