import { Link, type LinkProps } from "@remix-run/react";
import type { ReactNode } from "react";

export function PageTitle({ children, subtitle }: { children: ReactNode; subtitle?: ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="text-3xl leading-tight font-bold text-stone-900">{children}</h1>
      {subtitle ? <p className="mt-2 text-lg text-stone-700">{subtitle}</p> : null}
    </header>
  );
}

export function Card({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <section className={`rounded-2xl border border-stone-200 bg-white p-5 shadow-sm ${className}`}>{children}</section>;
}

/** A whole card that is one link: a course, a path, a certificate. */
export function CardLink({ className = "", ...props }: LinkProps) {
  return <Link {...props} className={`block rounded-2xl border border-stone-200 bg-white p-4 hover:border-brand-600 ${className}`.trim()} />;
}

/** Rows in one bordered white box, divided by lines (for a <ul> or <ol>). */
export const rowListClass = "divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white";
