import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileLesson, splitFrontmatter } from "./compile.server";

const laws = { hasLawArticle: (law: string, article: number) => law === "民法典" && article >= 271 && article <= 287 };
const front = "---\ntitle: 测试课\nminutes: 10\n---\n";
const compile = (body: string) => compileLesson(front + body, laws);
const bodyLine = (n: number) => n + 4; // the front matter takes four lines

async function problemsOf(body: string) {
  const result = await compile(body);
  if (result.ok) throw new Error(`expected a rejection, got code for:\n${body}`);
  return result.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

const dir = mkdtempSync(path.join(tmpdir(), "lesson-attack-"));
const marker = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lessons that are accepted", () => {
  it("compiles Markdown, GFM tables and every block, and extracts quizzes and law references", async () => {
    const result = await compile(`
## 标题

正文，**加粗**，[链接](https://www.gov.cn)，[站内](/courses/x)，![图](/media/a.png)。

| 事项 | 门槛 |
| --- | --- |
| 筹集维修资金 | 四分之三 |

<Callout type="warning" title="注意">

旧规则已废止。

</Callout>

<LawArticle law="民法典" article="278" />

<Steps>
<Step title="第一步">提出方案</Step>
<Step title="第二步">业主表决</Step>
</Steps>

<Checklist title="查验">
<Item>竣工图</Item>
<Item>设备资料</Item>
</Checklist>

<Quiz id="q-threshold">
<Question>筹集维修资金需要多少同意？</Question>
<Option>过半数</Option>
<Option correct>四分之三以上</Option>
<Explanation>第二百七十八条规定筹集维修资金要四分之三以上同意。</Explanation>
</Quiz>

<Figure src="/media/flow.svg" alt="流程图" caption="表决流程" />

{/* 给作者看的注释 */}
`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.frontmatter).toEqual({ title: "测试课", minutes: 10 });
    expect(result.lawRefs).toEqual([{ law: "民法典", article: 278 }]);
    expect(result.quizzes).toEqual([
      {
        key: "q-threshold",
        position: 0,
        question: "筹集维修资金需要多少同意？",
        options: ["过半数", "四分之三以上"],
        correct: [1],
        multiple: false,
        explanation: "第二百七十八条规定筹集维修资金要四分之三以上同意。",
      },
    ]);
    expect(result.plainText).toContain("筹集维修资金");
    expect(result.plainText).not.toContain("第二百七十八条规定筹集"); // explanations are not searchable text
    // Nothing in the compiled code tells which option is right, nor the explanation.
    expect(result.code).not.toMatch(/correct/);
    expect(result.code).not.toContain("第二百七十八条规定筹集");
    expect(result.code).toContain("四分之三以上");
  });

  it("keeps a code fence with import and <script> as text", async () => {
    const result = await compile("```js\nimport fs from 'node:fs'\n<script>alert(1)</script>\nexport const x = {a: 1}\n```\n\n`<script>` 也只是文字。\n");
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.code).toContain("alert(1)");
  });

  it("marks a quiz with several right answers as multiple choice", async () => {
    const result = await compile('<Quiz id="q-m">\n<Question>哪些属于共有部分？</Question>\n<Option correct>屋顶</Option>\n<Option correct>外墙</Option>\n<Option>自家厨房</Option>\n</Quiz>\n');
    expect(result.ok && result.quizzes[0]).toMatchObject({ correct: [0, 1], multiple: true });
  });
});

describe("lessons that are refused, each with line:column and a Chinese message", () => {
  const cases: [string, string, string][] = [
    ["import", 'import fs from "node:fs"\n', `${bodyLine(1)}:1 不允许使用 import 或 export`],
    ["export", "export const x = 1\n", `${bodyLine(1)}:1 不允许使用 import 或 export`],
    ["an expression", "文字 {1 + 1}\n", `${bodyLine(1)}:4 不允许使用 JavaScript 表达式`],
    ["an expression block", "{process.exit(1)}\n", `${bodyLine(1)}:1 不允许使用 JavaScript 表达式`],
    ["a comment that hides code", "{/* a */ process.exit(1) /* b */}\n", `${bodyLine(1)}:1 不允许使用 JavaScript 表达式`],
    ["an unknown component", "<script>alert(1)</script>\n", `${bodyLine(1)}:1 不允许使用 <script>`],
    ["a lowercase HTML tag", '<img src="x" onerror="alert(1)" />\n', `${bodyLine(1)}:1 不允许使用 <img>`],
    ["an iframe", '<iframe src="https://evil.example" />\n', `${bodyLine(1)}:1 不允许使用 <iframe>`],
    ["a fragment", "<>文字</>\n", `${bodyLine(1)}:1 不允许使用空标签`],
    ["an event handler", '<Callout onClick="alert(1)">x</Callout>\n', `${bodyLine(1)}:10 不允许使用属性 onClick`],
    ["style", '<Callout style="color:red">x</Callout>\n', `${bodyLine(1)}:10 不允许使用属性 style`],
    ["className", '<Callout className="x">x</Callout>\n', `${bodyLine(1)}:10 不允许使用属性 className`],
    ["ref", '<Callout ref="x">x</Callout>\n', `${bodyLine(1)}:10 不允许使用属性 ref`],
    ["dangerouslySetInnerHTML", '<Callout dangerouslySetInnerHTML="x">x</Callout>\n', `${bodyLine(1)}:10 不允许使用属性 dangerouslySetInnerHTML`],
    ["a spread", "<Callout {...props}>x</Callout>\n", `${bodyLine(1)}:10 不允许使用展开属性`],
    ["an expression attribute", "<Callout title={alert(1)}>x</Callout>\n", `${bodyLine(1)}:10 属性 title 的值只能是文字、数字或 true/false`],
    ["an unknown attribute", '<Callout href="x">x</Callout>\n', `${bodyLine(1)}:10 <Callout> 没有属性 href`],
    ["a bad callout type", '<Callout type="danger">x</Callout>\n', `${bodyLine(1)}:10 属性 type 只能是 tip、warning、note、law`],
    ["a javascript: link", "[点我](javascript:alert(1))\n", `${bodyLine(1)}:1 不允许的链接地址`],
    ["a data: image", "![x](data:image/svg+xml;base64,PHN2Zz4=)\n", `${bodyLine(1)}:1 不允许的链接地址`],
    ["a protocol-relative link", "[x](//evil.example/a)\n", `${bodyLine(1)}:1 不允许的链接地址`],
    ["a link reference to javascript:", "[x][a]\n\n[a]: javascript:alert(1)\n", `${bodyLine(3)}:1 不允许的链接地址`],
    ["a figure outside the media store", '<Figure src="https://evil.example/a.png" alt="x" />\n', `${bodyLine(1)}:9 图片地址只能是媒体库中的 /media/… 文件`],
    ["a figure without alt", '<Figure src="/media/a.png" />\n', `${bodyLine(1)}:1 <Figure> 缺少属性 alt`],
    ["an unknown law", '<LawArticle law="物权法" article="76" />\n', `${bodyLine(1)}:1 找不到《物权法》第 76 条`],
    ["an unknown article", '<LawArticle law="民法典" article="9999" />\n', `${bodyLine(1)}:1 找不到《民法典》第 9999 条`],
    ["a non-numeric article", '<LawArticle law="民法典" article="二七八" />\n', `${bodyLine(1)}:23 属性 article 应为 1 到 9999 之间的整数`],
    ["a Step outside Steps", '<Step title="x">y</Step>\n', `${bodyLine(1)}:1 <Step>（步骤中的一步）只能直接放在 <Steps> 里`],
    ["an Option outside a Quiz", "<Option correct>x</Option>\n", `${bodyLine(1)}:1 <Option>（选项）只能直接放在 <Quiz> 里`],
    ["a quiz without a right answer", '<Quiz id="q">\n<Question>?</Question>\n<Option>a</Option>\n<Option>b</Option>\n</Quiz>\n', `${bodyLine(1)}:1 <Quiz> 至少要有一个正确选项`],
    ["a quiz with one option", '<Quiz id="q">\n<Question>?</Question>\n<Option correct>a</Option>\n</Quiz>\n', `${bodyLine(1)}:1 每个 <Quiz> 要有 2–6 个 <Option>`],
    ["a quiz with a bad id", '<Quiz id="Q 1">\n<Question>?</Question>\n<Option correct>a</Option>\n<Option>b</Option>\n</Quiz>\n', `${bodyLine(1)}:7 测验 id 只能用小写英文字母、数字和连字符`],
    ["a quiz inside a callout", '<Callout>\n\n<Quiz id="q">\n<Question>?</Question>\n<Option correct>a</Option>\n<Option>b</Option>\n</Quiz>\n\n</Callout>\n', `${bodyLine(3)}:1 <Quiz>（测验）要单独成段`],
    ["a quiz inside a list", '- <Quiz id="q">\n  <Question>?</Question>\n  <Option correct>a</Option>\n  <Option>b</Option>\n  </Quiz>\n', `${bodyLine(1)}:3 <Quiz>（测验）要单独成段`],
    ["two quizzes with one id", '<Quiz id="q">\n<Question>?</Question>\n<Option correct>a</Option>\n<Option>b</Option>\n</Quiz>\n\n<Quiz id="q">\n<Question>?</Question>\n<Option correct>a</Option>\n<Option>b</Option>\n</Quiz>\n', `${bodyLine(7)}:1 测验 id "q" 在本课中重复了`],
    ["other markdown inside Steps", "<Steps>\n\n一段文字\n\n</Steps>\n", `${bodyLine(3)}:1 <Steps> 里只能放 <Step>`],
    ["an unclosed tag", "<Callout>\n\n文字\n", `${bodyLine(1)}:1 标签没有正确闭合`],
    ["a stray brace", "正文 { 没有闭合\n", `${bodyLine(1)}:10 花括号 { } 有误`],
  ];

  for (const [name, body, expected] of cases) {
    it(`refuses ${name}`, async () => {
      const problems = await problemsOf(body);
      expect(problems.some((p) => p.startsWith(expected)), `got: ${problems.join(" | ")}`).toBe(true);
    });
  }

  it("refuses front matter that is not YAML, without running it", async () => {
    const file = marker("frontmatter-js");
    const result = await compileLesson(`---js\nrequire("fs").writeFileSync(${JSON.stringify(file)}, "x")\n---\n正文\n`, laws);
    expect(result).toEqual({ ok: false, problems: [{ line: 1, column: 4, message: "标题区只能用 YAML 格式，不能用“js”" }] });
    expect(existsSync(file)).toBe(false);
  });

  it("refuses a missing or bad front matter with the field named", async () => {
    expect(splitFrontmatter("正文")).toMatchObject({ ok: false, problems: [{ line: 1, message: expect.stringContaining("title") }] });
    expect(splitFrontmatter("---\ntitle: x\nminutes: 很多\n---\n")).toMatchObject({
      ok: false,
      problems: [{ line: 3, message: "minutes（预计学习分钟数）应为数字" }],
    });
  });

  it("never runs code that would write a file: esm, expressions, attribute expressions", async () => {
    const attempts = [
      `import fs from "node:fs"\nfs.writeFileSync(${JSON.stringify(marker("a"))}, "x")\n`,
      `export const x = require("fs").writeFileSync(${JSON.stringify(marker("b"))}, "x")\n`,
      `{require("fs").writeFileSync(${JSON.stringify(marker("c"))}, "x")}\n`,
      `<Callout title={require("fs").writeFileSync(${JSON.stringify(marker("d"))}, "x")}>x</Callout>\n`,
      `<Callout {...require("fs").writeFileSync(${JSON.stringify(marker("e"))}, "x")}>x</Callout>\n`,
      `import x from ${JSON.stringify(path.resolve("package.json"))}\n`,
    ];
    for (const body of attempts) expect((await compile(body)).ok).toBe(false);
    for (const name of ["a", "b", "c", "d", "e"]) expect(existsSync(marker(name))).toBe(false);
  });

  it("refuses lessons over 1 MB", async () => {
    expect(await problemsOf("字".repeat(400_000))).toEqual(["1:1 课文超过 1 MB，请拆成几课"]);
  });

  it("ends pathological nesting with an error, not a crash or a hang", async () => {
    const started = Date.now();
    const deepQuote = `${">".repeat(10_000)} 深\n`;
    const deepTags = `${"<Callout>\n\n".repeat(20_000)}深${"\n\n</Callout>".repeat(20_000)}\n`;
    const deepList = Array.from({ length: 600 }, (_, i) => `${"  ".repeat(i)}- 项`).join("\n");
    const deepBold = `${"**".repeat(2_000)}深${"**".repeat(2_000)}\n`;
    const expectations: [string, string][] = [
      [deepQuote, `${bodyLine(1)}:1 嵌套层级过深`],
      [deepTags, `${bodyLine(81)}:1 嵌套层级过深`],
      [deepList, `${bodyLine(34)}:1 嵌套层级过深`],
      [deepBold, `${bodyLine(1)}:1 这一段里的 * _ [ ] ~ 符号太多`],
    ];
    for (const [body, expected] of expectations) {
      const problems = await problemsOf(body);
      expect(problems[0]).toMatch(new RegExp(`^${expected.replace(/[*[\]]/g, "\\$&")}`));
    }
    // Each is refused before the parser runs, so all four take milliseconds, not seconds.
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
