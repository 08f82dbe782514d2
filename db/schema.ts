import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * Table types for Kysely. Rows read from the database are `Selectable<…>`;
 * inserts/updates use `Insertable<…>` / `Updateable<…>`.
 */

type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export const campusKinds = ["main", "branch"] as const;
export type CampusKind = (typeof campusKinds)[number];

/** 身份 of a learner, as chosen at registration. */
export const learnerIdentities = [
  "committee_candidate",
  "committee_member",
  "liaison",
  "resident",
  "property_staff",
  "social_worker",
] as const;
export type LearnerIdentity = (typeof learnerIdentities)[number];

/** Roles granted on top of "learner", which everyone is. */
export const grantedRoles = ["branch_admin", "district_admin"] as const;
export type GrantedRole = (typeof grantedRoles)[number];

export interface CampusTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** For the navigation row, e.g. 大关. */
  short_name: string;
  kind: CampusKind;
  /** 街道 the campus is built on; null where the district has not said. */
  street: string | null;
  theme: string;
  description: string;
  sort_order: number;
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface CategoryTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: string;
  sort_order: number;
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserTable {
  id: Generated<number>;
  phone: string;
  password_hash: string;
  display_name: string;
  identity: LearnerIdentity;
  street: string;
  community: string;
  compound: string;
  /** 长辈版 chosen on the account; null = never chosen (the device's choice applies). */
  elder_mode: boolean | null;
  ui_locale: "zh" | "en" | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

/** A queued 完成本课 (the client's random id) that has reached the server: later copies are replays. */
export interface OfflineReplayTable {
  id: string;
  created_at: CreatedAt;
}

export interface SessionTable {
  /** sha256 of the token in the cookie, hex: the database never holds a usable token. */
  id: string;
  user_id: number;
  expires_at: Date;
  created_at: CreatedAt;
}

export interface RoleGrantTable {
  id: Generated<number>;
  user_id: number;
  role: GrantedRole;
  /** The campus a branch_admin manages; null for district_admin. */
  campus_id: number | null;
  granted_by: number | null;
  created_at: CreatedAt;
}

export interface LoginAttemptTable {
  /** "phone:<number>" or "ip:<address>". */
  key: string;
  failures: number;
  window_started_at: Date;
}

export interface AuditLogTable {
  id: Generated<string>;
  actor_id: number | null;
  action: string;
  campus_id: number | null;
  target_type: string | null;
  target_id: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  ip: string | null;
  created_at: CreatedAt;
}

export const audiences = ["candidates", "liaisons", "everyone"] as const;
export type Audience = (typeof audiences)[number];

export interface CourseTable {
  id: Generated<number>;
  campus_id: number;
  category_id: number;
  slug: string;
  title: string;
  summary: string;
  audience: Audience;
  /** numeric(5,1): a string on both drivers. */
  hours: ColumnType<string, string | number, string | number>;
  pass_mark: number;
  sort_order: number;
  tags: string[];
  origin: "content" | "admin";
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LessonProblemJson {
  line: number;
  column: number;
  message: string;
}

export interface LessonTable {
  id: Generated<number>;
  course_id: number;
  slug: string;
  position: number;
  source_path: string | null;
  published_version_id: string | null;
  sync_problems: ColumnType<LessonProblemJson[] | null, string | null, string | null>;
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface LessonVersionTable {
  id: Generated<string>;
  lesson_id: number;
  content_hash: string;
  source: string;
  code: string;
  title: string;
  minutes: number;
  plain_text: string;
  search_text: string;
  author_id: number | null;
  /** Set on a draft that does not compile; its code is then empty and it cannot be published. */
  problems: ColumnType<LessonProblemJson[] | null, string | null | undefined, never>;
  created_at: CreatedAt;
}

export const mediaTypes = ["image/jpeg", "image/png", "image/webp"] as const;
export type MediaType = (typeof mediaTypes)[number];

export interface MediaTable {
  id: string;
  campus_id: number;
  uploaded_by: number | null;
  content_type: MediaType;
  bytes: ColumnType<Uint8Array, Uint8Array, never>;
  byte_size: number;
  width: number;
  height: number;
  sha256: string;
  original_name: string;
  created_at: CreatedAt;
}

export interface QuizQuestionTable {
  id: Generated<number>;
  lesson_version_id: string;
  quiz_key: string;
  position: number;
  question: string;
  options: ColumnType<string[], string, string>;
  correct: ColumnType<number[], string, string>;
  multiple: boolean;
  explanation: string;
}

export interface LessonLawRefTable {
  lesson_version_id: string;
  law: string;
  article: number;
}

export interface EnrolmentTable {
  user_id: number;
  course_id: number;
  enrolled_at: CreatedAt;
  last_lesson_id: number | null;
  last_visited_at: Date | null;
  completed_at: Date | null;
  /** The first lesson opened (kept by a trigger, migration 06). */
  started_at: ColumnType<Date | null, never, never>;
}

export interface LessonProgressTable {
  user_id: number;
  lesson_id: number;
  course_id: number;
  started_at: CreatedAt;
  last_visited_at: ColumnType<Date, Date | string | undefined, Date | string>;
  reached_end_at: Date | null;
  completed_at: Date | null;
  passed_quizzes: ColumnType<string[], string[] | undefined, string[]>;
  study_seconds: ColumnType<number, number | undefined, number>;
  last_beat_at: Date | null;
}

export interface QuizAttemptTable {
  id: Generated<string>;
  user_id: number;
  lesson_id: number;
  lesson_version_id: string;
  quiz_key: string;
  answers: ColumnType<number[], string, string>;
  score: number;
  passed: boolean;
  created_at: CreatedAt;
}

export const beatReasons = ["start", "counted", "gap", "capped"] as const;
export type BeatReason = (typeof beatReasons)[number];

export interface StudyBeatTable {
  id: Generated<string>;
  user_id: number;
  lesson_id: number;
  credited_seconds: number;
  reason: BeatReason;
  created_at: CreatedAt;
}

export interface PathTable {
  id: Generated<number>;
  slug: string;
  title: string;
  audience: Audience;
  description: string;
  sort_order: number;
  archived_at: Date | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PathCourseTable {
  path_id: number;
  course_id: number;
  position: number;
}

export interface CertificateTable {
  id: Generated<string>;
  code: string;
  user_id: number;
  course_id: number | null;
  path_id: number | null;
  camp_id: number | null;
  holder_name: string;
  title: string;
  campus_name: string;
  hours: ColumnType<string, string | number, string | number>;
  issued_at: CreatedAt;
}

export interface Database {
  enrolments: EnrolmentTable;
  lesson_progress: LessonProgressTable;
  quiz_attempts: QuizAttemptTable;
  study_beats: StudyBeatTable;
  paths: PathTable;
  path_courses: PathCourseTable;
  certificates: CertificateTable;
  courses: CourseTable;
  lessons: LessonTable;
  lesson_versions: LessonVersionTable;
  quiz_questions: QuizQuestionTable;
  lesson_law_refs: LessonLawRefTable;
  campuses: CampusTable;
  categories: CategoryTable;
  users: UserTable;
  offline_replays: OfflineReplayTable;
  sessions: SessionTable;
  role_grants: RoleGrantTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
  media: MediaTable;
  camps: CampTable;
  camp_instructors: CampPersonTable;
  camp_members: CampPersonTable;
  camp_sessions: CampSessionTable;
  camp_attendance: CampAttendanceTable;
  camp_assignments: CampAssignmentTable;
  report_daily: ReportDailyTable;
  report_active_weeks: ReportActiveWeekTable;
  report_active_course_weeks: ReportActiveCourseWeekTable;
  report_active_campus_weeks: ReportActiveCampusWeekTable;
}

/** Dates without a time (Postgres `date`) travel as "YYYY-MM-DD" strings (see db/client.ts). */
export interface CampTable {
  id: Generated<number>;
  campus_id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  place: string;
  description: string;
  required_sessions: number;
  require_assignments: boolean;
  hours: ColumnType<string, number | string, number | string>;
  created_by: number | null;
  archived_at: Date | null;
  created_at: CreatedAt;
}

export interface CampPersonTable {
  camp_id: number;
  user_id: number;
  added_by: number | null;
  added_at: CreatedAt;
}

export interface CampSessionTable {
  id: Generated<number>;
  camp_id: number;
  date: string;
  starts_at: string;
  ends_at: string;
  place: string;
  topic: string;
  checkin_secret: string | null;
  checkin_closed_at: Date | null;
}

export interface CampAttendanceTable {
  session_id: number;
  user_id: number;
  method: "code" | "manual";
  marked_by: number | null;
  checked_in_at: CreatedAt;
}

export interface CampAssignmentTable {
  id: Generated<number>;
  camp_id: number;
  course_id: number | null;
  path_id: number | null;
  due_on: string;
}

export type Campus = Selectable<CampusTable>;
export type Category = Selectable<CategoryTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type RoleGrant = Selectable<RoleGrantTable>;
export type AuditEntry = Selectable<AuditLogTable>;

/** Rollups for the dashboards (migration 06), written only by triggers. `day`/`week` are 'YYYY-MM-DD'. */
export interface ReportDailyTable {
  day: string;
  course_id: number;
  identity: LearnerIdentity;
  enrolments: number;
  cohort_started: number;
  cohort_completed: number;
  completions: number;
  lessons_completed: number;
  certificates: number;
  study_seconds: ColumnType<string, never, never>;
  /** Which of 8 rows of the same day, course and 身份 (migration 10); readers sum over them. */
  shard: ColumnType<number, never, never>;
}

export interface ReportActiveWeekTable {
  week: string;
  user_id: number;
}

export interface ReportActiveCourseWeekTable {
  week: string;
  course_id: number;
  user_id: number;
}

export interface ReportActiveCampusWeekTable {
  campus_id: number;
  week: string;
  user_id: number;
}
