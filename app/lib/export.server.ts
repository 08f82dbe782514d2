import writeExcelFile from "write-excel-file/node";
import { csvResponse, toCsv } from "./csv";
import type { Cell, Table } from "./report-tables";

/**
 * A table as a download: CSV (UTF-8 with BOM, see csv.ts) or .xlsx. The .xlsx is written by
 * write-excel-file (one dependency, fflate): real cells, so numbers are numbers and Chinese needs
 * no encoding guesswork in Excel or WPS.
 */
export type ExportFormat = "csv" | "xlsx";

export async function tableResponse(table: Table, format: ExportFormat, baseName: string): Promise<Response> {
  if (format === "csv") return csvResponse(toCsv([table.columns, ...table.rows]), `${baseName}.csv`);
  const header = table.columns.map((value) => ({ value, fontWeight: "bold" as const }));
  const body = table.rows.map((row) => row.map((value: Cell) => ({ value })));
  const widths = table.columns.map((name, i) => ({
    width: Math.min(40, Math.max(8, ...[name, ...table.rows.slice(0, 200).map((row) => String(row[i] ?? ""))].map(displayWidth))),
  }));
  const buffer = await writeExcelFile([header, ...body], { columns: widths, sheet: sheetName(table.title) }).toBuffer();
  return new Response(new Uint8Array(buffer), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(`${baseName}.xlsx`)}`,
      "Cache-Control": "no-store",
    },
  });
}

/** Column width in Excel "characters": a Chinese character takes two. */
function displayWidth(text: string): number {
  let width = 2;
  for (const ch of text) width += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return width;
}

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
function sheetName(title: string): string {
  return title.replace(/[[\]:*?/\\]/g, " ").slice(0, 31) || "Sheet1";
}
