import { randomInt } from "node:crypto";

/**
 * Certificate codes: 8 characters from 31 that cannot be mistaken for each other when read
 * aloud or copied from paper (no 0/O, 1/I/L). 31^8 ≈ 8.5 × 10^11: unguessable by browsing.
 * Shown as ABCD-EFGH; typed in any case, with or without the dash or spaces.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 8;

export function generateCertificateCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The stored form of what someone typed, or null if it cannot be a code. */
export function normalizeCertificateCode(input: string): string | null {
  const code = input
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\-－—_]/g, "")
    .toUpperCase();
  if (code.length !== CODE_LENGTH) return null;
  return [...code].every((c) => CODE_ALPHABET.includes(c)) ? code : null;
}

export function formatCertificateCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}
