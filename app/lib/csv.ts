/**
 * CSV for Excel: UTF-8 with a BOM (without it Excel on Windows reads Chinese as GBK and shows
 * mojibake), CRLF line ends, fields quoted when needed. Cells that a spreadsheet would run as a
 * formula (=, +, -, @ at the start) get a leading apostrophe: names are typed by users.
 */
export function toCsv(rows: (string | number)[][]): string {
  return `\uFEFF${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}

function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvResponse(body: string, filename: string): Response {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      // RFC 5987: the Chinese file name for browsers that read it, an ASCII one for the rest.
      "Content-Disposition": `attachment; filename="export.csv"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "no-store",
    },
  });
}
