import type { Board, BoardRow } from "../models/camp-board.server";
import { t } from "./messages";
import { maskPhone } from "./phone";

/** 学时 from seconds, one decimal, as certificates and the 学时 page show them. */
export function hoursOf(seconds: number): string {
  return (Math.round(seconds / 360) / 10).toFixed(1);
}

/** One board row as the page and the CSV show it (phone masked: personal data). */
export function boardCells(board: Board, row: BoardRow) {
  return {
    name: row.name,
    phone: maskPhone(row.phone),
    attended: t.camps.attendedOf(row.attended, board.sessions.length),
    statuses: board.assignments.map((a) => t.camps.status[row.statuses[a.id] ?? "not_started"] ?? ""),
    hours: hoursOf(row.studySeconds),
    complete: row.complete ? t.camps.yes : t.camps.no,
    missing: row.missing.join(t.camps.missingSeparator),
  };
}

export function boardCsvRows(board: Board): (string | number)[][] {
  const col = t.camps.columns;
  const header = [col.name, col.phone, col.attended, ...board.assignments.map((a) => a.title), col.hours, col.complete, t.camps.behind];
  return [
    header,
    ...board.rows.map((row) => {
      const c = boardCells(board, row);
      return [c.name, c.phone, c.attended, ...c.statuses, c.hours, c.complete, c.missing];
    }),
  ];
}
