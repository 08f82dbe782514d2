import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrations } from "./migrations/index";

describe("migrations index", () => {
  it("lists every migration file in db/migrations, in date order", () => {
    const dir = path.join(import.meta.dirname, "migrations");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".ts") && f !== "index.ts")
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(Object.keys(migrations)).toEqual(files);
  });
});
