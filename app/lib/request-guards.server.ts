import type { NextFunction, Request, Response } from "express";
import { t } from "./messages";

/**
 * Express middleware that runs before Remix. Kept here (not in server.ts) so tests can use them.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests from another origin (CSRF). Browsers send Origin on every
 * POST; Sec-Fetch-Site is a second opinion. Requests with neither (curl, scripts) pass: they
 * carry no victim's cookies unless the caller already has them.
 */
export function sameOriginOnly(allowedOrigins: string[], trustProxy: boolean) {
  const allowed = new Set(allowedOrigins);
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const host = (trustProxy && req.get("x-forwarded-host")?.split(",")[0]?.trim()) || req.get("host");
    const origin = req.get("origin") ?? originOf(req.get("referer"));
    const fetchSite = req.get("sec-fetch-site");
    const crossOrigin =
      fetchSite === "cross-site" || (origin !== undefined && !allowed.has(origin) && hostOf(origin) !== host);
    if (!crossOrigin) return next();
    res.status(403).type("html").send(plainPage(t.errors.forbiddenTitle, t.errors.crossOrigin));
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return "null";
  }
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" origin (sandboxed frame, privacy redirect): never ours
  }
}

/** A minimal page for answers given before Remix renders anything. */
export function plainPage(title: string, body: string): string {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escape(title)} - ${t.site.name}</title></head><body style="font:18px/1.6 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><h1>${escape(title)}</h1><p>${escape(body)}</p><p><a href="/">${t.errors.goHome}</a></p></body></html>`;
}

/**
 * Refuses request bodies over `maxBytes` before anything buffers them (Remix reads whole forms
 * into memory). Browsers send Content-Length for form posts; chunked bodies are counted as they come.
 * `larger` raises the limit under a path prefix (image uploads, the lesson editor), with the
 * sentence the refusal page shows there.
 */
export function limitBodySize(defaultMax: number, larger: { prefix: string; maxBytes: number; message?: string }[] = []) {
  return (req: Request, res: Response, next: NextFunction) => {
    const rule = larger.find((l) => req.path.startsWith(l.prefix));
    const maxBytes = rule?.maxBytes ?? defaultMax;
    const page = () => plainPage(t.errors.tooLarge, rule?.message ?? t.errors.tooLargeBody(maxBytes >= MB ? `${Math.round(maxBytes / MB)} MB` : `${Math.ceil(maxBytes / 1024)} KB`));
    const declared = Number(req.get("content-length") ?? 0);
    if (declared > maxBytes) {
      // A browser that is still sending when the connection closes shows "connection reset", not
      // this page: a body of a plausible size is read and thrown away first, then refused.
      if (declared <= DRAIN_AT_MOST) {
        req.on("data", () => {});
        req.once("end", () => res.status(413).type("html").send(page()));
        return;
      }
      res.status(413).set("Connection", "close").type("html").send(page());
      return;
    }
    if (req.get("transfer-encoding")) {
      let seen = 0;
      req.on("data", (chunk: Buffer) => {
        seen += chunk.length;
        if (seen > maxBytes && !res.headersSent) {
          res.status(413).set("Connection", "close").type("html").send(page());
          req.destroy();
        }
      });
    }
    next();
  };
}

const MB = 1024 * 1024;
/** Larger than any upload a phone makes by mistake (a 12-megapixel photo); beyond it, cut off. */
const DRAIN_AT_MOST = 16 * MB;

/**
 * `?_data=routes/…` is how Remix's client asked for data before single fetch; ours never sends it,
 * and Remix still answers it — with an English "Unexpected Server Error" when the route does not
 * match the address. Refused here.
 */
export function noLegacyDataRequests() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!("_data" in req.query)) return next();
    res.status(400).type("html").send(plainPage(t.errors.badRequestTitle, t.errors.badRequest));
  };
}

/**
 * Every action here reads a form. A body of any other type (JSON, XML, text) would make
 * request.formData() throw inside the action, a 500: it is refused up front with a 415.
 * Body-less POSTs (logout from a script, a beacon) pass.
 */
export function formBodiesOnly() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
    const type = (req.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const hasBody = Number(req.get("content-length") ?? 0) > 0 || req.get("transfer-encoding") !== undefined;
    if (!hasBody || type === "application/x-www-form-urlencoded" || type === "multipart/form-data") return next();
    res.status(415).type("html").send(plainPage(t.errors.unsupportedBodyTitle, t.errors.unsupportedBody));
  };
}
