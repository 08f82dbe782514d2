import type { AppLoadContext } from "@remix-run/node";
import type { DB } from "../../db/client";
import type { LawLibrary } from "../../app/lib/law.server";
import type { RoleGrantRef, SessionUser } from "../../app/models/session.server";

/** The load context server.ts builds, for calling a route's loader or action directly. */
export function routeContext(
  db: DB,
  laws: LawLibrary,
  user: (Omit<SessionUser, "prefs"> & Partial<Pick<SessionUser, "prefs">>) | null,
  grants: RoleGrantRef[] = [],
): AppLoadContext {
  return {
    db,
    laws,
    clientIp: "127.0.0.1",
    cspNonce: "test",
    secureCookies: false,
    session: user ? { sessionId: "test", expiresAt: new Date(Date.now() + 3_600_000), extended: false, user: { prefs: { elder: null, locale: null }, ...user }, grants } : null,
    prefs: { elder: user?.prefs?.elder ?? false, locale: user?.prefs?.locale ?? "zh" },
  };
}

export function post(url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) form.append(key, v);
  return new Request(new URL(url, "http://academy.test"), { method: "POST", body: form, headers });
}

export function get(url: string): Request {
  return new Request(new URL(url, "http://academy.test"));
}

/** A loader's or action's result as the browser would get it: status and body (redirects and data() both). */
export async function settle(run: () => Promise<unknown>): Promise<{ status: number; body: any; location?: string }> {
  let result: unknown;
  try {
    result = await run();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    const body = result.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    return { status: result.status, body, location: result.headers.get("location") ?? undefined };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = result as { data: unknown; init?: ResponseInit };
    return { status: init?.status ?? 200, body: data };
  }
  return { status: 200, body: result };
}
