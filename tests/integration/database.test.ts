import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { createTestDatabase } from "../setup/test-database";

const { db } = await createTestDatabase();

describe("the database layer", () => {
  it("returns int8 the same way on PGlite and PostgreSQL (as a string)", async () => {
    const row = await db.selectFrom("campuses").select(db.fn.countAll().as("n")).executeTakeFirstOrThrow();
    expect(row.n).toBe("7");
    const big = await sql<{ v: unknown }>`select 9007199254740993::bigint as v`.execute(db);
    expect(big.rows[0]?.v).toBe("9007199254740993");
  });

  it("returns timestamps as Date and jsonb as objects", async () => {
    const row = await sql<{ t: unknown; j: unknown }>`select now() as t, '{"a":1}'::jsonb as j`.execute(db);
    expect(row.rows[0]?.t).toBeInstanceOf(Date);
    expect(row.rows[0]?.j).toEqual({ a: 1 });
  });

  it("starts each test file from the migrated template with content synced", async () => {
    const users = await db.selectFrom("users").select("id").execute();
    expect(users).toEqual([]);
    const categories = await db.selectFrom("categories").select("slug").execute();
    expect(categories).toHaveLength(6);
  });

  it("rejects a phone number that is not a mainland mobile, even past the app's validation", async () => {
    await expect(
      db
        .insertInto("users")
        .values({
          phone: "12345",
          password_hash: "x",
          display_name: "x",
          identity: "resident",
          street: "x",
          community: "x",
          compound: "x",
        })
        .execute(),
    ).rejects.toMatchObject({ code: "23514" });
  });
});
