import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { useNonce } from "./components/nonce";
import { OfflineSupport } from "./components/offline-support";
import { ReadingBar } from "./components/reading-bar";
import { SiteHeader } from "./components/site-header";
import { hasRole } from "./lib/auth.server";
import { currentLocale, t } from "./lib/messages";
import { offlineAccountKey } from "./lib/offline-account.server";
import { listCampusesForHeader } from "./models/campus.server";
import stylesheet from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
  { rel: "manifest", href: "/manifest.webmanifest" },
  { rel: "apple-touch-icon", href: "/icons/apple-touch-icon.png" },
];

export const meta: MetaFunction = () => [{ title: t.site.name }, { name: "description", content: t.site.description }];

export async function loader({ context }: LoaderFunctionArgs) {
  const campuses = await listCampusesForHeader(context.db);
  const session = context.session;
  return {
    campuses: campuses.map((c) => ({ slug: c.slug, name: c.name, shortName: c.shortName })),
    user: session
      ? { displayName: session.user.displayName, isAdmin: hasRole(session, "branch_admin"), accountKey: offlineAccountKey(session.user.id) }
      : null,
    elder: context.prefs.elder,
  };
}

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={currentLocale() === "en" ? "en" : "zh-CN"} className={data?.elder ? "elder" : undefined}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#b3261e" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:bg-white focus:p-3">
          {t.site.skipToContent}
        </a>
        <OfflineSupport account={data?.user?.accountKey ?? null} />
        <div className="print:hidden">
          <ReadingBar elder={data?.elder ?? false} />
          <SiteHeader user={data?.user ?? null} campuses={data?.campuses ?? []} />
        </div>
        <main id="main" className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 print:max-w-none print:p-0">
          {children}
        </main>
        <footer className="print:hidden border-t border-stone-200 bg-white px-4 py-6 text-center text-base text-stone-600">
          {t.site.footer}
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
