/**
 * What 朗读 reads, in order: the lesson's title, then every block of text as the page shows it —
 * headings, paragraphs, list items and steps, callouts, law articles, checklists, table rows, and
 * quizzes as question then options. One chunk per block: the page can mark what is being read, and
 * short utterances dodge Chrome's habit of cutting long ones off after about 15 seconds.
 */
export const READABLE = "h1, h2, h3, h4, p, li, legend, label, figcaption, blockquote, tr, dt, dd";

/** Blocks under `root` in document order; a block inside one already taken is read with it, not again. */
export function readableBlocks(root: ParentNode): HTMLElement[] {
  const taken: HTMLElement[] = [];
  for (const element of Array.from(root.querySelectorAll<HTMLElement>(READABLE))) {
    if (element.closest("[data-read-aloud='skip'], .sr-only")) continue;
    if (taken.some((outer) => outer.contains(element))) continue;
    if (!isShown(element) || !spokenText(element)) continue;
    taken.push(element);
  }
  return taken;
}

/** The words of a block, with runs of whitespace made one (line breaks in the HTML are not pauses). */
export function spokenText(element: HTMLElement): string {
  return (element.innerText ?? element.textContent ?? "").replace(/\s+/g, " ").trim();
}

function isShown(element: HTMLElement): boolean {
  // innerText is layout-aware in browsers; jsdom-less tests pass elements without layout.
  return !element.hidden && element.getAttribute("aria-hidden") !== "true";
}

/**
 * A Mandarin voice for mainland readers: zh-CN (zh_CN on some Android builds, zh-Hans-CN, cmn-Hans-CN),
 * else one tagged only as Mandarin (`cmn`, as Linux's speech-dispatcher/espeak-ng names it, or bare
 * `zh`). Never zh-TW / zh-HK (traditional characters, Cantonese) or yue.
 */
export function pickChineseVoice<V extends { lang: string; default?: boolean; localService?: boolean }>(voices: readonly V[]): V | null {
  const best = (list: V[]) => list.find((v) => v.localService) ?? list.find((v) => v.default) ?? list[0] ?? null;
  const mainland = voices.filter((v) => /^(zh|cmn)([-_]Hans)?[-_]CN$/i.test(v.lang));
  return best(mainland) ?? best(voices.filter((v) => /^(zh|cmn)([-_]Hans)?$/i.test(v.lang)));
}

export const SPEEDS = [0.75, 1, 1.25, 1.5] as const;
