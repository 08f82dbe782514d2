import { t } from "./messages";
import { isValidPhone, normalizePhone } from "./phone";

/**
 * Camp members from a CSV file: phone, name per row, as Excel writes it (UTF-8 with or without a
 * BOM, commas, CRLF, quoted fields). Only parsing and checking here; matching phones to accounts
 * and saving happen in the model. Rows are numbered as a spreadsheet shows them (first row = 1).
 */

export const MAX_IMPORT_ROWS = 2000;

export interface CsvRow {
  line: number;
  phone: string;
  name: string;
}

export type CsvParse =
  | { ok: true; rows: CsvRow[]; malformed: { line: number; reason: string }[]; duplicates: { line: number; phone: string }[] }
  | { ok: false; error: "encoding" | "empty" | "too_many" | "columns" };

export function parseMemberCsv(bytes: Uint8Array): CsvParse {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, error: "encoding" };
  }
  const records = splitCsv(text.replace(/^\uFEFF/, ""));
  const nonEmpty = records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (nonEmpty.length === 0) return { ok: false, error: "empty" };
  // A header row is recognised by its words, not assumed: a file may start with data.
  const first = nonEmpty[0]!;
  const hasHeader = first.fields.some((f) => /手机|电话|phone|姓名|name/i.test(f));
  const data = hasHeader ? nonEmpty.slice(1) : nonEmpty;
  if (hasHeader && first.fields.length < 2) return { ok: false, error: "columns" };
  if (data.length > MAX_IMPORT_ROWS) return { ok: false, error: "too_many" };
  if (data.length === 0) return { ok: false, error: "empty" };
  const phoneFirst = !hasHeader || /手机|电话|phone/i.test(first.fields[0] ?? "");

  const rows: CsvRow[] = [];
  const malformed: { line: number; reason: string }[] = [];
  const duplicates: { line: number; phone: string }[] = [];
  const seen = new Set<string>();
  for (const record of data) {
    const [a = "", b = ""] = record.fields.map((f) => f.trim());
    const [rawPhone, name] = phoneFirst ? [a, b] : [b, a];
    if (record.fields.length < 2 || rawPhone === "") {
      malformed.push({ line: record.line, reason: t.camps.errors.csvRowColumns });
      continue;
    }
    const phone = normalizePhone(rawPhone);
    if (!isValidPhone(phone)) {
      malformed.push({ line: record.line, reason: t.camps.errors.csvRowPhone(rawPhone.slice(0, 20)) });
      continue;
    }
    if (seen.has(phone)) {
      duplicates.push({ line: record.line, phone });
      continue;
    }
    seen.add(phone);
    rows.push({ line: record.line, phone, name: name.slice(0, 40) });
  }
  return { ok: true, rows, malformed, duplicates };
}

/** RFC 4180 fields: quotes around fields with commas, quotes or line breaks; "" is a quote. */
function splitCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field === "") quoted = true;
    else if (c === "," || c === "\t" || c === "，") {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      line++;
      recordLine = line;
    } else field += c;
  }
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records;
}
