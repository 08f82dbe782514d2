import { useLocation, useRevalidator, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { t } from "../lib/messages";
import { forgetEverything, isLogoutForm, linkToLoadOffline, pageAssets, startServiceWorker } from "../lib/offline-client";
import { clearOutboxes, flushOutbox, outboxShrank, readOutbox, subscribeOutbox } from "../lib/outbox";
import type { loader as rootLoader } from "../root";

/**
 * Offline reading for the whole site, rendered once by root.tsx: the 离线 banner, the service
 * worker, sending completions kept on the phone, and forgetting everything on log out.
 * See docs/decisions/010-offline-lessons.md.
 */
const ONLINE_SETTLE_MS = 1000;

export function OfflineSupport({ account }: { account: string | null }) {
  const online = useOnline();
  const location = useLocation();
  const { revalidate } = useRevalidator();
  const revalidateRef = useRef(revalidate);
  revalidateRef.current = revalidate;
  const [notices, setNotices] = useState<{ id: number; text: string; tone: "success" | "error" }[]>([]);

  // Whose pages the worker keeps changes with the account, so it is told again (after log in or
  // out, Clear-Site-Data has removed it: registering again installs it afresh).
  useEffect(
    () =>
      startServiceWorker(() => ({
        type: "hello",
        account: account ?? "anon",
        assets: pageAssets(),
        page: location.pathname + location.search,
        // A plain copy: a level of `t` is a live view (a Proxy), which postMessage cannot clone.
        words: { ...t.offline.page },
      })),
    // Said once per account; later pages reach the worker through its fetch handler.
    [account],
  );

  // A lesson or course reached within the app came as data only: the worker also keeps the page
  // itself (once), so reloading it offline works.
  const loadedAsPage = useRef(true);
  useEffect(() => {
    // The page the browser loaded was kept as it came (or by the hello above): only later ones need this.
    if (loadedAsPage.current) {
      loadedAsPage.current = false;
      return;
    }
    if (navigator.onLine && location.pathname.startsWith("/courses/")) {
      navigator.serviceWorker?.controller?.postMessage({ type: "keep", page: location.pathname });
    }
  }, [location.pathname]);

  // Queued completions go out on every page (load or navigation) and when the network returns.
  useEffect(() => {
    if (!account) return;
    // Shared phone: a completion someone else queued is never sent with this learner's cookie.
    clearOutboxes(localStorage, account);
    let stopped = false;
    const flush = async () => {
      if (!navigator.onLine || readOutbox(localStorage, account).length === 0) return;
      const result = await flushOutbox({ storage: localStorage, fetch: window.fetch.bind(window), locks: navigator.locks }, account, t.learn.refusal.lesson);
      if (stopped || result.sent + result.refused.length === 0) return;
      setNotices((current) => [
        ...current,
        ...(result.sent > 0 ? [{ id: Date.now(), text: t.offline.sent(result.sent), tone: "success" as const }] : []),
        ...result.refused.map((r, i) => ({ id: Date.now() + i + 1, text: t.offline.refused(r.item.title, r.reason), tone: "error" as const })),
      ]);
      revalidateRef.current();
    };
    // Another tab won the lock and sent what this one shows as queued: this page is stale too.
    const onStorage = (event: StorageEvent) => {
      if (outboxShrank(event, account)) revalidateRef.current();
    };
    void flush();
    // "online" fires as the connection comes back, a moment before requests get through (and
    // before the service worker's own fetches do): sent at once, the revalidation that follows
    // could still fail and show 出错了, or the worker's copy from before. A second's wait avoids it.
    let soon: ReturnType<typeof setTimeout> | undefined;
    const flushSoon = () => {
      clearTimeout(soon);
      soon = setTimeout(flush, ONLINE_SETTLE_MS);
    };
    window.addEventListener("online", flushSoon);
    window.addEventListener("storage", onStorage);
    return () => {
      stopped = true;
      clearTimeout(soon);
      window.removeEventListener("online", flushSoon);
      window.removeEventListener("storage", onStorage);
    };
  }, [account, location.key]);

  useEffect(() => {
    const onSubmit = (event: SubmitEvent) => {
      if (event.target instanceof HTMLFormElement && isLogoutForm(event.target)) void forgetEverything();
    };
    const onClick = (event: MouseEvent) => {
      const href = linkToLoadOffline(event);
      if (!href) return;
      event.preventDefault();
      window.location.assign(href);
    };
    // Capture: before Remix's own handlers turn the submit or the click into a fetch.
    window.addEventListener("submit", onSubmit, true);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("click", onClick, true);
    };
  }, []);

  return (
    <>
      {/* The live region is always in the page, so screen readers announce the banner when it appears. */}
      <div role="status" aria-live="polite" className="sticky top-0 z-20 print:hidden">
        {online ? null : (
          <p className="flex min-h-12 items-center justify-center border-b-2 border-amber-500 bg-amber-100 px-4 py-2 text-center text-lg font-bold text-amber-950">
            {t.offline.banner}
          </p>
        )}
      </div>
      {notices.length > 0 ? (
        <div className="mx-auto w-full max-w-5xl space-y-2 px-4 pt-3 print:hidden">
          {notices.map((notice) => (
            <div
              key={notice.id}
              role={notice.tone === "error" ? "alert" : "status"}
              className={`flex items-center justify-between gap-3 rounded-xl border-2 px-4 py-2 text-lg ${
                notice.tone === "error" ? "border-red-300 bg-red-50 text-red-900" : "border-emerald-300 bg-emerald-50 text-emerald-900"
              }`}
            >
              <span>{notice.text}</span>
              <button
                type="button"
                onClick={() => setNotices((current) => current.filter((n) => n.id !== notice.id))}
                className="min-h-12 shrink-0 rounded-lg px-3 underline underline-offset-4"
              >
                {t.offline.dismiss}
              </button>
            </div>
          ))}
        </div>
      ) : null}
    </>
  );
}

/** navigator.onLine, kept current; the server (and the first render in the browser) says online. */
export function useOnline(): boolean {
  return useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
}

/** Whether this lesson's completion is waiting in the phone's outbox. */
export function useQueued(account: string | null, course: string, lesson: string): boolean {
  return useSyncExternalStore(
    subscribeOutboxEverywhere,
    () => account !== null && readOutbox(localStorage, account).some((i) => i.course === course && i.lesson === lesson),
    () => false,
  );
}

function subscribeOutboxEverywhere(onChange: () => void) {
  const unsubscribe = subscribeOutbox(onChange);
  // Another tab queued or sent something.
  window.addEventListener("storage", onChange);
  return () => {
    unsubscribe();
    window.removeEventListener("storage", onChange);
  };
}

/** The signed-in account's key for offline data (root loader), or null. */
export function useAccountKey(): string | null {
  return useRouteLoaderData<typeof rootLoader>("root")?.user?.accountKey ?? null;
}
