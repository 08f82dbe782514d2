import type { DB } from "../db/client";
import type { LawLibrary } from "./lib/law.server";
import type { RenderThread } from "./lib/render-thread.server";
import type { ReadingPrefs } from "./lib/reading-prefs";
import type { ValidSession } from "./models/session.server";

/**
 * What server.ts hands every loader and action. The database handle comes from here and only
 * here; the session is validated once per request, before any loader runs (except for the few
 * actions that check it in their own statement: see claimedSessionId).
 */
export interface AppContext {
  db: DB;
  /** The client's address (X-Forwarded-For is honoured only when TRUST_PROXY is set). */
  clientIp: string;
  /** Per-request nonce for the Content-Security-Policy's script-src. */
  cspNonce: string;
  /** Whether cookies are marked Secure. */
  secureCookies: boolean;
  session: ValidSession | null;
  /** 长辈版 and the UI language for this request: the account's choice, else the device's. */
  prefs: ReadingPrefs;
  /**
   * Only for actions that check the session in their own statement (checksOwnSession in
   * auth.server.ts), whose `session` is null: the session id the cookie claims, not yet checked.
   */
  claimedSessionId?: string | null;
  /**
   * Set for a document request (a page load, not a data request): HTML that a loader wants
   * rendered into the page but left out of the hydration data, by element id (see LessonHtml).
   */
  documentHtml?: Map<string, string> | null;
  /** The thread that renders documents off the main thread, when server.ts started one (entry.server.tsx). */
  renderThread?: RenderThread | null;
  /** The legal texts in content/law, loaded once at start. */
  laws: LawLibrary;
}

declare module "@remix-run/server-runtime" {
  interface AppLoadContext extends AppContext {}
}

// Single Fetch types for useLoaderData/useActionData (Remix's documented opt-in).
declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
}
