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
  created_at: CreatedAt;
  updated_at: UpdatedAt;
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

export interface Database {
  campuses: CampusTable;
  categories: CategoryTable;
  users: UserTable;
  sessions: SessionTable;
  role_grants: RoleGrantTable;
  login_attempts: LoginAttemptTable;
  audit_log: AuditLogTable;
}

export type Campus = Selectable<CampusTable>;
export type Category = Selectable<CategoryTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Session = Selectable<SessionTable>;
export type RoleGrant = Selectable<RoleGrantTable>;
export type AuditEntry = Selectable<AuditLogTable>;
