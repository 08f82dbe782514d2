import { t } from "../../lib/messages";
import { Link } from "@remix-run/react";
import { Fragment } from "react";

/** 位置: the pages above this one, as links separated by ·; `className` for print hiding and the like. */
export function Breadcrumbs({ items, className = "" }: { items: { to: string; label: string }[]; className?: string }) {
  return (
    <nav aria-label={t.nav.breadcrumbs} className={`flex flex-wrap gap-x-2 text-base text-stone-600 ${className}`.trim()}>
      {items.map((item, i) => (
        <Fragment key={item.to}>
          {i > 0 ? <span>·</span> : null}
          <Link to={item.to} className="underline-offset-4 hover:underline">
            {item.label}
          </Link>
        </Fragment>
      ))}
    </nav>
  );
}
