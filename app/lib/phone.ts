/** Mainland China mobile numbers: 11 digits starting 13–19. */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/** Accepts what people type: spaces, dashes, a +86 / 86 prefix, full-width digits. */
export function normalizePhone(input: string): string {
  const ascii = input.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const digits = ascii.replace(/[\s\-()（）]/g, "");
  return digits.replace(/^(\+?86)(?=1\d{10}$)/, "");
}

export function isValidPhone(phone: string): boolean {
  return PHONE_PATTERN.test(phone);
}

/** 138****1234 — shown everywhere except the owner's own profile. */
export function maskPhone(phone: string): string {
  if (phone.length !== 11) return "*".repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(7)}`;
}

/** 张*明 / 张* — how a name appears to anyone but its owner (e.g. on a certificate check). */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return chars.join("");
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}
