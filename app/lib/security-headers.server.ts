import { randomBytes } from "node:crypto";
import type { Request, RequestHandler, Response } from "express";
import helmet from "helmet";

/**
 * The headers every response carries (issue 9). The Content-Security-Policy allows scripts only
 * from our own origin and inline scripts carrying this request's nonce (Remix's hydration
 * scripts get it through the load context), so an injected <script> does not run. Pages cannot be
 * framed. HSTS is sent only when the academy runs behind https (secure cookies): a plain-http
 * deployment on a community centre's LAN would otherwise lock its browsers out.
 *
 * Helmet decides the headers; it runs once, at start, against a stand-in response, and each request
 * gets the same headers with its own nonce put in. Run per request, helmet's dozen middlewares and
 * CSP serialisation took 0.17 ms of every response, a tenth of a progress write.
 */
export function securityHeaders(options: { dev: boolean; https: boolean }): RequestHandler {
  const headers = headersFromHelmet(options);
  return (_req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    for (const [name, value] of headers) res.setHeader(name, value.replace(NONCE, nonce));
    res.removeHeader("X-Powered-By");
    next();
  };
}

/** Stands in for the nonce while helmet writes the policy: base64 never contains it. */
const NONCE = "{nonce}";

function headersFromHelmet(options: { dev: boolean; https: boolean }): [string, string][] {
  const captured: [string, string][] = [];
  const response = {
    locals: { cspNonce: NONCE },
    setHeader: (name: string, value: unknown) => void captured.push([name, String(value)]),
    removeHeader: () => {},
  };
  const helmetMiddleware = helmet({
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${(res as Response).locals.cspNonce}'`],
        // One stylesheet, plus style attributes (progress bars' widths, the editor's line marks),
        // which CSP counts as inline styles. Styles cannot run code; scripts stay nonce-only.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'", ...(options.dev ? ["ws:"] : [])],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        // Plain-HTTP deployments must keep working.
        "upgrade-insecure-requests": null,
      },
    },
    strictTransportSecurity: options.https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: "deny" },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: "same-origin" },
  });
  helmetMiddleware({} as Request, response as unknown as Response, (error?: unknown) => {
    if (error) throw error;
  });
  if (!captured.some(([name, value]) => name === "Content-Security-Policy" && value.includes(`'nonce-${NONCE}'`))) {
    throw new Error("helmet did not produce the Content-Security-Policy with a nonce");
  }
  return captured;
}
