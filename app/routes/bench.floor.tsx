/**
 * The framework floor for `npm run bench`: the same server, root layout, session lookup and
 * hydration as every page, and a page body that does nothing. Only served when the bench starts
 * the app with BENCH_FLOOR=1; everywhere else it is an ordinary 404.
 */
export function loader() {
  if (process.env.BENCH_FLOOR !== "1") throw new Response(null, { status: 404 });
  return null;
}

export default function BenchFloor() {
  return <p>三方学院</p>;
}
