import type { LoaderFunctionArgs } from "@remix-run/node";
import { boardCsvRows } from "../lib/board-view";
import { requireCamp } from "../lib/camp-access.server";
import { csvResponse, toCsv } from "../lib/csv";
import { chinaToday } from "../lib/dates";
import { t } from "../lib/messages";
import { campBoard } from "../models/camp-board.server";

/** The instructor board as CSV (UTF-8 with BOM, so Excel shows the Chinese). */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { camp } = await requireCamp(request, context, params.campId, "staff");
  const today = chinaToday();
  const board = await campBoard(context.db, camp, today);
  return csvResponse(toCsv(boardCsvRows(board)), `${camp.name}-${t.camps.board}-${today}.csv`);
}
