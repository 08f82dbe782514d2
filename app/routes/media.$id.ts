import type { LoaderFunctionArgs } from "@remix-run/node";
import { t } from "../lib/messages";
import { getMedia } from "../models/media.server";

/**
 * Images of the media store. An id names one upload forever (a new upload gets a new id), so the
 * answer can be cached for a year. The type is the one sniffed and re-encoded at upload; nosniff and
 * a sandboxing CSP make sure a browser never treats the bytes as anything but that image.
 */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const id = params.id ?? "";
  const media = /^[A-Za-z0-9_-]{16}$/.test(id) ? await getMedia(context.db, id) : undefined;
  if (!media) {
    return new Response(t.errors.notFoundTitle, { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  }
  const headers = {
    "Cache-Control": "public, max-age=31536000, immutable",
    ETag: `"${media.sha256}"`,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Content-Disposition": "inline",
  };
  if (request.headers.get("if-none-match") === headers.ETag) return new Response(null, { status: 304, headers });
  // pg gives a Buffer, PGlite a Uint8Array: both are bytes a Response can send as they are.
  return new Response(media.bytes as Uint8Array<ArrayBuffer>, { headers: { ...headers, "Content-Type": media.type, "Content-Length": String(media.bytes.length) } });
}
