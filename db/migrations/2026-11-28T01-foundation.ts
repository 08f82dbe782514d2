import { type Kysely, sql } from "kysely";

// Frozen once landed: change the schema with a new migration, never by editing this one.
// Uses nothing newer than PostgreSQL 15 (PGlite is 18; CI also runs on 15).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("campuses")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("short_name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('main', 'branch')`))
    .addColumn("street", "text")
    .addColumn("theme", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    // Set by content sync when an entry leaves the YAML file; rows stay because data points at them.
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("categories")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("sort_order", "integer", (c) => c.notNull().defaultTo(0))
    // Set by content sync when an entry leaves the YAML file; rows stay because data points at them.
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("phone", "text", (c) => c.notNull().unique().check(sql`phone ~ '^1[3-9][0-9]{9}$'`))
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("identity", "text", (c) =>
      c
        .notNull()
        .check(
          sql`identity in ('committee_candidate', 'committee_member', 'liaison', 'resident', 'property_staff', 'social_worker')`,
        ),
    )
    .addColumn("street", "text", (c) => c.notNull())
    .addColumn("community", "text", (c) => c.notNull())
    .addColumn("compound", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("sessions_user_id_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("role_grants")
    .addColumn("id", "integer", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("user_id", "integer", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('branch_admin', 'district_admin')`))
    .addColumn("campus_id", "integer", (c) => c.references("campuses.id").onDelete("cascade"))
    .addColumn("granted_by", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      "role_grants_campus_matches_role",
      sql`(role = 'branch_admin' and campus_id is not null) or (role = 'district_admin' and campus_id is null)`,
    )
    .execute();
  // Two partial indexes instead of UNIQUE NULLS NOT DISTINCT, which would tie us to PG 15+ syntax in more places.
  await db.schema
    .createIndex("role_grants_campus_role_unique")
    .on("role_grants")
    .columns(["user_id", "role", "campus_id"])
    .unique()
    .where(sql<boolean>`campus_id is not null`)
    .execute();
  await db.schema
    .createIndex("role_grants_global_role_unique")
    .on("role_grants")
    .columns(["user_id", "role"])
    .unique()
    .where(sql<boolean>`campus_id is null`)
    .execute();
  await db.schema.createIndex("role_grants_campus_idx").on("role_grants").column("campus_id").execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("window_started_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("actor_id", "integer", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("campus_id", "integer", (c) => c.references("campuses.id").onDelete("set null"))
    .addColumn("target_type", "text")
    .addColumn("target_id", "text")
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("ip", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex("audit_log_created_at_idx").on("audit_log").column("created_at").execute();
  await db.schema.createIndex("audit_log_campus_idx").on("audit_log").columns(["campus_id", "created_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["audit_log", "login_attempts", "role_grants", "sessions", "users", "categories", "campuses"]) {
    await db.schema.dropTable(table).execute();
  }
}
