import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { CardLink, PageTitle } from "../components/ui/page";
import { t } from "../lib/messages";
import { listPaths } from "../models/path.server";

export const meta: MetaFunction = () => [{ title: `${t.learn.paths} - ${t.site.name}` }];

export async function loader({ context }: LoaderFunctionArgs) {
  return { paths: await listPaths(context.db) };
}

export default function Paths() {
  const { paths } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle>{t.learn.paths}</PageTitle>
      <ul className="space-y-3">
        {paths.map((p) => (
          <li key={p.slug}>
            <CardLink to={`/paths/${p.slug}`}>
              <span className="block text-xl font-bold">{p.title}</span>
              <span className="mt-1 block text-base text-stone-700">{p.description}</span>
            </CardLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
