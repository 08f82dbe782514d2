import type { DB } from "../../db/client";
import {
  campsTable,
  compoundsTable,
  funnelTable,
  identityTable,
  learnersTable,
  overviewTable,
  streetsTable,
  type Table,
  type TableKey,
  weeklyTable,
} from "../lib/report-tables";
import { byStreet, compoundsOf } from "./report-geo.server";
import { listLearners } from "./report-learner.server";
import type { ReportScope } from "./report-scope.server";
import { byIdentity, campsSummary, funnel, overview, weekly } from "./report.server";

/** One table of the dashboard, for an export: the same queries and cells as the page. */
export async function loadTable(db: DB, scope: ReportScope, key: TableKey, options: { street?: string; fullPhones?: boolean; q?: string }): Promise<Table> {
  switch (key) {
    case "overview":
      return overviewTable(await overview(db, scope));
    case "weekly":
      return weeklyTable(await weekly(db, scope));
    case "funnel":
      return funnelTable(await funnel(db, scope));
    case "identity":
      return identityTable(await byIdentity(db, scope));
    case "streets":
      return streetsTable(await byStreet(db, scope));
    case "compounds":
      return compoundsTable(options.street ?? "", await compoundsOf(db, scope, options.street ?? ""));
    case "camps":
      return campsTable(await campsSummary(db, scope));
    case "learners":
      return learnersTable(await listLearners(db, scope, { q: options.q ?? "" }), options.fullPhones);
  }
}
