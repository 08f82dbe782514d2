import type { LearnerIdentity } from "../../db/schema";
import { authoring } from "./messages-authoring";
import { camps } from "./messages-camps";
import { print } from "./messages-print";
import { offline } from "./messages-offline";
import { reports } from "./messages-reports";

/**
 * Every piece of UI text, in one place, so English (or 长辈版 wording) can follow without touching
 * components. Functions take the values they interpolate.
 */
export const zh = {
  site: {
    name: "三方学院",
    tagline: "拱墅区业委会、居委会、物业三方的学习平台",
    description: "为业委会委员和候选人、小区专员、社区工作者和物业人员开设的在线课程、训练营和证书。",
    skipToContent: "跳到正文",
    footer: "杭州市拱墅区 三方学院",
  },
  prefs: {
    barLabel: "阅读设置",
    elder: "长辈版",
    on: "开",
    off: "关",
    elderHint: "字更大、按钮更大",
    switchLanguage: "English",
    switchLanguageLang: "en",
    switchLanguageTo: "en",
    refused: "没有这个设置，请回到页面重新选择。",
  },
  nav: {
    home: "首页",
    campuses: "学院",
    login: "登录",
    register: "注册",
    logout: "退出登录",
    profile: "我的",
    admin: "管理",
    learning: "我的学习",
    account: "账号",
    breadcrumbs: "位置",
  },
  /** Small pieces used all over: punctuation around values, dates, "please choose". */
  common: {
    choose: "请选择",
    /** "label：value", as in 适合：所有人, and in aria-labels like 移出：张三. */
    labelled: (label: string, value: string) => `${label}：${value}`,
    /** The colon alone, between an element and the text after it in JSX. */
    colon: "：",
    /** A note after a word, as in 学员（12） or 证书不存在（ABCD-EFGH）. */
    parenthesized: (text: string) => `（${text}）`,
    /** Between the items of a list of names: 大关、德胜. */
    listSeparator: "、",
    /** A calendar day: 2026年4月12日. */
    date: (year: number, month: number, day: number) => `${year}年${month}月${day}日`,
    /** The locale Intl formats dates and times with (audit log times). */
    intlLocale: "zh-CN",
    minutes: (n: number) => `${n} 分钟`,
  },
  home: {
    title: "三方学院",
    intro:
      "三方学院面向住宅小区的业委会、居委会和物业服务企业，讲清楚民法典、维修资金、物业承接查验等小区治理中的规则和做法。",
    campusesHeading: "七所学院",
    mainCampus: "主学院",
    branchCampus: "分学院",
    enter: "进入学院",
    joinCta: "注册后可记录学习进度、参加测验、获得证书",
  },
  campus: {
    street: (street: string) => `依托${street}`,
    theme: "教学重点",
    coursesHeading: "课程",
    coursesSoon: "本学院的课程正在整理中，上线后会显示在这里。",
    notFound: "没有找到这所学院",
    back: "返回首页",
  },
  course: {
    audience: { candidates: "业委会候选人", liaisons: "小区专员", everyone: "所有人" } as Record<string, string>,
    lessons: (n: number) => `${n} 课`,
    minutes: (n: number) => `约 ${n} 分钟`,
    size: (lessons: number, minutes: number) => `${lessons} 课，约 ${minutes} 分钟`,
    hours: (h: string) => `${Number(h)} 学时`,
    passMark: (n: number) => `测验 ${n} 分及格`,
    audienceLabel: "适合",
    lessonList: "课程目录",
    start: "开始学习",
    lessonNumber: (n: number) => `第 ${n} 课`,
    previous: "上一课",
    next: "下一课",
    backToCourse: "返回课程目录",
    lessonNav: "上一课和下一课",
    notFound: "没有找到这门课",
    lessonNotFound: "没有找到这一课",
    latest: "最新课程",
    byCategory: "按门类",
    noCourses: "这个门类还没有课程。",
    campusLabel: "学院",
    categoryLabel: "门类",
    facts: { course: "课程", hours: "学时", quiz: "测验", address: "网址" },
  },
  readAloud: {
    label: "朗读",
    play: "朗读全文",
    pause: "暂停",
    resume: "继续朗读",
    stop: "停止",
    speed: "语速",
    speedValue: (x: number) => `${x} 倍`,
    reading: (at: number, of: number) => `正在朗读第 ${at} 段，共 ${of} 段`,
    hint: "用手机朗读这一课，可以边听边看。",
  },
  law: {
    notFound: "没有找到这一条",
    citedBy: "引用本条的课",
    notCited: "还没有课引用本条。",
    source: "条文来自官方公布的文本",
    otherArticles: "相邻条文",
  },
  search: {
    title: "搜索",
    placeholder: "搜索课程和课文，如：维修资金",
    button: "搜索",
    results: (q: string, n: number) => `“${q}”共找到 ${n} 条结果`,
    none: (q: string) => `没有找到与“${q}”相关的课程或课文。换个说法试试，如“维修资金”“业主大会”。`,
    also: (terms: string) => `也搜索了：${terms}`,
    tooLong: "搜索词太长了，请少于 50 个字",
    course: "课程",
    lesson: "课文",
  },
  identity: {
    committee_candidate: "业委会候选人",
    committee_member: "业委会成员",
    liaison: "小区专员",
    resident: "居民",
    property_staff: "物业人员",
    social_worker: "社工",
  } satisfies Record<LearnerIdentity, string>,
  role: {
    learner: "学员",
    branch_admin: "分学院管理员",
    district_admin: "区级管理员",
    instructor: "讲师",
  },
  auth: {
    loginTitle: "登录",
    registerTitle: "注册",
    phone: "手机号",
    phoneHint: "11 位中国大陆手机号",
    password: "密码",
    passwordHint: "至少 8 位",
    confirmPassword: "再输一次密码",
    displayName: "姓名",
    displayNameHint: "证书上会显示这个名字（对外只显示部分，如 张*明）",
    identity: "身份",
    identityPlaceholder: "请选择",
    street: "街道",
    community: "社区",
    compound: "小区",
    addressHint: "所在的街道、社区和小区",
    loginButton: "登录",
    registerButton: "注册",
    noAccount: "还没有账号？",
    haveAccount: "已有账号？",
    goRegister: "注册新账号",
    goLogin: "去登录",
    wrongCredentials: "手机号或密码不正确",
    tooManyAttempts: (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试`,
    loginRequired: "请先登录",
    loggedOut: "已退出登录",
  },
  validation: {
    required: "必填",
    phoneInvalid: "请输入 11 位中国大陆手机号，如 13812345678",
    phoneTaken: "这个手机号已经注册过了，请直接登录",
    passwordTooShort: "密码至少 8 位",
    passwordTooLong: "密码不能超过 128 位",
    passwordMismatch: "两次输入的密码不一致",
    tooLong: (max: number) => `不能超过 ${max} 个字`,
    controlCharacters: "含有无法保存的特殊字符，请删去后重试",
    identityInvalid: "请选择身份",
    formError: "请按提示修改后再提交",
    currentPasswordWrong: "当前密码不正确",
  },
  profile: {
    title: "我的",
    phone: "手机号",
    roles: "角色",
    edit: "修改资料",
    save: "保存",
    saved: "已保存",
    changePassword: "修改密码",
    currentPassword: "当前密码",
    newPassword: "新密码",
    passwordChanged: "密码已修改，其他设备上的登录已全部退出",
    changePasswordButton: "修改密码",
  },
  admin: {
    title: "管理",
    coursesTitle: "课程管理",
    coursesIntro: "你管理的学院的全部课程和课文，包括没有发布的和有错误的。",
    noCourses: "这些学院还没有课程。",
    origin: { content: "内容库课程 · 只读", admin: "网页创建" } as Record<string, string>,
    contentReadOnly: "这门课来自内容库（content/ 文件夹），由区里统一审核维护，这里只能查看。要修改，请联系区级管理员。",
    lessonsHeading: "课文",
    lessonState: { published: "已发布", unpublished: "未发布", archived: "已归档" },
    problems: (n: number) => `${n} 处错误`,
    problemsHint: "最新的源文件没有通过检查，学员看到的仍是上一个发布的版本：",
    versions: (n: number) => `${n} 个版本`,
    archived: "已归档",
    courseNotFound: "没有这门课",
    viewAsLearner: "以学员身份查看",
    settings: "课程设置",
    forbidden: "你没有权限访问这个页面",
    rolesTitle: "分学院管理员",
    rolesIntro: "授予或撤销某个分学院（或主学院）的管理员权限。每次授予和撤销都记入审计日志。",
    grantHeading: "授予管理员",
    grantButton: "授予",
    revokeButton: "撤销",
    userPhone: "用户手机号",
    campus: "学院",
    chooseCampus: "请选择学院",
    noGrants: "还没有分学院管理员",
    granted: (name: string, campus: string) => `已授予 ${name} ${campus}管理员权限`,
    revoked: (name: string, campus: string) => `已撤销 ${name} 的${campus}管理员权限`,
    alreadyGranted: "此人已经是这所学院的管理员",
    userNotFound: "没有找到这个手机号的用户，请先让对方注册",
    campusNotFound: "没有这所学院",
    grantNotFound: "这条授权不存在或已被撤销",
    auditTitle: "最近的管理操作",
    auditEmpty: "暂无记录",
    yourCampuses: "你管理的学院",
    districtScope: "你是区级管理员，可以管理全部学院。",
  },
  authoring,
  camps,
  reports,
  print,
  offline,
  learn: {
    title: "我的学习",
    start: "开始学习",
    continue: "继续学习",
    review: "复习",
    enrolled: "已报名",
    loginToStart: "登录后开始学习",
    loginToTrack: "登录并开始学习后，会记录你的进度、测验成绩和学时。",
    startToTrack: "点“开始学习”后，会记录你在本课程的进度、测验成绩和学时。",
    progress: (done: number, total: number) => `已完成 ${done} / ${total} 课`,
    progressLabel: "学习进度",
    state: { not_started: "未开始", in_progress: "学习中", completed: "已完成" },
    courseCompleted: "已完成",
    courseCompletedOn: (date: string) => `你已于 ${date} 学完本课程`,
    viewCertificate: "查看证书",
    missing: "还差：",
    missingEnd: (n: number) => `第 ${n} 课：学完后点“完成本课”`,
    missingQuiz: (n: number, mark: number, score: number | null) =>
      score === null ? `第 ${n} 课测验（需 ${mark} 分）` : `第 ${n} 课测验（需 ${mark} 分，现在 ${score} 分）`,
    complete: "完成本课",
    completeHint: "读完本课后点这里。",
    lessonDone: "本课已完成",
    lessonNeedsQuiz: (mark: number, score: number) => `已读完。还差：本课测验（需 ${mark} 分，现在 ${score} 分）。请答对上面的测验。`,
    courseDoneNow: "恭喜！你已学完整门课程，证书已经发放。",
    nextLesson: "下一课",
    submit: "提交答案",
    correct: "回答正确",
    wrong: "回答错误",
    tryAgain: "可以重新选择后再次提交，以最好的一次为准。",
    explanation: "解析",
    quizSingle: "测验（单选）",
    quizMultiple: "测验（多选，选出全部正确的）",
    passedBefore: "你已答对过这道题。",
    chooseOne: "请先选择一个答案",
    chooseSome: "请至少选择一个答案",
    loginToAnswer: "登录后可以提交答案、记录成绩",
    refusal: {
      version: "这一课已经更新，请刷新页面后再答题",
      question: "这道题不属于这一课，请刷新页面后再答题",
      answer: "答案无效：请从给出的选项中选择",
      lesson: "没有找到这一课",
      intent: "无法识别的操作",
    },
    notEnrolled: "请先在课程页点“开始学习”",
    inProgress: "正在学习",
    completedCourses: "已学完",
    nothingYet: "你还没有开始学习任何课程。",
    browse: "去看看课程",
    studyTime: "学习时长",
    studyTimeTotal: (minutes: number) => `共 ${minutes} 分钟`,
    earnedHours: "已获学时",
    earnedHoursHint: "学完一门课程，获得该课程规定的学时，写在证书上。",
    hoursPage: "学时明细",
    minutesOf: (minutes: number, cap: number) => `${minutes} 分钟（本课上限 ${cap} 分钟）`,
    capped: "已达本课上限",
    counting: "页面打开并显示时计时",
    gaps: (n: number) => `有 ${n} 次间隔超过 45 秒，只计 45 秒（页面在后台或手机锁屏的时间不计）`,
    hoursRules: "学习时长只在课文页面打开并显示在屏幕上时计算，大约每 30 秒记一次；每课最多计入预计时长的 2 倍。",
    noStudyTime: "还没有学习时长记录。",
    tooManyBeats: "计时请求太频繁",
    paths: "学习路径",
    pathProgress: (done: number, total: number) => `已学完 ${done} / ${total} 门课程`,
    pathCompleted: "你已学完这条路径的全部课程，路径证书已经发放。",
    pathCourses: "路径课程",
    pathNotFound: "没有找到这条学习路径",
    courseCount: (n: number) => `${n} 门课程`,
  },
  certificate: {
    mine: "我的证书",
    none: "学完一门课程或一条学习路径，就会在这里获得证书。",
    code: "证书编号",
    holder: "学员",
    course: "课程",
    path: "学习路径",
    camp: "训练营",
    campus: "颁发",
    hours: "学时",
    issuedAt: "日期",
    print: "打印证书",
    printHint: "打印时请选择 A4 纸、横向。",
    heading: "结业证书",
    body: (name: string, title: string, hours: string) => `${name} 学完“${title}”全部内容并通过测验，计 ${hours} 学时，特发此证。`,
    scan: "扫码查验",
    verifyTitle: "证书查验",
    verifyIntro: "输入证书上的编号，查看证书是否真实。",
    verifyButton: "查验",
    verifyAnother: "查验其他证书",
    verifyPlaceholder: "如 ABCD-EFGH",
    valid: "证书真实有效",
    notFound: "证书不存在",
    notFoundHint: "请核对编号：编号由 8 位数字和字母组成，不含 0、1、I、L、O。",
    badCode: "证书编号格式不对：应为 8 位数字和字母，如 ABCD-EFGH",
    notYours: "没有找到这张证书",
  },
  errors: {
    notFoundTitle: "页面不存在",
    notFoundBody: "你要找的页面不存在，可能已被移动或删除。",
    forbiddenTitle: "没有权限",
    badRequestTitle: "请求有误",
    badRequest: "请求有误，请回到页面重新操作。",
    serverErrorTitle: "出错了",
    serverErrorBody: "服务器暂时出了问题，请稍后再试。你填写的内容没有丢失，可以返回上一页重新提交。",
    unavailableTitle: "暂时无法访问",
    unavailableBody: "数据库暂时无法连接，请稍后再试。",
    crossOrigin: "请求来源不被允许：请从三方学院的页面提交表单。",
    goHome: "返回首页",
    tooLarge: "提交的内容太大",
    tooLargeBody: (size: string) => `一次提交的内容不能超过 ${size}。请删减后再试。`,
    methodNotAllowedTitle: "无法提交到这里",
    methodNotAllowedBody: "这个页面不接受提交。请回到页面，用页面上的按钮操作。",
    unsupportedBodyTitle: "无法识别提交的内容",
    unreadableForm: "提交的表单不完整或格式有误，请回到页面重新提交。",
    unsupportedBody: "请通过页面上的表单提交。",
  },
} as const;

/** The shape every language fills in: zh's keys and function signatures, any strings. */
export type Messages = Widen<typeof zh>;
type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => infer R
    ? (...args: A) => Widen<R>
    : T extends object
      ? { [K in keyof T]: Widen<T[K]> }
      : T;

export const locales = ["zh", "en"] as const;
export type Locale = (typeof locales)[number];
export const isLocale = (value: unknown): value is Locale => locales.includes(value as Locale);

type Source = () => { locale: Locale; messages: Messages };
let source: Source = () => ({ locale: "zh", messages: zh });
const current = () => source().messages;

/**
 * Where `t` finds the reader's language: on the server, the request being answered
 * (request-scope.server.ts); in the browser, the dictionary the page was rendered in
 * (entry.client.tsx). Unset, it is Chinese.
 */
export function setMessagesSource(next: Source) {
  source = next;
}

/** The language `t` speaks right now (for <html lang>). */
export function currentLocale(): Locale {
  return source().locale;
}

/**
 * The UI text in the reader's language. Components and modules keep writing `t.course.start` (or
 * alias `const a = t.authoring` at module level): every object level is a view that looks the key
 * up in the current dictionary when it is read, so the 450 call sites did not have to change to
 * follow a per-request language. Strings and functions are returned as they are. A level handed
 * to something that clones (postMessage, structuredClone) must be copied first: `{ ...t.x }`.
 */
export const t: Messages = view([]);

function view(path: readonly string[]): any {
  const target = () => path.reduce((node: any, key) => node?.[key], current());
  return new Proxy(
    {},
    {
      get(_, key) {
        const value = target()?.[key];
        return typeof key === "string" && isPlainObject(value) ? view([...path, key]) : value;
      },
      has: (_, key) => key in (target() ?? {}),
      ownKeys: () => Reflect.ownKeys(target() ?? {}),
      getOwnPropertyDescriptor(_, key) {
        const node = target();
        if (!node || !(key in node)) return undefined;
        return { value: (this as any).get(_, key), enumerable: true, configurable: true, writable: false };
      },
    },
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
