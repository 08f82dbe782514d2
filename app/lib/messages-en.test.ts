import { describe, expect, it } from "vitest";
import { zh } from "./messages";
import { en } from "./messages-en";

/**
 * Chinese deliberately kept in the English dictionary, by key path, with the exact words allowed.
 * Anything else in CJK script (including full-width punctuation) fails the test.
 */
const KEPT_CHINESE: Record<string, { words: string[]; reason: string }> = {
  "prefs.switchLanguage": {
    words: ["中文"],
    reason: "the language switch names the language it switches to in that language, for readers of it (marked lang=\"zh\")",
  },
  "search.placeholder": {
    words: ["维修资金"],
    reason: "lessons are Chinese and search matches their text, so an example query must be Chinese to find anything",
  },
  "search.none": {
    words: ["维修资金", "业主大会"],
    reason: "suggested queries to try; English words would find nothing in Chinese lessons",
  },
  "auth.displayNameHint": {
    words: ["张*明"],
    reason: "shows how maskName shortens a (Chinese) name on public certificates; a Latin example would not match what happens",
  },
  "authoring.media.altHint": {
    words: ["德胜社区红色三方邻里坊外景"],
    reason: "alt text is lesson content, which stays Chinese; the example shows what to write",
  },
};

const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

type Leaf = { path: string; zh: unknown; en: unknown };

/** Both dictionaries side by side, leaf by leaf, failing on a key missing from either side or out of order. */
function leaves(a: unknown, b: unknown, path: string[] = []): Leaf[] {
  if (typeof a === "object" && a !== null) {
    const where = path.join(".") || "(root)";
    expect(typeof b, `${where} is an object in zh`).toBe("object");
    expect(b, `${where} is an object in zh`).not.toBeNull();
    expect(Object.keys(b as object), `keys of ${where}`).toEqual(Object.keys(a));
    return Object.keys(a).flatMap((key) => leaves((a as any)[key], (b as any)[key], [...path, key]));
  }
  return [{ path: path.join("."), zh: a, en: b }];
}

/** Arguments a message function can be called with: numbers are used as numbers and as strings ("1.5" hours). */
const PROBES: unknown[][] = [[1], [2], [0], [null], ["1.5"], ["名字"]];

/** What a leaf shows: the string, or each text a function returns for the probe arguments. */
function texts(leaf: Leaf): { zh: unknown; en: unknown; args: unknown[] }[] {
  if (typeof leaf.zh !== "function") return [{ zh: leaf.zh, en: leaf.en, args: [] }];
  const fz = leaf.zh as (...args: unknown[]) => unknown;
  const fe = leaf.en as (...args: unknown[]) => unknown;
  return PROBES.map((probe) => {
    const args = Array.from({ length: fz.length }, () => probe[0]);
    return { zh: fz(...args), en: fe(...args), args };
  });
}

describe("English messages", () => {
  const all = () => leaves(zh, en);

  it("has every key of zh, in the same order, with the same kind of value", () => {
    expect(all().length).toBeGreaterThan(500);
    for (const leaf of all()) {
      expect(typeof leaf.en, leaf.path).toBe(typeof leaf.zh);
      if (typeof leaf.zh === "function") {
        expect((leaf.en as Function).length, `${leaf.path} parameters`).toBe((leaf.zh as Function).length);
      }
    }
  });

  it("gives a non-empty text wherever zh gives one", () => {
    for (const leaf of all()) {
      for (const text of texts(leaf)) {
        expect(typeof text.en, `${leaf.path}(${text.args.join(", ")})`).toBe(typeof text.zh);
        if (typeof text.zh === "string") expect((text.en as string).trim(), `${leaf.path}(${text.args.join(", ")})`).not.toBe("");
      }
    }
  });

  it("has no Chinese except the listed examples", () => {
    for (const leaf of all()) {
      const kept = KEPT_CHINESE[leaf.path]?.words ?? [];
      for (const text of texts(leaf)) {
        if (typeof text.en !== "string") continue;
        // Probe arguments that are themselves Chinese come back interpolated; they are not the dictionary's words.
        let rest = text.args.reduce<string>((s, arg) => (typeof arg === "string" ? s.split(arg).join("") : s), text.en);
        for (const word of kept) {
          expect(rest, `${leaf.path} keeps “${word}”`).toContain(word);
          rest = rest.split(word).join("");
        }
        expect(rest, leaf.path).not.toMatch(CJK);
      }
    }
  });

  it("lists only exceptions that exist", () => {
    const paths = new Set(all().map((leaf) => leaf.path));
    for (const path of Object.keys(KEPT_CHINESE)) expect(paths.has(path), path).toBe(true);
  });

  it("pluralises counts", () => {
    expect(en.course.lessons(1)).toBe("1 lesson");
    expect(en.course.lessons(3)).toBe("3 lessons");
    expect(en.course.hours("1.0")).toBe("1 study hour");
    expect(en.course.hours("1.5")).toBe("1.5 study hours");
    expect(en.camps.importMalformed(1)).toBe("1 row has format errors and was skipped:");
    expect(en.camps.importMalformed(2)).toBe("2 rows have format errors and were skipped:");
  });
});
