/*
 * 三方学院's service worker: lessons stay readable with poor or no signal (issue 10, item 3).
 * Plain JavaScript, served from / with Cache-Control: no-cache (server.ts) so a new version is
 * picked up on the next visit. The rules and why: docs/decisions/010-offline-lessons.md.
 *
 *   /build/* (fingerprinted: a name is one content forever), /media/<id> (immutable): cache first.
 *   Pages and their Remix data (…/x.data): network first, a copy kept per account; no network,
 *   or a server in trouble: the kept copy; none kept: a small offline page (pages only).
 *   Never: anything not GET, private areas (PRIVATE below), answers marked no-store, redirects.
 */

const ASSETS = "assets-v1";
const META = "meta-v1";
/** + the account key: one cache per account, so dropping an account is deleting its cache. */
const PAGES = "pages-v1:";
const KNOWN = [ASSETS, META];
/** With a copy in hand, a slow network (a stairwell) gets this long before the copy is shown. */
const NETWORK_GRACE_MS = 4000;
const MAX_ASSETS = 400;
const MAX_PAGES = 200;
const PRIVATE = /^\/(admin|login|register|logout|learn|profile|checkin|certificates|camps|healthz|bench)(\/|$)/;

/** "asset", "page" or null (the worker stays out of the way). */
function policyFor(method, href, mode) {
  if (method !== "GET") return null;
  const url = new URL(href);
  if (url.origin !== self.location.origin) return null;
  if (url.pathname.startsWith("/build/") || url.pathname.startsWith("/media/")) return "asset";
  // Remix's data for a page is <page>.data (the home page's is /_root.data).
  const isData = url.pathname.endsWith(".data");
  const page = url.pathname === "/_root.data" ? "/" : isData ? url.pathname.slice(0, -".data".length) : url.pathname;
  if (PRIVATE.test(page)) return null;
  // Lazy route discovery asks which routes exist: needed to move between lessons offline.
  if (url.pathname === "/__manifest") return "page";
  // Other files in public/ (the manifest, icons, this script) go to the network and its cache.
  if (!isData && /\.[A-Za-z0-9]+$/.test(url.pathname)) return null;
  if (isData || mode === "navigate") return "page";
  return null;
}

/** Whether an answer may be kept: a whole, fresh, public-to-this-account page. */
function keepable(response) {
  if (!response || response.status !== 200 || response.type !== "basic" || response.redirected) return false;
  return !/no-store/i.test(response.headers.get("Cache-Control") || "");
}

let currentAccount; // undefined: not read from META yet; null: nobody has said hello

async function account() {
  if (currentAccount !== undefined) return currentAccount;
  const meta = await caches.open(META);
  const saved = await meta.match("/__offline/account");
  currentAccount = saved ? await saved.text() : null;
  return currentAccount;
}

async function pagesCache() {
  const key = await account();
  return key ? caches.open(PAGES + key) : null;
}

/** A new account on this phone: every other account's pages go, before anything is shown. */
async function setAccount(key) {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(PAGES) && n !== PAGES + key).map((n) => caches.delete(n)));
  currentAccount = key;
  const meta = await caches.open(META);
  await meta.put("/__offline/account", new Response(key));
}

async function forget() {
  currentAccount = null;
  const names = await caches.keys();
  await Promise.all(names.map((n) => caches.delete(n)));
}

/**
 * The copy that is kept: the body as the page read it (already decoded), so Content-Encoding and
 * Content-Length go; the Content-Security-Policy stays, its nonce matching the page's scripts.
 */
async function forStorage(response) {
  const headers = new Headers(response.headers);
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  headers.set("X-Offline-Saved", new Date().toISOString());
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers });
}

async function keep(cache, request, response, limit) {
  await cache.put(request, await forStorage(response));
  const keys = await cache.keys();
  // Oldest first: the cache lists entries in the order they were put.
  await Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map((k) => cache.delete(k)));
}

async function cacheFirst(event) {
  const cache = await caches.open(ASSETS);
  const cached = await cache.match(event.request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(event.request);
  if (keepable(response)) event.waitUntil(keep(cache, event.request, response.clone(), MAX_ASSETS));
  return response;
}

async function networkFirst(event) {
  const request = event.request;
  const cache = await pagesCache();
  // The account whose cookie this request carries is the one that said hello last.
  const network = fetch(request).then((response) => {
    if (cache && keepable(response)) event.waitUntil(keep(cache, request, response.clone(), MAX_PAGES));
    return response;
  });
  const cached = cache ? await findCopy(cache, request) : undefined;
  if (!cached && request.mode !== "navigate") return network.catch(() => retried(request, cache));
  if (!cached) return network.catch(() => offlineAnswer(request));
  event.waitUntil(network.catch(() => {}));
  const fresh = network.then((response) => (response.status >= 500 ? cached : response));
  const slow = new Promise((resolve) => setTimeout(() => resolve(cached), NETWORK_GRACE_MS));
  return Promise.race([fresh, slow]).catch(() => cached);
}

/**
 * Page data with no copy kept, whose request failed: tried again 0.5 s and 1.5 s later before the page
 * shows an error. A signal that flickers (a stairwell; the network coming back a moment before the
 * worker can use it) otherwise ends on 出错了 for a request that would have worked a second later.
 */
async function retried(request, cache, waits = [500, 1500]) {
  for (const wait of waits) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    if (request.signal && request.signal.aborted) break;
    try {
      const response = await fetch(request);
      if (cache && keepable(response)) await keep(cache, request, response.clone(), MAX_PAGES);
      return response;
    } catch {
      // still no network: wait longer, then give up as the browser would have
    }
  }
  return offlineAnswer(request);
}

/** The same address, or for Remix data the same page asked with other `_routes`. */
async function findCopy(cache, request) {
  const exact = await cache.match(request, { ignoreVary: true });
  if (exact || !new URL(request.url).pathname.endsWith(".data")) return exact;
  return cache.match(request, { ignoreVary: true, ignoreSearch: true });
}

async function offlineAnswer(request) {
  // A failed data request fails as it would without us; the page shows its own error.
  if (request.mode !== "navigate") return Response.error();
  const words = await offlineWords();
  const lessons = await savedLessons();
  const escape = (s) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const list = lessons.length
    ? `<h2>${escape(words.saved)}</h2><ul>${lessons.map((l) => `<li><a href="${escape(l.path)}"><strong>${escape(l.lesson)}</strong><small>${escape(l.course)}</small></a></li>`).join("")}</ul>`
    : `<p>${escape(words.none)}</p>`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="theme-color" content="#b3261e"><title>${escape(words.title)}</title><style>body{font:18px/1.6 system-ui,sans-serif;max-width:40rem;margin:0 auto;padding:1.5rem 1rem;color:#1c1917;background:#fafaf9}h1{font-size:1.6rem;margin:0 0 .5rem}h2{font-size:1.2rem;margin-top:1.5rem}ul{list-style:none;padding:0}li{margin:.5rem 0}li a{display:block;padding:.6rem 1rem;border:1px solid #d6d3d1;border-radius:.75rem;background:#fff;color:#1c1917;text-decoration:none}li strong{display:block;color:#8c1d18}li small{display:block;font-size:1rem;color:#57534e}.home{display:inline-flex;align-items:center;min-height:48px;color:#8c1d18}</style></head><body><h1>${escape(words.title)}</h1><p>${escape(words.body)}</p>${list}<p><a class="home" href="/">${escape(words.home)}</a></p></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'",
    },
  });
}

/** Lesson pages (/courses/<course>/<lesson>) this account has a copy of, newest first, titled. */
async function savedLessons() {
  const cache = await pagesCache();
  if (!cache) return [];
  const found = [];
  for (const request of await cache.keys()) {
    const url = new URL(request.url);
    if (!/^\/courses\/[^/]+\/[^/]+$/.test(url.pathname) || url.search) continue;
    const response = await cache.match(request);
    const title = /<title>([^<]*)<\/title>/.exec(await response.text());
    // "第一课 - 某课程 - 三方学院" as React wrote it (entities); escaped again when shown.
    if (!title) continue;
    const [lesson, course] = unescapeHtml(title[1]).split(" - ");
    found.push({ path: url.pathname, lesson, course: course || "" });
  }
  return found.reverse().slice(0, 50);
}

function unescapeHtml(text) {
  const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name) =>
    name[0] === "#" ? String.fromCodePoint(parseInt(name.slice(name[1] === "x" || name[1] === "X" ? 2 : 1), name[1] === "x" || name[1] === "X" ? 16 : 10)) : (named[name] ?? whole),
  );
}

const DEFAULT_WORDS = {
  title: "你现在离线",
  body: "你现在离线，已打开过的课文仍可阅读。",
  saved: "已保存的课文",
  none: "手机上还没有保存的课文：联网时打开过的课文会自动保存。",
  home: "返回首页",
};

async function offlineWords() {
  const meta = await caches.open(META);
  const saved = await meta.match("/__offline/words");
  return saved ? { ...DEFAULT_WORDS, ...(await saved.json()) } : DEFAULT_WORDS;
}

/** The page that registered us: its files (loaded before we were in charge) and the page itself. */
async function hello(message) {
  if (typeof message.account !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(message.account)) return;
  if (message.account !== (await account())) await setAccount(message.account);
  const meta = await caches.open(META);
  if (message.words) await meta.put("/__offline/words", new Response(JSON.stringify(message.words), { headers: { "Content-Type": "application/json" } }));

  const assets = await caches.open(ASSETS);
  const wanted = (Array.isArray(message.assets) ? message.assets : []).filter((u) => policyFor("GET", new URL(u, self.location.origin).href) === "asset");
  await Promise.all(
    wanted.map(async (url) => {
      if (await assets.match(url, { ignoreVary: true })) return;
      const response = await fetch(url).catch(() => null);
      if (keepable(response)) await keep(assets, url, response, MAX_ASSETS);
    }),
  );

  if (typeof message.page === "string") await keepPage(message.page);
}

/**
 * A page the learner reached by moving within the app: its data was kept as it came, but a
 * reload offline asks for the page itself. Fetched once, the first time (so a lesson read online
 * can be reopened offline), not on every visit.
 */
async function keepPage(path) {
  const page = new URL(path, self.location.origin);
  const pages = await pagesCache();
  if (!pages || policyFor("GET", page.href, "navigate") !== "page" || (await pages.match(page.href, { ignoreVary: true }))) return;
  const response = await fetch(page.href, { credentials: "same-origin" }).catch(() => null);
  if (keepable(response)) await keep(pages, page.href, response, MAX_PAGES);
}

if (typeof ServiceWorkerGlobalScope !== "undefined" && self instanceof ServiceWorkerGlobalScope) {
  self.addEventListener("install", () => self.skipWaiting());
  self.addEventListener("activate", (event) => {
    event.waitUntil(
      (async () => {
        // Caches of an older version of these rules (and only ours).
        const names = await caches.keys();
        const stale = (n) => /^(assets|meta|pages)-v\d+/.test(n) && !KNOWN.includes(n) && !n.startsWith(PAGES);
        await Promise.all(names.filter(stale).map((n) => caches.delete(n)));
        await self.clients.claim();
      })(),
    );
  });
  self.addEventListener("fetch", (event) => {
    const policy = policyFor(event.request.method, event.request.url, event.request.mode);
    if (policy === "asset") event.respondWith(cacheFirst(event));
    else if (policy === "page") event.respondWith(networkFirst(event));
  });
  self.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "hello") event.waitUntil(hello(message));
    else if (message.type === "keep" && typeof message.page === "string") event.waitUntil(keepPage(message.page));
    else if (message.type === "forget") event.waitUntil(forget());
  });
}
