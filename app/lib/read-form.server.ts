import { t } from "./messages";

/**
 * The submitted form, or a 400 with a Chinese message when the body cannot be read as one
 * (multipart without a boundary, a truncated upload, a client that hung up). request.formData()
 * throws a TypeError then, which would otherwise surface as a 500.
 */
export async function readForm(request: Request): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw new Response(t.errors.unreadableForm, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
