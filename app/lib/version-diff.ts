import { diffLines } from "diff";

/**
 * A readable line diff of two lesson versions: removed and added lines with their line numbers,
 * and long runs of unchanged lines folded to a few lines of context around each change.
 */

export type DiffRow =
  | { type: "same" | "removed" | "added"; oldLine: number | null; newLine: number | null; text: string }
  | { type: "fold"; count: number };

const CONTEXT = 2;

export function diffVersions(oldText: string, newText: string): DiffRow[] {
  const rows: Exclude<DiffRow, { type: "fold" }>[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(oldText, newText)) {
    const lines = part.value.replace(/\n$/, "").split("\n");
    for (const text of lines) {
      if (part.added) rows.push({ type: "added", oldLine: null, newLine: newLine++, text });
      else if (part.removed) rows.push({ type: "removed", oldLine: oldLine++, newLine: null, text });
      else rows.push({ type: "same", oldLine: oldLine++, newLine: newLine++, text });
    }
  }
  return fold(rows);
}

function fold(rows: Exclude<DiffRow, { type: "fold" }>[]): DiffRow[] {
  const keep = rows.map(() => false);
  rows.forEach((row, i) => {
    if (row.type === "same") return;
    for (let j = Math.max(0, i - CONTEXT); j <= Math.min(rows.length - 1, i + CONTEXT); j++) keep[j] = true;
  });
  const out: DiffRow[] = [];
  let folded = 0;
  rows.forEach((row, i) => {
    if (keep[i]) {
      if (folded) out.push({ type: "fold", count: folded });
      folded = 0;
      out.push(row);
    } else folded++;
  });
  if (folded && out.length) out.push({ type: "fold", count: folded });
  return out;
}
