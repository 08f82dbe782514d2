import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const dir = mkdtempSync(path.join(tmpdir(), "academy-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("start-up with a broken content file", () => {
  it("stops before serving, naming the file, line and field", () => {
    const content = path.join(dir, "content");
    cpSync("content", content, { recursive: true });
    const file = path.join(content, "campuses.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("kind: branch", "kind: brnach"));

    const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], {
      env: { ...process.env, CONTENT_DIR: content, DATA_DIR: path.join(dir, "data"), PORT: "0", DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/内容文件有误，应用未启动/);
    expect(result.stderr).toMatch(/campuses\.yaml:\d+:\d+ 字段 campuses\[1\]\.kind：只能是 main（主学院）或 branch（分学院）/);
  });
});
