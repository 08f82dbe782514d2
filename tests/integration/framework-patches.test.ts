import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

/**
 * The patches in patches/ (docs/decisions/009) cache what the framework recomputed for every
 * request. A cache that answered the wrong route, or handed one request's objects to another, would
 * be a serious bug; these check the patched functions still behave as the originals did. The server
 * loads these packages as CommonJS (the patched files), so the tests do too.
 */
const require = createRequire(import.meta.url);
const router = require("@remix-run/router") as typeof import("@remix-run/router");
type CallRoute = (args: {
  loadContext: unknown;
  params: Record<string, string>;
  request: Request;
  routeId: string;
  singleFetch: boolean;
  loader?: (args: { request: Request }) => unknown;
  action?: (args: { request: Request }) => unknown;
}) => Promise<unknown>;
const { callRouteLoader, callRouteAction } = require("@remix-run/server-runtime/dist/data.js") as {
  callRouteAction: CallRoute;
  callRouteLoader: (args: {
    loadContext: unknown;
    loader: (args: { request: Request }) => unknown;
    params: Record<string, string>;
    request: Request;
    routeId: string;
    singleFetch: boolean;
  }) => Promise<unknown>;
};
const { createStaticRouter } = require("react-router-dom/server") as typeof import("react-router-dom/server");

const routes = [
  {
    id: "root",
    path: "/",
    children: [
      { id: "home", index: true },
      { id: "new", path: "courses/new" },
      { id: "course", path: "courses/:course" },
      { id: "lesson", path: "courses/:course/:lesson" },
    ],
  },
];

const ids = (matches: ReturnType<typeof router.matchRoutes>) => matches?.map((m) => m.route.id) ?? null;

describe("route matching (patched @remix-run/router)", () => {
  it("answers the same path the same way every time, with fresh match objects", () => {
    const first = router.matchRoutes(routes, "/courses/a/b");
    const second = router.matchRoutes(routes, "/courses/a/b");
    expect(ids(first)).toEqual(["root", "lesson"]);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(second![1]!.params).not.toBe(first![1]!.params);
    (second![1]!.params as Record<string, string>).lesson = "changed";
    expect(router.matchRoutes(routes, "/courses/a/b")![1]!.params.lesson).toBe("b");
  });

  it("keeps static routes ahead of parameters and unknown paths unmatched, after caching", () => {
    for (let round = 0; round < 2; round++) {
      expect(ids(router.matchRoutes(routes, "/courses/new"))).toEqual(["root", "new"]);
      expect(ids(router.matchRoutes(routes, "/courses/x"))).toEqual(["root", "course"]);
      expect(router.matchRoutes(routes, "/courses/x")![1]!.params).toEqual({ course: "x" });
      expect(ids(router.matchRoutes(routes, "/"))).toEqual(["root", "home"]);
      expect(router.matchRoutes(routes, "/nowhere/at/all/x")).toBeNull();
    }
  });

  it("matches percent-encoded paths by their decoded form, as before", () => {
    expect(router.matchRoutes(routes, "/courses/%E5%BC%80%E4%BC%9A")![1]!.params).toEqual({ course: "开会" });
    expect(router.matchRoutes(routes, "/courses/%E5%BC%80%E4%BC%9A")![1]!.params).toEqual({ course: "开会" });
  });

  it("keeps one route tree's answers apart from another's", () => {
    const other = [{ id: "only", path: "/courses/:slug" }];
    expect(ids(router.matchRoutes(routes, "/courses/x"))).toEqual(["root", "course"]);
    expect(ids(router.matchRoutes(other, "/courses/x"))).toEqual(["only"]);
  });

  it("still refuses a link whose path holds '?' or '#'", () => {
    expect(() => router.resolveTo({ pathname: "/a?b=1" }, [], "/")).toThrow(/Cannot include a '\?' character/);
    expect(() => router.resolveTo({ search: "?a#b" }, [], "/")).toThrow(/Cannot include a '#' character/);
    expect(router.resolveTo({ pathname: "/a", search: "?b=1" }, [], "/")).toMatchObject({ pathname: "/a", search: "?b=1" });
  });
});

describe("loader requests (patched @remix-run/server-runtime)", () => {
  const seen = async (url: string) => {
    let got: Request | undefined;
    const request = new Request(url);
    await callRouteLoader({
      loadContext: {},
      loader: ({ request }) => ((got = request), null),
      params: {},
      request,
      routeId: "x",
      singleFetch: true,
    });
    return { same: got === request, url: got!.url };
  };

  it("passes a request without Remix's own parameters as it is", async () => {
    expect(await seen("http://x/courses/a?page=2")).toEqual({ same: true, url: "http://x/courses/a?page=2" });
    expect(await seen("http://x/courses/a")).toEqual({ same: true, url: "http://x/courses/a" });
  });

  it("still strips ?index and ?_routes, however they are spelled", async () => {
    expect((await seen("http://x/a?index&page=2")).url).toBe("http://x/a?page=2");
    expect((await seen("http://x/a?page=2&_routes=root")).url).toBe("http://x/a?page=2");
    expect((await seen("http://x/a?%69ndex=")).url).toBe("http://x/a");
  });
});

describe("action requests (patched @remix-run/server-runtime)", () => {
  const posted = async (url: string) => {
    let got: { same: boolean; url: string; body: string } | undefined;
    const request = new Request(url, { method: "POST", body: "course=a&lesson=b", headers: { "content-type": "application/x-www-form-urlencoded" } });
    await callRouteAction({
      loadContext: {},
      action: async ({ request: seen }) => ((got = { same: seen === request, url: seen.url, body: await seen.text() }), null),
      params: {},
      request,
      routeId: "x",
      singleFetch: true,
    });
    return got!;
  };

  it("passes a post as it is, body and all, and strips ?index as before", async () => {
    expect(await posted("http://x/learn/progress")).toEqual({ same: true, url: "http://x/learn/progress", body: "course=a&lesson=b" });
    expect(await posted("http://x/admin?index")).toEqual({ same: false, url: "http://x/admin", body: "course=a&lesson=b" });
  });
});

describe("static router (patched react-router-dom/server)", () => {
  it("converts a route tree once and gives each render its own matches", () => {
    const tree = [{ id: "root", path: "/", children: [{ id: "page", path: "p" }] }];
    const context = (pathname: string) =>
      ({
        basename: "",
        location: { pathname, search: "", hash: "", state: null, key: "default" },
        matches: router.matchRoutes(tree, pathname)!,
        loaderData: {},
        actionData: null,
        errors: null,
        statusCode: 200,
        loaderHeaders: {},
        actionHeaders: {},
        activeDeferreds: null,
      }) as unknown as Parameters<typeof createStaticRouter>[1];
    const a = createStaticRouter(tree, context("/p"));
    const b = createStaticRouter(tree, context("/"));
    expect(b.routes).toBe(a.routes);
    expect(a.state.matches.map((m) => m.route.id)).toEqual(["root", "page"]);
    expect(b.state.matches.map((m) => m.route.id)).toEqual(["root"]);
    // The matches point at the converted data routes, not the caller's objects.
    expect(a.state.matches[1]!.route).toBe(a.routes[0]!.children![0]);
  });
});
