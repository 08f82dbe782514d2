import type { ReactNode } from "react";
import type { LawArticle as LawArticleData } from "../../lib/law.server";
import { sheetWords } from "../../lib/messages-print";

/**
 * The lesson blocks as they appear on a printed 明白纸 (see lib/mdx/print.server.tsx): black on
 * white, thin rules instead of tinted boxes (office printers are monochrome), sizes in em so the
 * sheet's one font size (11pt on paper, see print-sheet.css) sets them all, and no interactive
 * controls — a checklist item is an empty box to tick with a pen.
 */

const calloutLabels = sheetWords.callout;

export function PrintCallout({ type = "note", title, children }: { type?: keyof typeof calloutLabels; title?: string; children?: ReactNode }) {
  const label = calloutLabels[type] ?? calloutLabels.note;
  // Warnings and legal rules carry the weight on paper: a heavier rule marks them without colour.
  const rule = type === "warning" || type === "law" ? "border-l-[3pt]" : "border-l-[1.5pt]";
  return (
    <aside className={`sheet-block my-[0.5em] border-black ${rule} py-[0.1em] pl-[0.8em]`}>
      {/* "提示｜给小区专员的提示" says it twice: a title that names its kind stands alone. */}
      <p className="font-bold">{title ? (title.includes(label) ? title : `${label}｜${title}`) : label}</p>
      <div className="[&_li]:ml-[1.2em] [&_ol]:list-decimal [&_p]:my-[0.2em] [&_ul]:list-disc">{children}</div>
    </aside>
  );
}

const LONG_ARTICLE = 300; // characters: a dozen lines in a column of the printed sheet

export function makePrintLawArticle(lookup: (law: string, article: number) => LawArticleData | undefined) {
  return function PrintLawArticle({ law, article }: { law: string; article: string | number }) {
    const found = lookup(law, Number(article));
    if (!found) return null; // as on the lesson page: the compiler refuses unknown articles
    // A short article never splits; a long one (some fill a column) may, rather than
    // leave half a sheet blank and push the 明白纸 onto a third sheet.
    const long = found.paragraphs.join("").length > LONG_ARTICLE;
    return (
      <figure className={`${long ? "" : "sheet-block "}my-[0.5em] border border-black px-[0.7em] py-[0.3em]`}>
        <figcaption className="font-bold break-after-avoid">
          《{found.law}》{found.label}
        </figcaption>
        {/* The article's words in full, a size smaller than the sheet's own text: a quotation, as in print. */}
        <blockquote className="text-[0.88em] leading-[1.35] [&_p]:my-[0.1em]">
          {found.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </blockquote>
      </figure>
    );
  };
}

export function PrintSteps({ children }: { children?: ReactNode }) {
  return <ol className="sheet-steps my-[0.5em] space-y-[0.3em] [counter-reset:step]">{children}</ol>;
}

// Many authors number their own steps ("一、拟定方案"): those titles get no second number.
const NUMBERED_TITLE = /^\s*(?:[一二三四五六七八九十百]+|\d+)\s*[、.．)）]|^\s*第[一二三四五六七八九十百\d]+步/;

export function PrintStep({ title, children }: { title: string; children?: ReactNode }) {
  const numbered = NUMBERED_TITLE.test(title);
  return (
    <li
      className={`sheet-block [counter-increment:step]${numbered ? "" : " before:mr-[0.4em] before:font-bold before:content-[counter(step)'.']"}`}
    >
      <span className="font-bold">{title}</span>
      <div className="pl-[1.2em] [&_li]:ml-[1.2em] [&_ol]:list-decimal [&_p]:my-[0.15em] [&_ul]:list-disc">{children}</div>
    </li>
  );
}

export function PrintChecklist({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    // A long list may run onto the next sheet between items; the title stays with the first ones.
    <section className="my-[0.5em]">
      {title ? <p className="font-bold break-after-avoid">{title}</p> : null}
      <ul className="mt-[0.1em] space-y-[0.15em]">{children}</ul>
    </section>
  );
}

export function PrintItem({ children }: { children?: ReactNode }) {
  return (
    <li className="flex items-start gap-[0.5em] break-inside-avoid">
      {/* A drawn box, not a ☐ glyph: it prints the same whatever fonts the printer's computer has. */}
      <span aria-hidden="true" className="mt-[0.25em] inline-block h-[0.95em] w-[0.95em] shrink-0 border border-black" />
      <span className="[&_p]:m-0">{children}</span>
    </li>
  );
}
