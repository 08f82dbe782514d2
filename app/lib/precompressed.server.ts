import { readdirSync } from "node:fs";
import path from "node:path";
import type { RequestHandler } from "express";
import { accepts } from "./document-encoding.server";

/**
 * Serves public/build's scripts and styles from the .br / .gz files scripts/precompress.ts made
 * beside them, when the browser accepts that encoding (Brotli first). Which files have them is
 * read once at start, so a request costs no file-system lookup; anything else falls through to
 * express.static (and the compression middleware), e.g. in development, where nothing is precompressed.
 */
export function precompressed(root: string, options: { maxAge: string; immutable: boolean }): RequestHandler {
  const available = new Set<string>();
  try {
    for (const name of readdirSync(root, { recursive: true }).map(String)) {
      if (name.endsWith(".br") || name.endsWith(".gz")) available.add(`/${name.split(path.sep).join("/")}`);
    }
  } catch {
    // No build yet: nothing to serve precompressed.
  }
  const encodings = [
    { coding: "br", extension: ".br" },
    { coding: "gzip", extension: ".gz" },
  ];
  return (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const header = req.headers["accept-encoding"] ?? null;
    const chosen = encodings.find((e) => available.has(req.path + e.extension) && accepts(header, e.coding));
    if (!chosen) return next();
    res.type(path.extname(req.path));
    res.setHeader("Content-Encoding", chosen.coding);
    res.vary("Accept-Encoding");
    res.sendFile(req.path + chosen.extension, { root, maxAge: options.maxAge, immutable: options.immutable }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  };
}
