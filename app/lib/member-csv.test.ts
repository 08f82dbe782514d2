import { describe, expect, it } from "vitest";
import { MAX_IMPORT_ROWS, parseMemberCsv } from "./member-csv";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("member CSV", () => {
  it("reads Excel's UTF-8 with BOM, a header, CRLF and quoted names", () => {
    const result = parseMemberCsv(utf8('\uFEFF手机号,姓名\r\n13900001111,张三\r\n"139 0000 2222","李, 四"\r\n'));
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, phone: "13900001111", name: "张三" },
        { line: 3, phone: "13900002222", name: "李, 四" },
      ],
      malformed: [],
      duplicates: [],
    });
  });

  it("names malformed rows and duplicate phones by their row number", () => {
    const result = parseMemberCsv(utf8("13900001111,张三\n12345,王五\n13900001111,张三又一次\n13900003333\n"));
    expect(result.ok && result.malformed.map((m) => m.line)).toEqual([2, 4]);
    expect(result.ok && result.duplicates).toEqual([{ line: 3, phone: "13900001111" }]);
  });

  it("refuses a file that is not UTF-8 (GBK from an old Excel), an empty one and one too long", () => {
    const gbk = new Uint8Array([0xd5, 0xc5, 0xc8, 0xfd, 0x2c, 0x31, 0x33, 0x39]); // 张三,139 in GBK
    expect(parseMemberCsv(gbk)).toEqual({ ok: false, error: "encoding" });
    expect(parseMemberCsv(utf8("\n\n"))).toEqual({ ok: false, error: "empty" });
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `139${String(i).padStart(8, "0")},人${i}`).join("\n");
    expect(parseMemberCsv(utf8(many))).toEqual({ ok: false, error: "too_many" });
    expect(parseMemberCsv(utf8("手机号\n13900001111\n"))).toEqual({ ok: false, error: "columns" });
  });
});
