import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { type LawLibrary, loadLawLibrary } from "../law.server";
import { compileLesson } from "./compile.server";
import { type Kind, plan, renderPrintSheet } from "./print.server";

let laws: LawLibrary;
beforeAll(async () => {
  laws = await loadLawLibrary(path.resolve("content"));
});

async function sheet(body: string): Promise<string> {
  const result = await compileLesson(`---\ntitle: 测试课\nminutes: 10\n---\n${body}`, {
    hasLawArticle: (law, article) => Boolean(laws.getArticle(law, article)),
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return renderPrintSheet(result.code, laws);
}

describe("the printed 明白纸 of a lesson", () => {
  it("keeps the blocks and the headings over them, and leaves out prose, figures and quizzes", async () => {
    const html = await sheet(`
一段很长的开场白，不印。

## 要点

中间的讲解，也不印。

<Callout type="warning" title="别漏了公示">

盖章前先在小区**公示**。

- 公示七日

</Callout>

<LawArticle law="民法典" article="278" />

## 只有讲解的一节

这一节没有提示框，标题也不印。

<Figure src="/media/plan.png" alt="平面图" caption="总平面图" />

## 怎么办

<Steps>
<Step title="一、拟定方案">

方案里写清楚。

</Step>
<Step title="公示并表决">

公示后表决。

</Step>
</Steps>

<Checklist title="带上这些">
<Item>业主名册</Item>
<Item>表决票</Item>
</Checklist>

<Quiz id="q1">
<Question>谁来表决？</Question>
<Option correct>业主</Option>
<Option>物业</Option>
</Quiz>
`);
    expect(html).toContain("<h2>要点</h2>");
    expect(html).toContain("<h2>怎么办</h2>");
    expect(html).not.toContain("只有讲解的一节");
    expect(html).not.toContain("开场白");
    expect(html).not.toContain("中间的讲解");
    // Inside a kept block everything stays, paragraphs and lists included.
    expect(html).toContain("注意｜别漏了公示");
    expect(html).toContain("<strong>公示</strong>");
    expect(html).toContain("公示七日");
    expect(html).toContain("《民法典》第二百七十八条");
    expect(html).toContain("业主共同决定");
    // An author's own "一、" is not numbered twice; an unnumbered step gets the counter.
    expect(html.match(/content-\[counter\(step\)/g)).toHaveLength(1);
    expect(html.indexOf("content-[counter(step)")).toBeGreaterThan(html.indexOf("一、拟定方案"));
    expect(html).toContain("业主名册");
    expect(html).not.toContain('type="checkbox"');
    expect(html).not.toContain("<img");
    expect(html).not.toContain("总平面图");
    expect(html).not.toContain("谁来表决");
    expect(html).not.toContain("物业</");
  });

  it("falls back to the first paragraphs when a lesson has no blocks, so the sheet is never empty", async () => {
    const html = await sheet(`
## 开头

第一段。

第二段。

- 列表不算段落

第三段。

第四段，不印。
`);
    expect(html).toContain("第一段。");
    expect(html).toContain("第三段。");
    expect(html).not.toContain("第四段");
    expect(html).not.toContain("列表不算段落");
  });
});

describe("plan", () => {
  const h = (level: number): Kind => ({ kind: "heading", level });
  const block: Kind = { kind: "block" };
  const p: Kind = { kind: "paragraph" };

  it("keeps a heading whose section, subsections included, holds a block", () => {
    expect(plan([h(2), p, h(3), p, h(3), block, h(2), p])).toEqual([true, false, false, false, true, true, false, false]);
  });
});
