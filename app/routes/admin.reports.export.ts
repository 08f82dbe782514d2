import type { LoaderFunctionArgs } from "@remix-run/node";
import { tableResponse } from "../lib/export.server";
import { t } from "../lib/messages";
import { requireReportScope } from "../lib/report-request.server";
import { type TableKey, tableKeys } from "../lib/report-tables";
import { writeAudit } from "../models/audit.server";
import { loadTable } from "../models/report-tables.server";

/**
 * Any dashboard table as CSV or .xlsx, with the page's filters. Phone numbers are masked unless the
 * admin ticked "完整手机号" in the learners' export form; that export is written to the audit log.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { scope, url, actor } = await requireReportScope(request, context);
  const key = url.searchParams.get("table") as TableKey;
  if (!tableKeys.includes(key)) throw new Response(t.reports.unknownTable, { status: 404 });
  const format = url.searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const street = url.searchParams.get("street")?.trim() ?? "";
  if (key === "compounds" && street === "") throw new Response(t.reports.unknownTable, { status: 400 });
  const fullPhones = key === "learners" && url.searchParams.get("full") === "1";
  const table = await loadTable(context.db, scope, key, { street, fullPhones, q: url.searchParams.get("q") ?? "" });
  if (fullPhones) {
    await writeAudit(context.db, {
      actorId: actor.id,
      action: "report.phones_exported",
      campusId: scope.campusIds?.length === 1 ? scope.campusIds[0] : null,
      targetType: "report",
      targetId: key,
      details: { rows: table.rows.length, format, filters: scope.filters },
      ip: actor.ip,
    });
  }
  const { from, to } = scope.filters;
  return tableResponse(table, format, t.reports.exportFileName(table.title, from, to));
}
