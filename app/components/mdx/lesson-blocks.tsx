import type { AnchorHTMLAttributes, ReactNode } from "react";
import type { LawArticle as LawArticleData } from "../../lib/law.server";

/**
 * The lesson vocabulary rendered as plain HTML. Lessons are rendered on the server to static
 * markup (see render.server.tsx), so these components use no hooks and no client JavaScript:
 * checklists are native checkboxes.
 */

const calloutStyles = {
  tip: { box: "border-emerald-300 bg-emerald-50", title: "text-emerald-900", label: "提示" },
  warning: { box: "border-amber-400 bg-amber-50", title: "text-amber-900", label: "注意" },
  note: { box: "border-sky-300 bg-sky-50", title: "text-sky-900", label: "说明" },
  law: { box: "border-brand-600 bg-brand-50", title: "text-brand-800", label: "法律规定" },
} as const;

export function Callout({ type = "note", title, children }: { type?: keyof typeof calloutStyles; title?: string; children?: ReactNode }) {
  const style = calloutStyles[type] ?? calloutStyles.note;
  return (
    <aside className={`not-prose my-6 rounded-xl border-l-4 px-4 py-3 ${style.box}`} aria-label={title ?? style.label}>
      <p className={`mb-1 text-lg font-bold ${style.title}`}>{title ?? style.label}</p>
      <div className="lesson-callout-body text-lg leading-relaxed text-stone-900 [&_p]:my-2">{children}</div>
    </aside>
  );
}

export function makeLawArticle(lookup: (law: string, article: number) => LawArticleData | undefined) {
  return function LawArticle({ law, article }: { law: string; article: string | number }) {
    const found = lookup(law, Number(article));
    if (!found) return null; // the compiler refuses unknown articles; a law file removed since is silent here
    return (
      <figure className="not-prose my-6 rounded-xl border border-stone-300 bg-white px-4 py-3">
        <figcaption className="mb-2 text-base font-bold text-brand-800">
          <a href={`/law/${encodeURIComponent(found.law)}/${found.number}`} className="underline-offset-4 hover:underline">
            《{found.law}》{found.label}
          </a>
        </figcaption>
        <blockquote className="space-y-2 text-lg leading-relaxed text-stone-900">
          {found.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </blockquote>
      </figure>
    );
  };
}

export function Steps({ children }: { children?: ReactNode }) {
  return <ol className="not-prose my-6 space-y-4 [counter-reset:step]">{children}</ol>;
}

export function Step({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <li className="relative rounded-xl border border-stone-200 bg-white py-3 pr-4 pl-14 [counter-increment:step] before:absolute before:top-3 before:left-3 before:flex before:h-8 before:w-8 before:items-center before:justify-center before:rounded-full before:bg-brand-600 before:font-bold before:text-white before:content-[counter(step)]">
      <p className="text-lg font-bold">{title}</p>
      <div className="text-lg leading-relaxed [&_p]:my-1">{children}</div>
    </li>
  );
}

export function Checklist({ title, children }: { title?: string; children?: ReactNode }) {
  return (
    <fieldset className="not-prose my-6 rounded-xl border border-stone-300 bg-white px-4 py-3">
      {title ? <legend className="px-1 text-lg font-bold">{title}</legend> : null}
      <ul className="space-y-1">{children}</ul>
    </fieldset>
  );
}

export function Item({ children }: { children?: ReactNode }) {
  return (
    <li>
      <label className="flex min-h-12 cursor-pointer items-start gap-3 py-2 text-lg">
        <input type="checkbox" className="mt-1 h-6 w-6 shrink-0 accent-brand-600" />
        <span className="[&_p]:m-0">{children}</span>
      </label>
    </li>
  );
}

/**
 * Question and Option mark a quiz's parts. The renderer lifts them out (render.server.tsx) and the
 * page shows them in a form (components/quiz-form.tsx), so they never render here themselves.
 */
export function Question({ children }: { children?: ReactNode }) {
  return <>{children}</>;
}

export function Option({ children }: { value: string; children?: ReactNode }) {
  return <>{children}</>;
}

export function Figure({ src, alt, caption }: { src: string; alt: string; caption?: string }) {
  return (
    <figure className="not-prose my-6">
      <img src={src} alt={alt} loading="lazy" className="mx-auto h-auto max-w-full rounded-lg border border-stone-200 bg-white" />
      {caption ? <figcaption className="mt-2 text-center text-base text-stone-600">{caption}</figcaption> : null}
    </figure>
  );
}

export function Link({ href = "", children, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  const external = /^https?:\/\//i.test(href);
  return (
    <a href={href} {...rest} {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}>
      {children}
    </a>
  );
}

export function Table({ children }: { children?: ReactNode }) {
  return (
    <div className="my-6 overflow-x-auto">
      <table>{children}</table>
    </div>
  );
}
