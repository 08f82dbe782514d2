/**
 * Synonyms people use for the same thing. A query term that contains any word of a group also
 * matches the text written with every other word of that group (维修基金 finds 维修资金).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ["维修资金", "维修基金", "专项维修资金", "住宅专项维修资金"],
  ["业主委员会", "业委会"],
  ["物业服务企业", "物业公司", "物业服务人"],
  ["承接查验", "接管验收"],
  ["业主大会", "业主会议"],
];

export const MAX_QUERY_LENGTH = 50;

/** Terms of a query (split on spaces), each with the spellings it should also match. */
export function expandQuery(query: string): string[][] {
  const terms = query
    .normalize("NFKC")
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5);
  return terms.map((term) => {
    const variants = new Set([term]);
    for (const group of SYNONYM_GROUPS) {
      for (const word of group) {
        if (!term.includes(word)) continue;
        for (const other of group) variants.add(term.replace(word, other));
      }
    }
    return [...variants];
  });
}

/** A short piece of text around the first match, split so the match can be highlighted. */
export function snippet(text: string, variants: string[], radius = 40): { before: string; match: string; after: string } | null {
  let best: { index: number; word: string } | null = null;
  const lower = text.toLowerCase();
  for (const v of variants) {
    const index = lower.indexOf(v.toLowerCase());
    if (index !== -1 && (best === null || index < best.index)) best = { index, word: text.slice(index, index + v.length) };
  }
  if (!best) return null;
  const start = Math.max(0, best.index - radius);
  const end = Math.min(text.length, best.index + best.word.length + radius * 2);
  const clean = (s: string) => s.replace(/\s+/g, " ");
  return {
    before: (start > 0 ? "…" : "") + clean(text.slice(start, best.index)),
    match: best.word,
    after: clean(text.slice(best.index + best.word.length, end)) + (end < text.length ? "…" : ""),
  };
}
