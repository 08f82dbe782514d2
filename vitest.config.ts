import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    // One migrated template per run; every test file gets its own copy (see tests/setup/test-database.ts).
    globalSetup: ["tests/setup/global-setup.ts"],
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    globals: false,
    environment: "node",
    // Two cores here: one fork per core; each integration file holds one embedded database.
    pool: "forks",
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 20_000,
    // CI keeps a JSON report per database for the closing summary (scripts/test-summary.mjs).
    reporters: process.env.TEST_REPORT ? ["default", "json"] : ["default"],
    outputFile: process.env.TEST_REPORT ? { json: `test-results/report-${process.env.TEST_REPORT}-vitest.json` } : undefined,
    hookTimeout: 60_000,
  },
});
