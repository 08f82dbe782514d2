import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, formatCertificateCode, generateCertificateCode, normalizeCertificateCode } from "./certificate-code";

describe("certificate codes", () => {
  it("never uses characters people confuse", () => {
    for (const c of "01ILO") expect(CODE_ALPHABET).not.toContain(c);
    for (let i = 0; i < 200; i++) expect(generateCertificateCode()).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
  });

  it("accepts what people type: lower case, a dash, spaces, full-width", () => {
    expect(normalizeCertificateCode("abcd-efgh")).toBe("ABCDEFGH");
    expect(normalizeCertificateCode(" ABCD EFGH ")).toBe("ABCDEFGH");
    expect(normalizeCertificateCode("ＡＢＣＤ－ＥＦＧＨ")).toBe("ABCDEFGH");
    expect(formatCertificateCode("ABCDEFGH")).toBe("ABCD-EFGH");
  });

  it("refuses anything that cannot be a code", () => {
    for (const bad of ["", "ABC", "ABCDEFGHJ", "ABCD-EFG0", "ABCDEFGI", "<script>", "../../etc"]) {
      expect(normalizeCertificateCode(bad)).toBeNull();
    }
  });
});
