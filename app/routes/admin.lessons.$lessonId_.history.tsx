import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { Button, ButtonLink } from "../components/ui/button";
import { SelectField } from "../components/ui/field";
import { Notice } from "../components/ui/notice";
import { Card, PageTitle, rowListClass } from "../components/ui/page";
import { refuseIfReadOnly, requireLessonAdmin } from "../lib/admin-access.server";
import { chinaDateTime } from "../lib/dates";
import { t } from "../lib/messages";
import { diffVersions } from "../lib/version-diff";
import { getVersion, listVersions, publishVersion } from "../models/lesson-authoring.server";
import { readForm } from "../lib/read-form.server";

const a = t.authoring;

export const meta: MetaFunction = () => [{ title: `${a.history} - ${t.site.name}` }];

const versionParam = (value: string | null) => (value && /^\d{1,18}$/.test(value) ? value : null);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lesson } = await requireLessonAdmin(request, context, params.lessonId);
  const versions = await listVersions(context.db, lesson.id);
  const url = new URL(request.url);
  // Default comparison: the published version against the newest (what publishing would change).
  const newest = versions[0]?.id ?? null;
  const fromId = versionParam(url.searchParams.get("from")) ?? lesson.publishedVersionId ?? versions[1]?.id ?? null;
  const toId = versionParam(url.searchParams.get("to")) ?? newest;
  const [from, to] = await Promise.all([
    fromId ? getVersion(context.db, lesson.id, fromId) : undefined,
    toId ? getVersion(context.db, lesson.id, toId) : undefined,
  ]);
  return {
    lesson: { id: lesson.id, courseId: lesson.courseId, courseTitle: lesson.courseTitle, editable: lesson.origin === "admin" },
    title: versions[0]?.title ?? "",
    publishedId: lesson.publishedVersionId,
    versions: versions.map((v) => ({ ...v, createdAt: chinaDateTime(v.createdAt) })),
    compare:
      from && to && from.id !== to.id
        ? { fromId: from.id, toId: to.id, fromNumber: from.number, toNumber: to.number, rows: diffVersions(from.source, to.source) }
        : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lesson, actor } = await requireLessonAdmin(request, context, params.lessonId);
  refuseIfReadOnly(lesson.origin);
  const formData = await readForm(request);
  const versionId = versionParam(String(formData.get("versionId") ?? ""));
  const version = versionId ? await getVersion(context.db, lesson.id, versionId) : undefined;
  // A version id of another lesson (or campus) is simply not found here.
  if (!version) return data({ ok: false, message: a.errors.versionNotFound }, { status: 404 });
  if (version.problems) return data({ ok: false, message: a.errors.cannotPublishBroken }, { status: 422 });
  const rollback = lesson.publishedVersionId !== null && BigInt(version.id) < BigInt(lesson.publishedVersionId);
  const published = await publishVersion(context.db, lesson.id, version.id, actor);
  if (!published) return data({ ok: false, message: a.errors.cannotPublishBroken }, { status: 422 });
  return data({ ok: true, message: rollback ? a.rolledBack(version.number) : a.republished(version.number) });
}

export default function LessonHistory() {
  const { lesson, title, publishedId, versions, compare } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const options = versions.map((v) => ({ value: v.id, label: `${a.versionLabel(v.number)} · ${v.createdAt}` }));
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: "/admin/courses", label: t.admin.coursesTitle }, { to: `/admin/courses/${lesson.courseId}`, label: lesson.courseTitle }]} />
      <PageTitle subtitle={title}>{a.history}</PageTitle>
      {result ? <Notice tone={result.ok ? "success" : "error"}>{result.message}</Notice> : null}
      {lesson.editable ? <ButtonLink to={`/admin/lessons/${lesson.id}`}>{a.editLesson}</ButtonLink> : null}

      <ol className={rowListClass} aria-label={a.history}>
        {versions.map((v) => (
          <li key={v.id} className="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3" data-version={v.number}>
            <span className="text-lg font-bold">{a.versionLabel(v.number)}</span>
            {v.id === publishedId ? <span className="rounded-full bg-emerald-100 px-2 text-base text-emerald-900">{a.versionPublished}</span> : null}
            {v.broken ? <span className="rounded-full bg-red-100 px-2 text-base text-red-900">{a.versionBroken}</span> : null}
            <span className="min-w-0 flex-1 text-base text-stone-700">
              {v.title} · {a.by(v.authorName)} · {v.createdAt}
            </span>
            {lesson.editable ? (
              <span className="flex flex-wrap gap-2">
                {v.id !== publishedId && !v.broken ? (
                  <Form method="post">
                    <input type="hidden" name="versionId" value={v.id} />
                    <Button variant="secondary" disabled={navigation.state !== "idle"}>
                      {publishedId !== null && BigInt(v.id) < BigInt(publishedId) ? a.rollbackThis : a.publishThis}
                    </Button>
                  </Form>
                ) : null}
                <ButtonLink to={`/admin/lessons/${lesson.id}?from=${v.id}`} variant="ghost">
                  {a.editThis}
                </ButtonLink>
              </span>
            ) : null}
          </li>
        ))}
      </ol>

      {versions.length > 1 ? (
        <Card>
          <h2 className="mb-3 text-2xl font-bold">{a.compare}</h2>
          <Form method="get" className="grid gap-4 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <SelectField label={a.compareFrom} name="from" options={options} defaultValue={compare?.fromId} />
            <SelectField label={a.compareTo} name="to" options={options} defaultValue={compare?.toId} />
            <Button variant="secondary">{a.compareButton}</Button>
          </Form>
          {compare ? <DiffView compare={compare} /> : null}
        </Card>
      ) : null}
    </div>
  );
}

function DiffView({ compare }: { compare: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["compare"]> }) {
  return (
    <div className="mt-5">
      <h3 className="mb-2 text-xl font-bold">{a.diffTitle(compare.fromNumber, compare.toNumber)}</h3>
      {compare.rows.length === 0 ? <p className="text-lg">{a.diffSame}</p> : null}
      <div className="overflow-x-auto rounded-xl border border-stone-200" data-testid="diff">
        <table className="w-full border-collapse font-mono text-sm">
          <tbody>
            {compare.rows.map((row, i) =>
              row.type === "fold" ? (
                <tr key={i} className="bg-stone-50 text-stone-500">
                  <td colSpan={3} className="px-3 py-1 text-center font-sans text-base">
                    {a.diffUnchanged(row.count)}
                  </td>
                </tr>
              ) : (
                <tr key={i} className={row.type === "added" ? "bg-emerald-50" : row.type === "removed" ? "bg-red-50" : ""}>
                  <td className="w-10 px-2 text-right align-top text-stone-400 select-none">{row.oldLine ?? ""}</td>
                  <td className="w-10 px-2 text-right align-top text-stone-400 select-none">{row.newLine ?? ""}</td>
                  <td className="px-2 py-0.5 align-top break-words whitespace-pre-wrap">
                    <span className="sr-only">{row.type === "added" ? a.diffAdded : row.type === "removed" ? a.diffRemoved : ""}</span>
                    <span aria-hidden="true" className={row.type === "added" ? "text-emerald-700" : row.type === "removed" ? "text-red-700" : "text-stone-400"}>
                      {row.type === "added" ? "+ " : row.type === "removed" ? "− " : "  "}
                    </span>
                    <span className={row.type === "removed" ? "line-through decoration-red-300" : ""}>{row.text}</span>
                  </td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
