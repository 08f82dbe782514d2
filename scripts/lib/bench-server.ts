import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

/** The built app as its own process, the way `npm start` runs it, for benchmarks that go through HTTP. */

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function ensureBuilt() {
  if (!existsSync("build/index.js")) execFileSync("npm", ["run", "build"], { stdio: "inherit" });
}

/**
 * The V8 flags `npm run serve` runs the app with (package.json): measured as it is run. A 64 MB
 * young-generation semi-space (Node 20's default is 16 MB on this machine) means a quarter as many
 * scavenges; the lesson page's time in the garbage collector went from ~9 % to ~6 % (ADR 009).
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64"];

/**
 * `nodeArgs` go before the script, e.g. ["--cpu-prof", "--cpu-prof-dir=…"] to profile the server.
 * `stderr`: where the app's error log goes (a file descriptor), the terminal by default.
 */
export async function startApp(env: Record<string, string>, nodeArgs: string[] = [], stderr: "inherit" | number = "inherit"): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void> }> {
  ensureBuilt();
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, "--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", DEMO_ACCOUNTS: "false", COOKIE_SECURE: "false", HOST: "127.0.0.1", PORT: String(port), ...env },
    stdio: ["ignore", "ignore", stderr],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error("the app did not start within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { url, child, stop };
}
