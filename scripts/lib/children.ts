import type { ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";

/**
 * Child processes (apps, nginx) that must not outlive the script that started them, even when it
 * fails or is interrupted. Each pid is also appended to `pidFile` (when given) so the calling
 * shell script can end them by id if this process itself is killed.
 */
const children = new Set<ChildProcess>();
let pidFile: string | undefined;

export function recordChildPidsIn(file: string | undefined) {
  pidFile = file;
}

export function track<T extends { child: ChildProcess }>(started: T): T {
  children.add(started.child);
  if (pidFile && started.child.pid) appendFileSync(pidFile, `${started.child.pid}\n`);
  return started;
}

process.on("exit", () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping`);
    process.exit(130);
  });
}
