import QRCode from "qrcode";

/** A QR code as inline SVG. The input is a URL we built ourselves; the output is qrcode's own markup. */
export async function qrSvg(text: string): Promise<string> {
  return QRCode.toString(text, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** Absolute URL on this site, for what leaves it (a QR code on paper). */
export function absoluteUrl(request: Request, path: string): string {
  return new URL(path, new URL(request.url).origin).toString();
}
