import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { afterAll, beforeAll } from "vitest";
import { createRequestHandler } from "../../app/lib/remix-handler.server";

/**
 * A hand-made Remix build served by our own request handler on Express, for tests of what the
 * handler does with Remix's answers (status codes, bodies, headers) without compiling the app.
 * Each route is a child of an empty root; `entry` is entry.server's module.
 */
export function fakeBuild(
  entry: { default: (...args: never[]) => unknown; handleError?: (...args: never[]) => void },
  routes: Record<string, { path: string; module: Record<string, unknown> }>,
): ServerBuild {
  return {
    mode: "production",
    entry: { module: { handleError: () => {}, ...entry } },
    routes: {
      root: { id: "root", path: "", module: { default: () => null } },
      ...Object.fromEntries(Object.entries(routes).map(([id, route]) => [id, { id, parentId: "root", ...route }])),
    },
    assets: { routes: {}, entry: { module: "", imports: [] }, url: "", version: "1" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_singleFetch: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

/** Serves `build` on a loopback port for the test file; `url()` is its base URL once started. */
export function serveBuild(build: ServerBuild): { url: () => string } {
  let base = "";
  let close = () => {};
  beforeAll(async () => {
    const app = express();
    app.all("*", createRequestHandler({ build, mode: "production", getLoadContext: async () => ({}) as never }));
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());
  return { url: () => base };
}
