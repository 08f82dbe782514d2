import { describe, expect, it } from "vitest";
import { composeLessonSource, HEADER_LINES, lessonBody, problemsInBody } from "./lesson-source";
import { compileLesson } from "./mdx/compile.server";
import { attributeText, insertBlock, nextQuizId, snippet, snippetLabels, type SnippetKey } from "./editor-snippets";

const laws = { hasLawArticle: (law: string, article: number) => law === "民法典" && article === 278 };

describe("toolbar snippets", () => {
  for (const key of Object.keys(snippetLabels) as SnippetKey[]) {
    it(`${snippetLabels[key]} compiles as inserted`, async () => {
      const body = insertBlock("第一段。\n", 2, snippet(key, "", key === "figure" ? { src: "/media/abc_DEF-1", alt: "小区\"外景\"" } : undefined)).text;
      const result = await compileLesson(composeLessonSource("试课", 5, body), laws);
      expect(result.ok ? [] : result.problems).toEqual([]);
    });
  }

  it("numbers quizzes past the ones already in the body", () => {
    expect(nextQuizId("")).toBe("quiz-1");
    expect(nextQuizId('<Quiz id="quiz-1">\n<Quiz id="quiz-2">')).toBe("quiz-3");
  });

  it("puts a block on its own lines, after the line the cursor is in", () => {
    const { text, cursor } = insertBlock("第一行\n第二行", 1, "<X />");
    expect(text).toBe("第一行\n\n<X />\n\n第二行");
    expect(text.slice(0, cursor)).toBe("第一行\n\n<X />");
    expect(insertBlock("", 0, "<X />").text).toBe("<X />\n\n");
  });

  it("keeps quotes from breaking an attribute", () => {
    expect(attributeText('说"明"\n两行')).toBe("说”明” 两行");
  });
});

describe("editor source", () => {
  it("composes front matter any title survives, and splits it off again", async () => {
    const title = '标题: "引号" # 井号';
    const source = composeLessonSource(title, 12, "正文\n");
    expect(lessonBody(source)).toBe("正文\n");
    const result = await compileLesson(source, laws);
    expect(result.ok && result.frontmatter).toEqual({ title, minutes: 12 });
  });

  it("reports problems on the body's own lines", async () => {
    const result = await compileLesson(composeLessonSource("试课", 5, "第一行\n\n{1 + 1}\n"), laws);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(problemsInBody(result.problems)[0]?.line).toBe(3);
    expect(problemsInBody([{ line: 2, column: 1, message: "title 不能超过 60 个字" }])[0]).toMatchObject({ line: 0, field: "title" });
    expect(HEADER_LINES).toBe(4);
  });
});
