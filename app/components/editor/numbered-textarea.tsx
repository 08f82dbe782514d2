import { forwardRef, type TextareaHTMLAttributes, useImperativeHandle, useLayoutEffect, useRef, useState } from "react";

/**
 * A plain textarea with line numbers and highlighted problem lines. Lines wrap (Chinese prose is
 * written in long paragraphs), so a hidden mirror with the same font and width measures where each
 * line starts; the gutter and the highlight bands follow the textarea's scroll.
 */

export interface NumberedTextareaHandle {
  element: HTMLTextAreaElement | null;
  /** Selects a whole line (1-based) and scrolls it into view. */
  goToLine: (line: number, column?: number) => void;
}

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { value: string; problemLines: number[] };

const shared = "m-0 box-border w-full border-0 p-3 font-mono text-base leading-7 whitespace-pre-wrap break-words [overflow-wrap:anywhere] [tab-size:2]";

export const NumberedTextarea = forwardRef<NumberedTextareaHandle, Props>(function NumberedTextarea({ value, problemLines, className = "", ...rest }, ref) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const [tops, setTops] = useState<{ top: number; height: number }[]>([]);
  const [scroll, setScroll] = useState(0);
  const lines = value.split("\n");

  useLayoutEffect(() => {
    const measure = () => {
      const rows = mirror.current?.children;
      if (!rows) return;
      setTops(Array.from(rows, (row) => ({ top: (row as HTMLElement).offsetTop, height: (row as HTMLElement).offsetHeight })));
    };
    measure();
    const observer = new ResizeObserver(measure);
    if (textarea.current) observer.observe(textarea.current);
    return () => observer.disconnect();
  }, [value]);

  useImperativeHandle(ref, () => ({
    element: textarea.current,
    goToLine(line, column = 1) {
      const el = textarea.current;
      if (!el) return;
      const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
      const lineText = lines[line - 1] ?? "";
      el.focus();
      el.setSelectionRange(start + Math.max(0, Math.min(column - 1, lineText.length)), start + lineText.length);
      const at = tops[line - 1];
      if (at) el.scrollTop = Math.max(0, at.top - el.clientHeight / 3);
    },
  }));

  const problems = new Set(problemLines);
  return (
    <div className={`relative flex overflow-hidden rounded-xl border-2 border-stone-300 bg-white focus-within:border-brand-600 ${className}`}>
      <div aria-hidden="true" className="relative w-12 shrink-0 overflow-hidden border-r border-stone-200 bg-stone-50 font-mono text-sm text-stone-500 select-none">
        {tops.map((row, i) => (
          <div
            key={i}
            className={`absolute right-0 left-0 pr-2 text-right leading-7 ${problems.has(i + 1) ? "bg-red-100 font-bold text-red-800" : ""}`}
            style={{ top: row.top - scroll, height: row.height }}
          >
            {i + 1}
          </div>
        ))}
      </div>
      <div className="relative min-w-0 flex-1">
        {/* Highlight bands behind the transparent textarea, and the mirror that measures lines. */}
        <div aria-hidden="true" className="pointer-events-none absolute inset-0 overflow-hidden">
          {tops.map((row, i) =>
            problems.has(i + 1) ? <div key={i} className="absolute right-0 left-0 bg-red-100" style={{ top: row.top - scroll, height: row.height }} /> : null,
          )}
        </div>
        <div ref={mirror} aria-hidden="true" className={`${shared} invisible absolute inset-x-0 top-0 overflow-hidden [scrollbar-gutter:stable]`}>
          {lines.map((line, i) => (
            <div key={i}>{line === "" ? "\u200b" : line}</div>
          ))}
        </div>
        <textarea
          ref={textarea}
          value={value}
          spellCheck={false}
          onScroll={(e) => setScroll(e.currentTarget.scrollTop)}
          className={`${shared} relative block h-[60vh] min-h-80 resize-y overflow-y-auto bg-transparent text-stone-900 focus:outline-none [scrollbar-gutter:stable]`}
          {...rest}
        />
      </div>
    </div>
  );
});
