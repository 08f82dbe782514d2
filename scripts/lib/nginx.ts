import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freePort } from "./bench-server";

/**
 * nginx in front of several app processes, on loopback, as a child of this process: its
 * configuration, pid file, logs and temp files all live in `dir` (nothing under /etc or /var).
 * The apps must run with TRUST_PROXY=1 so the client's address comes from X-Forwarded-For.
 */
export async function startNginx(dir: string, upstreams: string[]): Promise<{ url: string; child: ChildProcess; stop: () => Promise<void>; errorLog: () => string }> {
  mkdirSync(dir, { recursive: true });
  // Workers run as nobody when nginx starts as root; they need to reach the temp paths here.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const at = (name: string) => path.join(dir, name);
  const conf = at("nginx.conf");
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${at("nginx.pid")};
error_log ${at("error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${at("client_body")};
  proxy_temp_path ${at("proxy")};
  fastcgi_temp_path ${at("fastcgi")};
  uwsgi_temp_path ${at("uwsgi")};
  scgi_temp_path ${at("scgi")};
  upstream academy {
    # Round robin. A process that refused or dropped a connection is left out for 10 s.
${upstreams.map((u) => `    server ${u} max_fails=1 fail_timeout=10s;`).join("\n")}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${port};
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    # With the port: the same-origin check compares the browser's Origin with this Host.
    proxy_set_header Host $http_host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
    proxy_connect_timeout 1s;
    proxy_next_upstream_tries 2;
    proxy_next_upstream_timeout 5s;
    # A request that could not be delivered (connection refused) goes to the other process; a POST
    # that was delivered and then lost its process is not repeated: it may have done its work.
    proxy_next_upstream error timeout http_502;
    location / {
      proxy_pass http://academy;
    }
    # The learner's hot writes may be repeated on the other process (non_idempotent): 完成本课 is
    # an upsert (completing a lesson twice is one row) and the 学时 heartbeat refuses a second
    # beat that comes too soon, so a repeat changes nothing.
    location ~ ^/learn/(progress|beat)(\\.data)?$ {
      proxy_pass http://academy;
      proxy_next_upstream error timeout http_502 non_idempotent;
    }
  }
}
`,
  );
  const child = spawn("nginx", ["-p", dir, "-c", conf, "-e", at("error.log")], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}:\n${readFileSync(at("error.log"), "utf8")}`);
    const up = await fetch(`${url}/healthz`).then((r) => r.ok).catch(() => false);
    if (up) break;
    if (Date.now() > deadline) throw new Error("nginx did not answer within 10 s");
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGQUIT"); // graceful: workers finish their requests
    });
  return { url, child, stop, errorLog: () => readFileSync(at("error.log"), "utf8") };
}
