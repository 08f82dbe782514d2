import type { AppLoadContext } from "@remix-run/node";
import { resolveScope } from "../models/report-scope.server";
import { administeredCampusIds, requireRole } from "./auth.server";
import { chinaToday } from "./dates";
import { t } from "./messages";
import { parseReportFilters } from "./report-filters";

/**
 * The first lines of every report loader: an admin's session, the filters from the address and
 * the scope they select. A bad date range is a 400 and another campus a 403, each with a message.
 */
export async function requireReportScope(request: Request, context: AppLoadContext) {
  const session = requireRole(request, context, "branch_admin");
  const administered = administeredCampusIds(session);
  const url = new URL(request.url);
  const parsed = parseReportFilters(url.searchParams, chinaToday());
  if (!parsed.ok) throw new Response(parsed.message, { status: 400 });
  const scope = await resolveScope(context.db, parsed.filters, administered);
  if (!scope) throw new Response(t.reports.forbiddenCampus, { status: 403 });
  return { session, administered, scope, url, actor: { id: session.user.id, ip: context.clientIp } };
}
