/**
 * npx tsx scripts/import-law.ts [source-dir]
 *
 * Turns the verbatim legal texts in ../shared/law/*.md (or source-dir) into content/law/*.yaml,
 * one file per law, for <LawArticle law="…" article="…" />. Article text must stay byte-for-byte
 * what the source says, so every step that could lose or alter text fails instead: unknown lines,
 * unreadable numerals, gaps or repeats in the numbering. Before anything is written, each article
 * in the generated YAML is checked once more against the raw source lines by a separate,
 * deliberately simple matcher.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse, Scalar, stringify } from "yaml";
import { articleLabel, parseChineseNumber } from "../app/lib/chinese-numerals";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));
const sourceDir = path.resolve(process.argv[2] ?? path.join(repoRoot, "../shared/law"));
const outDir = path.join(repoRoot, "content/law");

interface LawSpec {
  file: string;
  law: string;
  title: string;
  aliases: string[];
  kind: "法律" | "行政法规" | "地方性法规" | "司法解释";
  sources: string[];
}

const SPC_QUFEN = "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释";
const SPC_WUYE = "最高人民法院关于审理物业服务纠纷案件适用法律若干问题的解释";

const civilCode = ["民法典-物权编-第六章-业主的建筑物区分所有权.md", "民法典-合同编-第二十四章-物业服务合同.md", "民法典-附则.md"];
const LAWS: LawSpec[] = [
  // The academy only needs these extracts of the civil code; together they are one law.
  { file: "minfadian.yaml", law: "民法典", title: "中华人民共和国民法典", aliases: ["中华人民共和国民法典"], kind: "法律", sources: civilCode },
  { file: "wuye-guanli-tiaoli.yaml", law: "物业管理条例", title: "物业管理条例", aliases: [], kind: "行政法规", sources: ["物业管理条例(2018-03-19).md"] },
  { file: "hangzhou-wuye-guanli-tiaoli.yaml", law: "杭州市物业管理条例", title: "杭州市物业管理条例", aliases: [], kind: "地方性法规", sources: ["杭州市物业管理条例(2021-08-09).md"] },
  { file: "spc-qufen-suoyouquan.yaml", law: "建筑物区分所有权解释", title: SPC_QUFEN, aliases: [SPC_QUFEN, "建筑物区分所有权司法解释"], kind: "司法解释", sources: [`${SPC_QUFEN}(2020-12-29).md`] },
  { file: "spc-wuye-fuwu.yaml", law: "物业服务纠纷解释", title: SPC_WUYE, aliases: [SPC_WUYE, "物业服务纠纷司法解释"], kind: "司法解释", sources: [`${SPC_WUYE}(2020-12-29).md`] },
];

const NUMERAL = "[零〇一二三四五六七八九十百千两]+";
const ARTICLE_START = new RegExp(`^第(${NUMERAL})条[ \u3000](.*)$`);
// Broader than ARTICLE_START on purpose: a typo in a number (第九拾条) must stop the import, not
// turn the article into a paragraph of the one before it.
const LOOKS_LIKE_ARTICLE = /^第[^，。；：“”《》]{1,10}?条/;
const DIVISION = new RegExp(`^(第(${NUMERAL})([章节]))\\s*(.*)$`);
const DATE_LINE = /^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(.*)$/;
const CJK = "[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]";

interface Article {
  number: number;
  part?: string;
  chapter?: string;
  section?: string;
  paragraphs: string[];
}

interface Source {
  file: string;
  title: string;
  history: string[];
  preamble: string[];
  articles: Article[];
}

/** One pass over a source file; every non-empty line must be understood, or the import stops. */
function parseSource(file: string, text: string): Source {
  const fail = (line: number, why: string): never => {
    throw new Error(`${file}:${line}: ${why}`);
  };
  if (text.includes("\r")) fail(1, "contains \\r; convert the file to \\n line endings first");

  const source: Source = { file, title: "", history: [], preamble: [], articles: [] };
  let inBody = false;
  let part: string | undefined;
  let chapter: string | undefined;
  let section: string | undefined;
  let current: Article | undefined;
  let sawDivision = false;

  text.split("\n").forEach((line, index) => {
    const lineNo = index + 1;
    if (line.trim() === "") return;
    const heading = /^(#{1,6})(?:\s+(.*))?$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const content = (heading[2] ?? "").trim();
      current = undefined;
      if (level === 1 && !source.title) source.title = content;
      else if (level === 1) {
        // Further top-level titles in an extract (# 物权编, # 附则) name the part of the code.
        if (content !== source.title) [part, chapter, section] = [content, undefined, undefined];
      } else if (content === "") {
        // 民法典-附则.md opens its body with a bare "##": the articles there belong to no chapter.
        [chapter, section, inBody, sawDivision] = [undefined, undefined, true, true];
      } else {
        const division = DIVISION.exec(content);
        if (!division) fail(lineNo, `heading not understood: ${line}`);
        parseChineseNumber(division![2]!); // a garbled 第X章 should stop the import like a garbled 第X条
        const name = headingName(division![1]!, division![4]!);
        if (division![3] === "章") [chapter, section] = [name, undefined];
        else section = name;
        [inBody, sawDivision] = [true, true];
      }
      return;
    }
    if (line.trim() === "<!-- INFO END -->") {
      if (inBody) fail(lineNo, "INFO END after the body has begun");
      inBody = true;
      return;
    }
    const date = DATE_LINE.exec(line);
    if (!inBody && source.articles.length === 0 && date) {
      source.history.push(line.trim());
      return;
    }
    const start = ARTICLE_START.exec(line);
    if (start) {
      inBody = true;
      const number = parseChineseNumber(start[1]!);
      const first = start[2]!;
      const previous = source.articles.at(-1);
      if (previous && number !== previous.number + 1) fail(lineNo, `${articleLabel(number)} follows ${articleLabel(previous.number)}`);
      current = { number, part, chapter, section, paragraphs: [checkedParagraph(first, lineNo)] };
      source.articles.push(current);
      return;
    }
    if (LOOKS_LIKE_ARTICLE.test(line)) fail(lineNo, `looks like an article start but is not "第<number>条 <text>": ${line}`);
    if (current) current.paragraphs.push(checkedParagraph(line, lineNo));
    else if (!inBody) fail(lineNo, `metadata line not understood: ${line}`);
    else if (source.articles.length === 0 && !sawDivision) source.preamble.push(checkedParagraph(line, lineNo));
    else fail(lineNo, `text outside any article: ${line}`);
  });

  function checkedParagraph(text: string, lineNo: number): string {
    // Stray whitespace would be invisible in YAML and in the page; have a human look at it.
    if (text === "" || text.trim() !== text) fail(lineNo, "paragraph is empty or has leading/trailing whitespace");
    return text;
  }

  if (!source.title) fail(1, "no # title");
  if (source.articles.length === 0) fail(1, "no articles found");
  return source;
}

/** 第一章  总  则 → 第一章 总则: the wide spacing is typesetting, not part of the name. */
function headingName(numbered: string, title: string): string {
  const name = title.replace(new RegExp(`(${CJK})\\s+(?=${CJK})`, "g"), "$1").replace(/\s+/g, " ");
  return name ? `${numbered} ${name}` : numbered;
}

const isoDate = (y: string, m: string, d: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;

function datesOf(spec: LawSpec, sources: Source[], articles: Article[]): { adopted?: string; effective?: string } {
  const history = sources[0]!.history;
  const dated = history.map((line) => DATE_LINE.exec(line)!);
  const adoptedLine = dated.find((m) => /(通过|公布)$/.test(m[4]!));
  const effectiveLine = dated.find((m) => /^施行$/.test(m[4]!));
  // Where the metadata is silent the text's own commencement clause (本条例自…起施行) is the source.
  let fromText: string | undefined;
  for (const article of articles) {
    const m = /^本(?:法|条例|解释|规定)自(\d{4})年(\d{1,2})月(\d{1,2})日起施行。/.exec(article.paragraphs[0]!);
    if (m) fromText = isoDate(m[1]!, m[2]!, m[3]!);
  }
  const fromMeta = effectiveLine && isoDate(effectiveLine[1]!, effectiveLine[2]!, effectiveLine[3]!);
  if (fromMeta && fromText && fromMeta !== fromText) throw new Error(`${spec.law}: metadata says 施行 ${fromMeta}, the text says ${fromText}`);
  return { adopted: adoptedLine && isoDate(adoptedLine[1]!, adoptedLine[2]!, adoptedLine[3]!), effective: fromMeta ?? fromText };
}

function buildLaw(spec: LawSpec, sources: Source[]) {
  for (const source of sources) {
    if (source.title !== spec.title) throw new Error(`${source.file}: title 「${source.title}」, expected 「${spec.title}」`);
    if (source.history.join("\n") !== sources[0]!.history.join("\n")) throw new Error(`${source.file}: metadata differs from ${sources[0]!.file}`);
  }
  const articles = sources.flatMap((s) => s.articles).sort((a, b) => a.number - b.number);
  articles.forEach((a, i) => {
    if (i > 0 && articles[i - 1]!.number === a.number) throw new Error(`${spec.law}: ${articleLabel(a.number)} appears twice`);
  });
  const preamble = sources.flatMap((s) => s.preamble);
  const literal = (text: string) => Object.assign(new Scalar(text), { type: Scalar.BLOCK_LITERAL });
  const quoted = (text: string | undefined) => (text === undefined ? undefined : Object.assign(new Scalar(text), { type: Scalar.QUOTE_DOUBLE }));
  const { adopted, effective } = datesOf(spec, sources, articles);
  const data = {
    law: spec.law,
    title: spec.title,
    aliases: spec.aliases,
    kind: spec.kind,
    adopted: quoted(adopted),
    effective: quoted(effective),
    source: spec.sources,
    history: sources[0]!.history,
    preamble: preamble.length > 0 ? literal(preamble.join("\n")) : undefined,
    articles: new Map(
      articles.map((a) => [a.number, { part: a.part, chapter: a.chapter, section: a.section, text: literal(a.paragraphs.join("\n")) }]),
    ),
  };
  const header = [
    `# 由 scripts/import-law.ts 从 ../shared/law 生成，请勿手工编辑；原文更新后重新运行 npx tsx scripts/import-law.ts。`,
    `# Generated from ../shared/law by scripts/import-law.ts. Do not edit by hand.`,
    "",
  ].join("\n");
  return { yaml: header + stringify(data, { lineWidth: 0, minContentWidth: 0 }), count: articles.length, articles };
}

/**
 * Independent check of the written YAML against the raw source lines: "第X条 " + first paragraph
 * is a line of exactly one source, the other paragraphs are the following non-empty lines, and
 * after them comes a heading, the next article or the end of the file.
 */
function verifyAgainstSources(spec: LawSpec, yamlText: string, expected: Article[], rawSources: Map<string, string[]>) {
  const written = parse(yamlText) as { law: string; articles: Record<string, { text: string }> };
  const problems: string[] = [];
  const keys = Object.keys(written.articles);
  if (written.law !== spec.law || keys.length !== expected.length) problems.push(`re-read YAML has ${keys.length} articles, expected ${expected.length}`);
  let startLines = 0;
  for (const lines of rawSources.values()) startLines += lines.filter((l) => ARTICLE_START.test(l)).length;
  if (startLines !== keys.length) problems.push(`sources have ${startLines} article lines, YAML has ${keys.length} articles`);

  for (const key of keys) {
    const number = Number(key);
    const paragraphs = written.articles[key]!.text.split("\n");
    const want = expected.find((a) => a.number === number)?.paragraphs.join("\n");
    if (want !== written.articles[key]!.text) problems.push(`${key}: YAML round trip changed the text`);
    const firstLines = [`${articleLabel(number)} ${paragraphs[0]}`, `${articleLabel(number)}\u3000${paragraphs[0]}`];
    const hits = [...rawSources].flatMap(([file, lines]) =>
      lines.flatMap((line, i) => (firstLines.includes(line) ? [{ file, lines, i }] : [])),
    );
    if (hits.length !== 1) {
      problems.push(`${articleLabel(number)}: first paragraph found ${hits.length} times in the sources`);
      continue;
    }
    const { file, lines, i } = hits[0]!;
    const following = lines.slice(i + 1).filter((l) => l.trim() !== "");
    paragraphs.slice(1).forEach((p, k) => {
      if (following[k] !== p) problems.push(`${articleLabel(number)} paragraph ${k + 2} is not verbatim line-for-line in ${file}`);
    });
    const next = following[paragraphs.length - 1];
    if (next !== undefined && !next.startsWith("#") && !ARTICLE_START.test(next)) problems.push(`${articleLabel(number)}: a paragraph of ${file} was left out: ${next}`);
  }
  if (problems.length > 0) throw new Error(`${spec.file} does not match the sources:\n  ${problems.join("\n  ")}`);
}

async function main() {
  const outputs: { spec: LawSpec; yaml: string; count: number; range: string }[] = [];
  for (const spec of LAWS) {
    const raw = new Map<string, string[]>();
    const sources: Source[] = [];
    for (const file of spec.sources) {
      const text = await readFile(path.join(sourceDir, file), "utf8");
      raw.set(file, text.split("\n"));
      sources.push(parseSource(file, text));
    }
    const { yaml, count, articles } = buildLaw(spec, sources);
    verifyAgainstSources(spec, yaml, articles, raw);
    const runs = articles.reduce<[number, number][]>((acc, a) => {
      const last = acc.at(-1);
      if (last && a.number === last[1] + 1) last[1] = a.number;
      else acc.push([a.number, a.number]);
      return acc;
    }, []);
    outputs.push({ spec, yaml, count, range: runs.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(", ") });
  }
  // Only write once every law has passed, so a failed run leaves the previous files intact.
  await mkdir(outDir, { recursive: true });
  for (const { spec, yaml, count, range } of outputs) {
    await writeFile(path.join(outDir, spec.file), yaml, "utf8");
    console.log(`${path.relative(repoRoot, path.join(outDir, spec.file))}: ${spec.law} ${count} 条 (${range})`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
