import { useId } from "react";
import { t } from "../../lib/messages";

/**
 * Charts drawn on the server as SVG: no chart library, no script, readable on a phone. Each chart
 * has a title and a description (role="img"), and every value is written next to its bar or point
 * as text, so nothing depends on colour. The tables under each chart hold the same numbers.
 */

export interface LinePoint {
  label: string;
  value: number;
}

// Drawn at about phone width, so 15 px text stays 15 px on a 375 px screen (it only grows on a desktop).
const W = 360;
const H = 220;
const PAD = { left: 48, right: 8, top: 28, bottom: 30 };

/** A line over weeks: value labels on the highest and the latest point, a few date labels below. */
export function LineChart({ title, description, points, unit = "" }: { title: string; description: string; points: LinePoint[]; unit?: string }) {
  const id = useId();
  const max = Math.max(1, ...points.map((p) => p.value));
  const top = niceCeiling(max);
  const x = (i: number) => PAD.left + (points.length <= 1 ? 0 : (i * (W - PAD.left - PAD.right)) / (points.length - 1));
  const y = (v: number) => PAD.top + (H - PAD.top - PAD.bottom) * (1 - v / top);
  const path = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  const peak = points.reduce((best, p, i) => (p.value > (points[best]?.value ?? -1) ? i : best), 0);
  const last = points.length - 1;
  const every = Math.max(1, Math.ceil(points.length / 3));
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full max-w-xl" role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(top * f)} y2={y(top * f)} className="stroke-stone-200" strokeWidth={1} />
          <text x={PAD.left - 6} y={y(top * f) + 5} textAnchor="end" className="fill-stone-600 text-[13px]">
            {Math.round(top * f)}
          </text>
        </g>
      ))}
      <path d={path} fill="none" className="stroke-brand-700" strokeWidth={3} strokeLinejoin="round" />
      {points.map((p, i) => (
        <circle key={p.label} cx={x(i)} cy={y(p.value)} r={i === peak || i === last ? 5 : 3} className="fill-brand-700">
          <title>{t.common.labelled(p.label, `${p.value}${unit}`)}</title>
        </circle>
      ))}
      {[...new Set(Math.abs(peak - last) < 3 ? [last] : [peak, last])].map((i) =>
        points[i] ? (
          <text key={i} x={Math.min(x(i), W - PAD.right - 4)} y={y(points[i].value) - 10} textAnchor={i === last ? "end" : "middle"} className="fill-stone-900 text-[16px] font-bold">
            {points[i].value}
            {unit}
          </text>
        ) : null,
      )}
      {points.map((p, i) =>
        (i % every === 0 && last - i >= every) || i === last ? (
          <text key={p.label} x={x(i)} y={H - 10} textAnchor={i === 0 ? "start" : i === last ? "end" : "middle"} className="fill-stone-600 text-[13px]">
            {p.label.slice(5)}
          </text>
        ) : null,
      )}
    </svg>
  );
}

export interface BarItem {
  label: string;
  value: number;
  /** A part of value drawn darker inside the bar, e.g. completed of enrolled. */
  part?: number;
  /** The words after the bar, e.g. "完成 80 / 报名 120". */
  text: string;
}

/** Horizontal bars, one per row: the label, the bar, and the value in words under it. */
export function BarChart({ title, description, items }: { title: string; description: string; items: BarItem[] }) {
  const id = useId();
  const max = Math.max(1, ...items.map((i) => i.value));
  const row = 68;
  const height = Math.max(row, items.length * row);
  const full = W - 4;
  return (
    <svg viewBox={`0 0 ${W} ${height}`} className="h-auto w-full max-w-xl" role="img" aria-labelledby={`${id}-t ${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      {items.map((item, i) => {
        const top = i * row;
        const width = Math.max(2, (item.value / max) * full);
        const part = item.part === undefined ? 0 : (item.part / max) * full;
        return (
          <g key={`${item.label}-${i}`}>
            <title>{t.common.labelled(item.label, item.text)}</title>
            <text x={0} y={top + 17} className="fill-stone-900 text-[15px] font-medium">
              {clip(item.label, 44)}
            </text>
            <rect x={0} y={top + 24} width={width} height={14} rx={3} className="fill-stone-300" />
            {part > 0 ? <rect x={0} y={top + 24} width={part} height={14} rx={3} className="fill-brand-700" /> : null}
            <text x={0} y={top + 56} className="fill-stone-700 text-[14px]">
              {item.text}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** A round top for the axis: 0–5–10, 0–50–100, 0–250–500… */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** Labels longer than the row are shortened (the full text is in the bar's <title> and the table). */
function clip(text: string, width: number): string {
  let used = 0;
  let out = "";
  for (const ch of text) {
    used += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
    if (used > width) return `${out}…`;
    out += ch;
  }
  return out;
}
