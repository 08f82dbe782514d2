import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Card, PageTitle, rowListClass } from "../components/ui/page";
import { t } from "../lib/messages";
import { lessonsCitingArticle } from "../models/course.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `《${data.article.law}》${data.article.label} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const article = context.laws.getArticle(params.law ?? "", params.article ?? "");
  if (!article) throw new Response(t.law.notFound, { status: 404 });
  const law = context.laws.findLaw(article.law)!;
  const index = law.articleNumbers.indexOf(article.number);
  const neighbour = (n: number | undefined) => (n === undefined ? null : { number: n, label: law.articles.get(n)!.label });
  return {
    article: { law: article.law, title: article.title, label: article.label, chapter: article.chapter ?? null, paragraphs: article.paragraphs },
    previous: neighbour(law.articleNumbers[index - 1]),
    next: neighbour(law.articleNumbers[index + 1]),
    lessons: await lessonsCitingArticle(context.db, article.law, article.number),
  };
}

export default function LawArticlePage() {
  const { article, previous, next, lessons } = useLoaderData<typeof loader>();
  const href = (n: number) => `/law/${encodeURIComponent(article.law)}/${n}`;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageTitle subtitle={[article.title, article.chapter].filter(Boolean).join(" · ")}>
        《{article.law}》{article.label}
      </PageTitle>
      <Card>
        <blockquote className="space-y-3 text-lg leading-relaxed">
          {article.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </blockquote>
        <p className="mt-4 text-base text-stone-500">{t.law.source}</p>
      </Card>
      <section aria-labelledby="cited-heading">
        <h2 id="cited-heading" className="mb-3 text-2xl font-bold">
          {t.law.citedBy}
        </h2>
        {lessons.length === 0 ? (
          <p className="text-lg text-stone-600">{t.law.notCited}</p>
        ) : (
          <ul className={rowListClass}>
            {lessons.map((l) => (
              <li key={`${l.courseSlug}/${l.lessonSlug}`}>
                <Link to={`/courses/${l.courseSlug}/${l.lessonSlug}`} className="block min-h-14 px-4 py-3 hover:bg-stone-50">
                  <span className="block text-lg font-medium">{l.lessonTitle}</span>
                  <span className="text-base text-stone-600">{l.courseTitle}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <nav aria-label={t.law.otherArticles} className="flex justify-between gap-3 text-lg">
        {previous ? (
          <Link to={href(previous.number)} className="inline-flex min-h-12 items-center text-brand-700 underline-offset-4 hover:underline">
            ← {previous.label}
          </Link>
        ) : (
          <span />
        )}
        {next ? (
          <Link to={href(next.number)} className="inline-flex min-h-12 items-center text-brand-700 underline-offset-4 hover:underline">
            {next.label} →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
