import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync } from "node:fs";
import { describe, expect, it } from "vitest";

const run = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "scripts/content-check.ts", ...args], { encoding: "utf8", timeout: 60_000 });

describe("npm run content:check", () => {
  // Compiles all 91 lessons in a child process: about 15 s on two idle cores, more when they are busy.
  it("accepts all of content/", { timeout: 90_000 }, () => {
    const result = run();
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/内容检查通过/);
  });

  it("rejects every attack sample with FILE:LINE:COL and runs none of them", () => {
    rmSync("/tmp/academy-pwned", { force: true });
    const result = run("--", "tests/fixtures/attacks");
    expect(result.status).toBe(1);
    const samples = readdirSync("tests/fixtures/attacks").filter((f) => f.endsWith(".mdx"));
    expect(samples.length).toBeGreaterThanOrEqual(14);
    for (const sample of samples) {
      expect(result.stderr, sample).toMatch(new RegExp(`tests/fixtures/attacks/${sample}:\\d+:\\d+: \\S`));
    }
    expect(existsSync("/tmp/academy-pwned")).toBe(false);
  });
});
