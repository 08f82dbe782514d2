import { Form, useLocation } from "@remix-run/react";
import type { MouseEvent, ReactNode } from "react";
import { t } from "../lib/messages";
import { isActivePath, PlainLink, usePlainLinkClick } from "./ui/plain-link";

interface Props {
  user: { displayName: string; isAdmin: boolean } | null;
  campuses: { slug: string; name: string; shortName: string }[];
}

export function SiteHeader({ user, campuses }: Props) {
  // On every page: plain links with one click handler, not a <NavLink> each (ui/plain-link.tsx).
  const { pathname } = useLocation();
  const onClick = usePlainLinkClick();
  const link = { pathname, onClick };
  return (
    <header className="border-b border-stone-200 bg-white">
      {/* The account links wrap under the name when they cannot sit beside it (长辈版, English). */}
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-2 flex-wrap gap-y-0">
        <PlainLink to="/" onClick={onClick} className="flex min-h-12 shrink-0 items-center text-xl font-bold whitespace-nowrap text-brand-700 sm:text-2xl">
          {t.site.name}
        </PlainLink>
        <nav aria-label={t.nav.account} className="flex items-center gap-1 text-lg whitespace-nowrap flex-wrap elder:-ml-2">
          {user ? (
            <>
              {user.isAdmin ? <HeaderLink {...link} to="/admin">{t.nav.admin}</HeaderLink> : null}
              <HeaderLink {...link} to="/learn">{t.nav.learning}</HeaderLink>
              <HeaderLink {...link} to="/profile">{t.nav.profile}</HeaderLink>
              {/* On phones there is no room: 退出登录 lives on the 我的 page, as in most Chinese apps. */}
              <Form method="post" action="/logout" className="hidden sm:block">
                <button type="submit" className="min-h-12 rounded-lg px-3 text-stone-700 hover:bg-stone-100">
                  {t.nav.logout}
                </button>
              </Form>
            </>
          ) : (
            <>
              <HeaderLink {...link} to="/login">{t.nav.login}</HeaderLink>
              <PlainLink
                to="/register"
                onClick={onClick}
                className="inline-flex min-h-12 items-center rounded-xl bg-brand-600 px-4 font-medium text-white hover:bg-brand-700"
              >
                {t.nav.register}
              </PlainLink>
            </>
          )}
        </nav>
      </div>
      {/* All seven campuses stay one swipe away on a phone: a scrolling row rather than a hidden menu.
          长辈版 leaves it out (the home page lists them, in large type): one row of big controls. */}
      <nav aria-label={t.nav.campuses} className="border-t border-stone-100 elder:hidden">
        <ul className="mx-auto flex max-w-5xl gap-1 overflow-x-auto px-2 py-1 whitespace-nowrap sm:flex-wrap">
          {campuses.map((c) => {
            const to = `/campuses/${c.slug}`;
            const active = isActivePath(pathname, to);
            return (
              <li key={c.slug}>
                <PlainLink
                  to={to}
                  onClick={onClick}
                  active={active}
                  className={`relative inline-flex min-h-11 items-center rounded-lg px-3 text-base ${
                    active ? "bg-brand-50 font-semibold text-brand-700" : "text-stone-700 hover:bg-stone-100"
                  }`}
                >
                  {/* `relative` on the link keeps this sr-only text inside the scrolling row; unanchored,
                      it stuck out past the screen edge and widened the page on phones. */}
                  <span aria-hidden="true">{c.shortName}</span>
                  <span className="sr-only">{c.name}</span>
                </PlainLink>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}

function HeaderLink({
  to,
  children,
  pathname,
  onClick,
}: {
  to: string;
  children: ReactNode;
  pathname: string;
  onClick: (event: MouseEvent<HTMLAnchorElement>) => void;
}) {
  const active = isActivePath(pathname, to);
  return (
    <PlainLink
      to={to}
      onClick={onClick}
      active={active}
      // px-2 on phones: an admin's 管理 · 我的学习 · 我的 must fit 375 px beside the name.
      className={`inline-flex min-h-12 items-center rounded-lg px-2 sm:px-3 ${active ? "font-semibold text-brand-700" : "text-stone-700 hover:bg-stone-100"}`}
    >
      {children}
    </PlainLink>
  );
}
