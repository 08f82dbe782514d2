import { describe, expect, it } from "vitest";
import type { RoleGrantRef } from "../../app/models/session.server";
import { loadLawLibrary } from "../../app/lib/law.server";
import { loader as adminHome } from "../../app/routes/admin._index";
import { action as rolesAction, loader as rolesLoader } from "../../app/routes/admin.roles";
import { loader as coursesLoader } from "../../app/routes/admin.courses._index";
import { loader as courseLoader } from "../../app/routes/admin.courses.$courseId";
import { createTestDatabase } from "../setup/test-database";
import { get, post, routeContext, settle } from "../support/routes";

const { db } = await createTestDatabase();
const laws = await loadLawLibrary("content");
const campus = async (slug: string) => (await db.selectFrom("campuses").select("id").where("slug", "=", slug).executeTakeFirstOrThrow()).id;
const main = await campus("main");
const daguan = await campus("daguan");
const course = await db.selectFrom("courses").select("id").where("slug", "=", "weixiu-zijin").executeTakeFirstOrThrow();

const user = { id: 1, phone: "13900000000", displayName: "测试", identity: "social_worker" as const };
const who: Record<string, RoleGrantRef[] | null> = {
  anonymous: null,
  learner: [],
  "branch admin of another campus": [{ role: "branch_admin", campusId: daguan }],
  "branch admin of the campus": [{ role: "branch_admin", campusId: main }],
  "district admin": [{ role: "district_admin", campusId: null }],
};

// Expected status per route, in the order of `who` above (302 = sent to log in).
const matrix: [string, (context: ReturnType<typeof routeContext>) => Promise<unknown>, number[]][] = [
  ["GET /admin", (context) => adminHome({ request: get("/admin"), params: {}, context }), [302, 403, 200, 200, 200]],
  ["GET /admin/roles", (context) => rolesLoader({ request: get("/admin/roles"), params: {}, context }), [302, 403, 403, 403, 200]],
  ["POST /admin/roles", (context) => rolesAction({ request: post("/admin/roles", { intent: "revoke", grantId: "999999" }), params: {}, context }), [302, 403, 403, 403, 400]],
  ["GET /admin/courses", (context) => coursesLoader({ request: get("/admin/courses"), params: {}, context }), [302, 403, 200, 200, 200]],
  [
    "GET /admin/courses/<a main-campus course>",
    (context) => courseLoader({ request: get(`/admin/courses/${course.id}`), params: { courseId: String(course.id) }, context }),
    [302, 403, 403, 200, 200],
  ],
];

describe("admin routes × who is asking", () => {
  for (const [route, call, expected] of matrix) {
    it(route, async () => {
      const statuses: number[] = [];
      for (const grants of Object.values(who)) {
        statuses.push((await settle(() => call(routeContext(db, laws, grants === null ? null : user, grants ?? [])))).status);
      }
      expect(Object.fromEntries(Object.keys(who).map((k, i) => [k, statuses[i]]))).toEqual(Object.fromEntries(Object.keys(who).map((k, i) => [k, expected[i]])));
    });
  }

  it("a branch admin's course list holds only their own campus", async () => {
    const { body } = await settle(() =>
      coursesLoader({ request: get("/admin/courses"), params: {}, context: routeContext(db, laws, user, [{ role: "branch_admin", campusId: main }]) }),
    );
    expect(body.campuses.map((c: { id: number }) => c.id)).toEqual([main]);
    const other = await settle(() =>
      coursesLoader({ request: get("/admin/courses"), params: {}, context: routeContext(db, laws, user, [{ role: "branch_admin", campusId: daguan }]) }),
    );
    expect(other.body.campuses).toEqual([]);
  });

  it("a course id that does not exist, or is not a number, is 404", async () => {
    const district = routeContext(db, laws, user, [{ role: "district_admin", campusId: null }]);
    for (const id of ["999999", "abc", "1 or 1=1"]) {
      expect((await settle(() => courseLoader({ request: get(`/admin/courses/${id}`), params: { courseId: id }, context: district }))).status).toBe(404);
    }
  });
});
