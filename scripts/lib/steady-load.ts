import http from "node:http";

/**
 * Requests at a steady rate, the way visitors arrive: one every 1000/rate ms whether or not the
 * earlier ones have been answered (an open model), each timed from the moment it was due, so a
 * server that falls behind shows it in the latency instead of slowing the load down.
 *
 * autocannon's own rate limit is not this: each connection sends its share of a second's requests
 * back to back at the start of the second and then waits, so "200/s over 16 connections" is a
 * 16-wide burst every second, and its latency is a queue's. loadtest's --rps is an open model, but
 * here (one keep-alive agent per client, a string copy of every body) it could not hold 200/s
 * against a page this machine serves at 500/s, and timed out requests of its own.
 */
export interface SteadyRun {
  requests: number;
  seconds: number;
  /** Non-2xx answers and failed connections. */
  errors: number;
  /** Milliseconds from when each request was due to the end of its answer. */
  times: number[];
}

export async function steadyLoad(options: {
  url: string;
  path: string;
  rate: number;
  seconds: number;
  headers: (i: number) => http.OutgoingHttpHeaders;
}): Promise<SteadyRun> {
  const { url, path, rate, seconds } = options;
  // Idle sockets are dropped after 4 s, before the server's own 5-s keep-alive timeout closes them
  // under a request (a reset that would count as the server's error).
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, timeout: 4_000 });
  const total = Math.round(rate * seconds);
  const times: number[] = [];
  let errors = 0;
  let answered = 0;
  const start = performance.now();
  const dueAt = (i: number) => start + (i * 1000) / rate;
  await new Promise<void>((resolve) => {
    const settle = (due: number, ok: boolean) => {
      times.push(performance.now() - due);
      if (!ok) errors++;
      if (++answered === total) resolve();
    };
    const send = (i: number) => {
      const due = dueAt(i);
      let settled = false;
      const finish = (ok: boolean) => {
        if (!settled) settle(due, ok);
        settled = true;
      };
      const request = http.get(`${url}${path}`, { agent, headers: options.headers(i), timeout: 10_000 }, (response) => {
        response.resume();
        response.on("end", () => finish(response.statusCode! >= 200 && response.statusCode! < 300));
        response.on("error", () => finish(false));
      });
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", () => finish(false));
    };
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      while (sent < total && dueAt(sent) <= now) send(sent++);
      if (sent < total) setTimeout(tick, Math.max(0, dueAt(sent) - performance.now()));
    };
    tick();
  });
  agent.destroy();
  return {
    requests: total,
    seconds: (performance.now() - start) / 1000,
    errors,
    times,
  };
}
