/**
 * A rendered document's bytes, handed from entry.server.tsx to our Express handler beside the
 * Response rather than inside it (docs/decisions/009, sixth pass).
 *
 * A Response body is a web ReadableStream. For a page that exists whole in memory, building that
 * stream and pumping it into Node's response chunk by chunk (@remix-run/express's
 * writeReadableStreamToWritable) cost more of the main thread than any of our own code on the
 * page. So the document's Response carries no body, and the bytes wait here, keyed by that very
 * Response, until remix-handler.server.ts writes them with one `res.end`. Anything that replaces
 * the Response (a HEAD answer, our 503 and 405 pages) simply has no entry, and sends its own body.
 *
 * server.ts and the built app each load their own copy of this module, so the map lives under a
 * registered symbol: both copies share it.
 */
const key = Symbol.for("sanfang-academy.document-bodies");
const bodies: WeakMap<Response, Uint8Array> = ((globalThis as Record<symbol, unknown>)[key] ??= new WeakMap<Response, Uint8Array>()) as WeakMap<
  Response,
  Uint8Array
>;

/** A Response whose body is `bytes`, for our own handler to send (see the module). */
export function documentResponse(bytes: Uint8Array, init: ResponseInit): Response {
  const response = new Response(null, init);
  bodies.set(response, bytes);
  return response;
}

/** The bytes documentResponse kept for this Response, once. */
export function takeDocumentBody(response: Response): Uint8Array | undefined {
  const bytes = bodies.get(response);
  bodies.delete(response);
  return bytes;
}
