import { useNavigate } from "@remix-run/react";
import { type AnchorHTMLAttributes, type MouseEvent, useCallback } from "react";

/**
 * Links that appear on every page (the site header), as plain anchors whose clicks one shared
 * handler gives to the router: what Remix's <Link> does, without its per-link hooks. A <NavLink>
 * resolves its path five times a render, each time serialising the route matches to JSON; the
 * header's eleven were a third of rendering a page with nothing else on it (docs/decisions/009), on
 * the server for every page and again when an old phone hydrates it. Paths here are absolute, so
 * there is nothing to resolve.
 *
 * `data-discover` keeps Remix's lazy route discovery (it fetches the routes of every such link on
 * the page, as for a <Link>). A click with a modifier key, or with another button, is the
 * browser's: a new tab or window.
 */
export function usePlainLinkClick(): (event: MouseEvent<HTMLAnchorElement>) => void {
  const navigate = useNavigate();
  return useCallback(
    (event: MouseEvent<HTMLAnchorElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
      const href = event.currentTarget.getAttribute("href");
      if (!href?.startsWith("/") || href.startsWith("//")) return;
      event.preventDefault();
      // As <Link> does: following a link to the page already shown does not add a history entry.
      // Read at the click, so the handler need not change with every navigation.
      const here = window.location.pathname + window.location.search + window.location.hash;
      navigate(href, { replace: href === here });
    },
    [navigate],
  );
}

/** Whether `to` is the page shown or one of its sub-pages, as <NavLink> decides (without `end`). */
export function isActivePath(pathname: string, to: string): boolean {
  if (to === "/") return pathname === "/";
  return pathname === to || pathname.startsWith(`${to}/`);
}

type PlainLinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href" | "onClick"> & {
  to: string;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
  active?: boolean;
};

export function PlainLink({ to, active = false, ...props }: PlainLinkProps) {
  return <a {...props} href={to} data-discover="true" aria-current={active ? "page" : undefined} />;
}
