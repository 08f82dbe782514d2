import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { SearchBox } from "../components/search-box";
import { PageTitle, rowListClass } from "../components/ui/page";
import { t } from "../lib/messages";
import { MAX_QUERY_LENGTH } from "../lib/search-terms";
import { searchContent } from "../models/search.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.query ? `${data.query} - ${t.search.title} - ${t.site.name}` : `${t.search.title} - ${t.site.name}` },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim();
  if (query.length > MAX_QUERY_LENGTH) return { query: query.slice(0, MAX_QUERY_LENGTH), error: t.search.tooLong, result: null };
  if (!query) return { query, error: null, result: null };
  return { query, error: null, result: await searchContent(context.db, query) };
}

type Snippet = { before: string; match: string; after: string } | null;

function Highlighted({ snippet }: { snippet: Snippet }) {
  if (!snippet) return null;
  return (
    <p className="mt-1 text-base text-stone-700">
      {snippet.before}
      <mark className="rounded bg-amber-200 px-0.5 text-stone-900">{snippet.match}</mark>
      {snippet.after}
    </p>
  );
}

export default function SearchPage() {
  const { query, error, result } = useLoaderData<typeof loader>();
  const count = result ? result.courses.length + result.lessons.length : 0;
  const extra = result?.terms.flatMap((variants) => variants.slice(1)) ?? [];
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageTitle>{t.search.title}</PageTitle>
      <SearchBox defaultValue={query} />
      {error ? <p className="text-lg text-red-700">{error}</p> : null}
      {result ? (
        <section aria-live="polite" className="space-y-4">
          <p className="text-lg">{count > 0 ? t.search.results(query, count) : t.search.none(query)}</p>
          {extra.length > 0 ? <p className="text-base text-stone-600">{t.search.also(extra.join(t.common.listSeparator))}</p> : null}
          <ul className={rowListClass}>
            {result.courses.map((c) => (
              <li key={`c-${c.slug}`}>
                <Link to={`/courses/${c.slug}`} className="block px-4 py-3 hover:bg-stone-50">
                  <span className="mr-2 rounded bg-brand-50 px-2 py-0.5 text-sm text-brand-700">{t.search.course}</span>
                  <span className="text-lg font-medium">{c.title}</span>
                  <Highlighted snippet={c.snippet} />
                </Link>
              </li>
            ))}
            {result.lessons.map((l) => (
              <li key={`l-${l.courseSlug}-${l.slug}`}>
                <Link to={`/courses/${l.courseSlug}/${l.slug}`} className="block px-4 py-3 hover:bg-stone-50">
                  <span className="mr-2 rounded bg-stone-100 px-2 py-0.5 text-sm text-stone-700">{t.search.lesson}</span>
                  <span className="text-lg font-medium">{l.title}</span>
                  <span className="block text-base text-stone-500">{l.courseTitle}</span>
                  <Highlighted snippet={l.snippet} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
