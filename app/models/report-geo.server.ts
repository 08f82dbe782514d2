import { sql } from "kysely";
import type { DB } from "../../db/client";
import { activeUsers, enrolledInScope, inCourses, ofIdentity, type ReportScope } from "./report-scope.server";

/**
 * 街道 / 社区 / 小区, as learners wrote them at registration. For each place: learners in scope,
 * active in the range, certified in the range, and the 小区 question the 三方办 asks first — how
 * many 小区 have at least one 业委会委员 holding a certificate of the scope (issued by the range's end).
 * One pass over users (20,000 rows at district scale); the subqueries become hashed sets.
 */

export interface PlaceRow {
  street: string;
  community: string;
  compound: string;
  learners: number;
  active: number;
  certified: number;
  compounds: number;
  trainedCompounds: number;
}

function placeQuery(scope: ReportScope, group: "street" | "compound", street?: string) {
  const { from, to } = scope.filters;
  const inScope = sql`${ofIdentity(scope, sql`u.identity`)} and ${enrolledInScope(scope, sql`u.id`)}`;
  const certifiedInRange = sql`u.id in (select c.user_id from certificates c where c.course_id is not null
    and c.issued_at >= ${from}::date::timestamp at time zone 'Asia/Shanghai'
    and c.issued_at < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai'
    and ${inCourses(scope, sql`c.course_id`)})`;
  const trained = sql`u.identity = 'committee_member' and exists (select 1 from certificates c where c.user_id = u.id
    and c.course_id is not null and ${inCourses(scope, sql`c.course_id`)}
    and c.issued_at < (${to}::date + 1)::timestamp at time zone 'Asia/Shanghai')`;
  const keys = group === "street" ? sql`u.street, '' as community, '' as compound` : sql`u.street, u.community, u.compound`;
  const groupBy = group === "street" ? sql`u.street` : sql`u.street, u.community, u.compound`;
  return sql<PlaceRow>`
    select ${keys},
      count(*) filter (where ${inScope})::int as learners,
      count(*) filter (where ${inScope} and u.id in (${activeUsers(scope)}))::int as active,
      count(*) filter (where ${inScope} and ${certifiedInRange})::int as certified,
      count(distinct u.community || '/' || u.compound)::int as compounds,
      count(distinct u.community || '/' || u.compound) filter (where ${trained})::int as "trainedCompounds"
    from users u
    ${street === undefined ? sql`` : sql`where u.street = ${street}`}
    group by ${groupBy}
    order by learners desc, ${groupBy}`;
}

/** One row per 街道. */
export async function byStreet(db: DB, scope: ReportScope): Promise<PlaceRow[]> {
  return (await placeQuery(scope, "street").execute(db)).rows;
}

/** One row per 社区 / 小区 of a 街道. */
export async function compoundsOf(db: DB, scope: ReportScope, street: string): Promise<PlaceRow[]> {
  return (await placeQuery(scope, "compound", street).execute(db)).rows;
}
