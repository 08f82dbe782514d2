/**
 * True for errors that mean "the database cannot be reached right now" (as opposed to a bad
 * query): connection refused/reset, pool time-outs, PostgreSQL shutting down or starting up.
 * Those are answered with 503, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const text = typeof code === "string" ? code : "";
  return (
    ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "57P01", "57P02", "57P03"].includes(text) ||
    text.startsWith("08") ||
    /timeout exceeded when trying to connect|Connection terminated/i.test(String((error as Error | null)?.message))
  );
}
