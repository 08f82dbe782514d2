/** Words of the printable 明白纸 page around the sheet (part of `t`, as `t.print`): the reader's language. */
export const print = {
  link: "打印明白纸",
  title: (lesson: string) => `明白纸：${lesson}`,
  button: "打印",
  hint: "用 A4 纸打印，一到两页；打印出来分左右两栏。",
  back: "返回课文",
} as const;

/**
 * Words printed on the sheet itself. A 明白纸 is a Chinese handout for residents, like the lesson it
 * comes from, whatever language the liaison who prints it reads the site in: not part of `t`.
 */
export const sheetWords = {
  heading: "三方学院 · 明白纸",
  lessonOf: (course: string, n: number) => `${course} · 第 ${n} 课`,
  scan: "扫码看全文、做测验",
  printedOn: "印制日期：",
  /** YYYY-MM-DD → 2026年11月29日, whatever the UI language (the sheet is Chinese). */
  date: (day: string) => {
    const [y, m, d] = day.split("-").map(Number);
    return `${y}年${m}月${d}日`;
  },
  issuer: "拱墅区三方学院",
  callout: { tip: "提示", warning: "注意", note: "说明", law: "法律规定" },
} as const;
