import { describe, expect, it } from "vitest";
import { missingSteps, percent } from "./progress-summary";

const lesson = (over: Partial<Parameters<typeof missingSteps>[0][number]> = {}) => ({
  state: "not_started" as const,
  reachedEnd: false,
  quizTotal: 0,
  quizPassed: 0,
  score: 100,
  ...over,
});

describe("missingSteps", () => {
  it("names each lesson's missing step in order", () => {
    const steps = missingSteps(
      [
        lesson({ state: "completed", reachedEnd: true }),
        lesson({ state: "in_progress", reachedEnd: true, quizTotal: 3, quizPassed: 1, score: 33 }),
        lesson({ quizTotal: 2, score: 0 }),
      ],
      80,
    );
    expect(steps).toEqual(["第 2 课测验（需 80 分，现在 33 分）", "第 3 课：学完后点“完成本课”", "第 3 课测验（需 80 分）"]);
  });

  it("is empty when everything is done", () => {
    expect(missingSteps([lesson({ state: "completed", reachedEnd: true })], 80)).toEqual([]);
  });
});

describe("percent", () => {
  it("never goes over 100 or below 0", () => {
    expect(percent(3, 3)).toBe(100);
    expect(percent(4, 3)).toBe(100);
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
  });
});
