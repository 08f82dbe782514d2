import { clearOutboxes } from "./outbox";

/**
 * The page's side of offline reading (public/sw.js is the other): registering the service worker,
 * telling it whose pages it keeps, and forgetting everything on log out. Browser-side only.
 * See docs/decisions/010-offline-lessons.md.
 */

/** What the service worker is told; sw.js reads the same shape. */
export interface HelloMessage {
  type: "hello";
  /** Whose pages it keeps: the root loader's accountKey, or "anon". Entries of any other are dropped. */
  account: string;
  /** /build/ files this page loaded before the worker controlled it, and the lesson routes' modules. */
  assets: string[];
  /** This page, kept for offline reading if the worker's rules allow it. */
  page: string;
  /** The offline page's words (the worker has no messages module). */
  words: { title: string; body: string; saved: string; none: string; home: string };
}

/** Registers /sw.js (after the page has loaded, so it never competes with it) and says hello. */
export function startServiceWorker(hello: () => HelloMessage): () => void {
  if (!("serviceWorker" in navigator)) return () => {};
  let cancelled = false;
  const start = () => {
    navigator.serviceWorker
      .register("/sw.js")
      .then(whenActive)
      .then((worker) => {
        if (!cancelled) worker?.postMessage(hello());
      })
      // No worker (private mode, plain http on a LAN): the site works as before, online only.
      .catch(() => {});
  };
  if (document.readyState === "complete") start();
  else window.addEventListener("load", start, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener("load", start);
  };
}

/**
 * The registration's active worker, once there is one. Not navigator.serviceWorker.ready: that
 * promise stays resolved with the first registration, even after Clear-Site-Data removed it.
 */
function whenActive(registration: ServiceWorkerRegistration): Promise<ServiceWorker | null> {
  if (registration.active) return Promise.resolve(registration.active);
  const pending = registration.installing ?? registration.waiting;
  if (!pending) return Promise.resolve(null);
  return new Promise((resolve) => {
    pending.addEventListener("statechange", () => {
      if (pending.state === "activated") resolve(pending);
      else if (pending.state === "redundant") resolve(registration.active);
    });
  });
}

/** Every /build/ file the page uses now, and those of the lesson and course pages. */
export function pageAssets(): string[] {
  const urls = new Set<string>();
  for (const entry of performance.getEntriesByType("resource")) urls.add(entry.name);
  for (const element of document.querySelectorAll<HTMLScriptElement | HTMLLinkElement>("script[src], link[href]")) {
    urls.add("src" in element ? element.src : element.href);
  }
  const manifest = (window as unknown as { __remixManifest?: RemixManifest }).__remixManifest;
  if (manifest) {
    urls.add(manifest.url);
    urls.add(manifest.entry.module);
    for (const url of manifest.entry.imports) urls.add(url);
    // Reading another lesson offline needs its route's code: the lesson and course routes are
    // kept even when this page is, say, the home page (if Remix has discovered them yet). Other
    // routes' code is not fetched ahead: on a poor signal every byte counts.
    for (const [id, route] of Object.entries(manifest.routes)) {
      if (id !== "root" && !id.startsWith("routes/courses.")) continue;
      for (const url of [route.module, ...(route.imports ?? []), ...(route.css ?? [])]) urls.add(url);
    }
  }
  // One spelling per file (the manifest's are relative, the page's absolute), so none is fetched twice.
  const files = new Set<string>();
  for (const url of urls) {
    const parsed = new URL(url, location.href);
    if (parsed.origin === location.origin && parsed.pathname.startsWith("/build/")) files.add(parsed.pathname);
  }
  return [...files];
}

interface RemixManifest {
  url: string;
  entry: { module: string; imports: string[] };
  routes: Record<string, { module: string; imports?: string[]; css?: string[] }>;
}

/**
 * Log out on a shared phone: the next person must not read this learner's pages or send their
 * completions. The server's Clear-Site-Data does the same; this is the belt to its braces, for
 * browsers that ignore the header. Started as the logout form submits, without waiting for it.
 */
export function forgetEverything(): Promise<void> {
  clearOutboxes(localStorage);
  navigator.serviceWorker?.controller?.postMessage({ type: "forget" });
  if (typeof caches === "undefined") return Promise.resolve();
  return caches
    .keys()
    .then((names) => Promise.all(names.map((name) => caches.delete(name))))
    .then(() => undefined, () => undefined);
}

/** Whether a submitted form logs out (the header's and the 我的 page's buttons, and any other). */
export function isLogoutForm(form: HTMLFormElement): boolean {
  return new URL(form.getAttribute("action") ?? "", location.href).pathname === "/logout";
}

/**
 * Offline, a link is followed as a page load, not a Remix data request: the service worker
 * answers page loads with the saved page or its offline page, while a failed data request would
 * end in the error page ("服务器暂时出了问题"), which is wrong and alarming.
 */
export function linkToLoadOffline(event: MouseEvent): string | null {
  if (navigator.onLine || event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  const anchor = (event.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
  if (!anchor || (anchor.target && anchor.target !== "_self") || anchor.hasAttribute("download")) return null;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin) return null;
  // A jump within this page (#finish) needs no network.
  if (url.pathname === location.pathname && url.search === location.search) return null;
  return url.href;
}
