import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Card, PageTitle } from "../components/ui/page";
import { t } from "../lib/messages";
import { getCampusBySlug } from "../models/campus.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.campus.name} - ${t.site.name}` : `${t.errors.notFoundTitle} - ${t.site.name}` },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const campus = await getCampusBySlug(context.db, params.slug ?? "");
  if (!campus) throw new Response(t.campus.notFound, { status: 404 });
  return { campus };
}

export default function CampusPage() {
  const { campus } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <PageTitle subtitle={campus.street ? t.campus.street(campus.street) : undefined}>{campus.name}</PageTitle>
      <Card>
        <h2 className="text-xl font-bold">{t.campus.theme}</h2>
        <p className="mt-1 text-lg">{campus.theme}</p>
        <p className="mt-4 text-lg text-stone-800">{campus.description}</p>
      </Card>
      <section aria-labelledby="courses-heading">
        <h2 id="courses-heading" className="mb-3 text-2xl font-bold">
          {t.campus.coursesHeading}
        </h2>
        <p className="text-lg text-stone-600">{t.campus.coursesSoon}</p>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
