/** Words of offline reading and the completions kept on the phone (part of `t`, as `t.offline`). */
export const offline = {
  banner: "离线 · 已保存的课文仍可阅读",
  /** 完成本课 pressed with no network: kept in the phone's outbox. */
  queued: "已保存在手机上，联网后自动提交",
  /** Back online: the outbox was sent. */
  sent: (n: number) => `离线时完成的 ${n} 课已提交`,
  /** The server refused a kept completion (e.g. the login expired, the lesson was withdrawn). */
  refused: (lesson: string, reason: string) => `离线时完成的“${lesson}”没能提交：${reason}`,
  dismiss: "知道了",
  /** 完成本课 online, but the server failed (5xx): nothing was kept. */
  failed: "提交没有成功，请稍后再试。",
  quizNeedsNetwork: "测验需要联网提交",
  /** The service worker's page for an address it has no copy of. */
  page: {
    title: "你现在离线",
    body: "你现在离线，已打开过的课文仍可阅读。",
    saved: "已保存的课文",
    none: "手机上还没有保存的课文：联网时打开过的课文会自动保存。",
    home: "返回首页",
  },
} as const;
