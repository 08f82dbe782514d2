// Adds up the JSON reports of Vitest and Playwright written when TEST_REPORT is set (see .ci/run)
// and prints one closing line: "tests: N passed, N failed".
import { readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, "utf8"));
  if ("numPassedTests" in report) {
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  } else if (report.stats) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
  }
  console.log(`${file}: ${JSON.stringify(report.stats ?? { passed: report.numPassedTests, failed: report.numFailedTests })}`);
}
console.log(`tests: ${passed} passed, ${failed} failed`);
if (failed > 0 || passed === 0) process.exit(1);
