import { gzip } from "node:zlib";

/**
 * The whole document is in hand, so it is gzipped in one piece and sent with its length. The
 * compression middleware (which skips a response already encoded) would stream it through zlib in
 * 16 KB pieces, a hand-off to the worker pool and back for each.
 *
 * On the main thread, one call on the worker pool (the render thread gzips its own pages in line,
 * render-document.server.tsx): compressing the page was the largest single item of a lesson view
 * on the main thread (about a tenth of it), and the main thread is what a busy evening waits for,
 * while the machine's other core has room. The 64 KB chunk holds any
 * compressed page, so zlib goes to the pool once.
 *
 * Level 3, not zlib's default 6: levels 1–3 use deflate's fast strategy. On the heaviest lesson's
 * document as sent today (46.6 KB, the lesson HTML once) level 3 takes 0.14 ms, level 4 0.25 ms and
 * level 6 0.43 ms, for 12.6 / 12.1 / 11.7 KB. Only first loads and reloads are documents; moving
 * between lessons fetches data, compressed by the middleware.
 */
export async function encodedDocument(document: Buffer, request: Request, headers: Headers): Promise<Uint8Array<ArrayBuffer>> {
  if (!shouldGzip(document.length, acceptsGzip(request.headers.get("Accept-Encoding")))) {
    return labelEncoding(headers, new Uint8Array(document.buffer as ArrayBuffer, document.byteOffset, document.length), false);
  }
  const body = await new Promise<Buffer>((resolve, reject) => gzip(document, GZIP_OPTIONS, (error, result) => (error ? reject(error) : resolve(result))));
  return labelEncoding(headers, new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), true);
}

export const GZIP_OPTIONS = { level: 3, chunkSize: 64 * 1024 };

/** Whether a document of `length` bytes is worth gzipping for this client. */
export function shouldGzip(length: number, clientAcceptsGzip: boolean): boolean {
  return clientAcceptsGzip && length >= 1024;
}

/** The headers for a document body as it will be sent: its encoding and length. */
export function labelEncoding<T extends Uint8Array>(headers: Headers, body: T, gzipped: boolean): T {
  headers.append("Vary", "Accept-Encoding");
  if (gzipped) headers.set("Content-Encoding", "gzip");
  headers.set("Content-Length", String(body.length));
  return body;
}

/** Whether Accept-Encoding allows gzip: listed (or "*" when gzip is not) with a quality above 0. */
export function acceptsGzip(header: string | null): boolean {
  return accepts(header, "gzip");
}

/** Whether Accept-Encoding allows `coding`: listed (or "*" when it is not) with a quality above 0. */
export function accepts(header: string | null, coding: string): boolean {
  if (!header) return false;
  const quality = new Map<string, number>();
  for (const part of header.toLowerCase().split(",")) {
    const [name, ...params] = part.split(";").map((p) => p.trim());
    const q = params.find((p) => p.startsWith("q="));
    if (name) quality.set(name, q === undefined ? 1 : Number(q.slice(2)) || 0);
  }
  return (quality.get(coding) ?? quality.get("*") ?? 0) > 0;
}
