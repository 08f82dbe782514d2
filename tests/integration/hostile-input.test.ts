import type { AddressInfo } from "node:net";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { safeRedirectPath } from "../../app/lib/auth.server";
import { idFrom, parseForm } from "../../app/lib/forms";
import { readForm } from "../../app/lib/read-form.server";
import { formBodiesOnly } from "../../app/lib/request-guards.server";

/** What the bad-input sweep turned up: each of these was a 500 before. */

describe("forms refuse what the database cannot store", () => {
  const schema = z.object({ displayName: z.string() });
  const form = (value: string) => {
    const data = new FormData();
    data.set("displayName", value);
    return data;
  };

  it("refuses a NUL byte or a control character with a Chinese message for that field", () => {
    for (const value of ["a\u0000b", "\u001b[31m", "x\u007f"]) {
      const result = parseForm(form(value), schema);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors.displayName).toMatch(/特殊字符/);
    }
  });

  it("keeps tabs, line breaks, emoji and Chinese", () => {
    expect(parseForm(form("王小明\t\r\n👨‍👩‍👧 𠮷"), schema).ok).toBe(true);
  });

  it("reads ids only within PostgreSQL's integer range", () => {
    expect(idFrom("42")).toBe(42);
    for (const bad of ["2147483648", "99999999999", "-1", "0", "1.5", "0x10", "", null]) expect(idFrom(bad)).toBeNull();
  });
});

describe("redirects after login", () => {
  it("stay on this site and become a valid Location header", () => {
    expect(safeRedirectPath("/courses/课程?x=😀")).toBe("/courses/%E8%AF%BE%E7%A8%8B?x=%F0%9F%98%80");
    expect(safeRedirectPath("/\r\nSet-Cookie: pwned=1")).not.toMatch(/[\r\n]/);
    expect(safeRedirectPath("//evil.example/x")).toBe("/");
    expect(safeRedirectPath("/\\evil.example")).toBe("/");
    expect(safeRedirectPath("https://evil.example")).toBe("/");
  });
});

describe("bodies that are not forms", () => {
  let base = "";
  let close = () => {};
  beforeAll(async () => {
    const app = express();
    app.use(formBodiesOnly());
    app.all("*", (req, res) => {
      req.resume();
      req.on("end", () => res.send("reached the app"));
    });
    const server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  });
  afterAll(() => close());

  it("are refused with 415 and a Chinese message before any action reads them", async () => {
    for (const type of ["application/json", "text/plain", "application/x-evil"]) {
      const response = await fetch(`${base}/profile`, { method: "POST", headers: { "content-type": type }, body: '{"a":1}' });
      expect(response.status, type).toBe(415);
      expect(await response.text()).toContain("请通过页面上的表单提交");
    }
  });

  it("let forms, uploads and empty posts through", async () => {
    for (const type of ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expect((await fetch(`${base}/profile`, { method: "POST", headers: { "content-type": type }, body: "a=1" })).status).toBe(200);
    }
    expect((await fetch(`${base}/logout`, { method: "POST" })).status).toBe(200);
  });

  it("a form that cannot be parsed is a 400 with a Chinese message, not a 500", async () => {
    const broken = new Request("http://academy.test/profile", { method: "POST", headers: { "content-type": "multipart/form-data" }, body: "a=1" });
    const thrown = await readForm(broken).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(400);
    expect(await (thrown as Response).text()).toMatch(/表单/);
  });
});
