import { randomBytes } from "node:crypto";
import type { RequestHandler, Response } from "express";
import helmet from "helmet";

/**
 * The headers every response carries (issue 9). The Content-Security-Policy allows scripts only
 * from our own origin and inline scripts carrying this request's nonce (Remix's hydration
 * scripts get it through the load context), so an injected <script> does not run. Pages cannot be
 * framed. HSTS is sent only when the academy runs behind https (secure cookies): a plain-http
 * deployment on a community centre's LAN would otherwise lock its browsers out.
 */
export function securityHeaders(options: { dev: boolean; https: boolean }): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString("base64");
    next();
  };
  const headers = helmet({
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
  return [nonce, headers];
}
