import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { type ShouldRevalidateFunction, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { LessonEditor } from "../components/editor/lesson-editor";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { Notice } from "../components/ui/notice";
import { PageTitle } from "../components/ui/page";
import { refuseIfReadOnly, requireLessonAdmin } from "../lib/admin-access.server";
import { LessonSaveSchema, MAX_BODY_CHARS, NewLessonSchema } from "../lib/course-form";
import { parseForm } from "../lib/forms";
import { previewDraft, previewStored } from "../lib/lesson-preview.server";
import { lessonBody, problemsInBody } from "../lib/lesson-source";
import { t } from "../lib/messages";
import { getVersion, saveLesson, versionAnswers } from "../models/lesson-authoring.server";
import { readForm } from "../lib/read-form.server";

const a = t.authoring;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data ? a.editorTitle(data.version?.title ?? "") : a.editLesson} - ${t.site.name}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { lesson } = await requireLessonAdmin(request, context, params.lessonId);
  // ?from=<version> opens an older version for editing (its text becomes the next version's start).
  const from = new URL(request.url).searchParams.get("from");
  const versionId = from && /^\d{1,18}$/.test(from) ? from : lesson.headVersionId;
  const version = versionId ? await getVersion(context.db, lesson.id, versionId) : undefined;
  if (from && !version) throw new Response(a.errors.versionNotFound, { status: 404 });
  const published = lesson.publishedVersionId ? await getVersion(context.db, lesson.id, lesson.publishedVersionId) : undefined;
  const preview = version ? previewStored(context.laws, version, await versionAnswers(context.db, version.id)) : null;
  return {
    lesson: { id: lesson.id, slug: lesson.slug, courseId: lesson.courseId, courseSlug: lesson.courseSlug, courseTitle: lesson.courseTitle },
    editable: lesson.origin === "admin",
    headVersionId: lesson.headVersionId ?? "",
    publishedNumber: published?.number ?? null,
    version: version
      ? { id: version.id, number: version.number, title: version.title, minutes: version.minutes, body: lessonBody(version.source) }
      : null,
    preview,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lesson, actor } = await requireLessonAdmin(request, context, params.lessonId);
  refuseIfReadOnly(lesson.origin);
  const formData = await readForm(request);
  const intent = formData.get("intent");

  if (intent === "preview") {
    const body = String(formData.get("body") ?? "").replace(/\r\n?/g, "\n");
    if (body.length > MAX_BODY_CHARS) return data({ kind: "preview" as const, preview: tooLong(), values: typed(formData) }, { status: 413 });
    // Title and minutes may be half-typed while previewing: stand-ins keep the preview of the body going.
    const fields = NewLessonSchema.safeParse({ title: formData.get("title"), minutes: formData.get("minutes") });
    const preview = await previewDraft(context.laws, fields.success ? fields.data.title : a.preview, fields.success ? fields.data.minutes : 1, body);
    return data({ kind: "preview" as const, preview, values: typed(formData) });
  }

  if (intent !== "save" && intent !== "publish") return data({ kind: "save" as const, ...refused(t.errors.badRequest, formData) }, { status: 400 });
  const form = parseForm(formData, LessonSaveSchema);
  if (!form.ok) {
    const status = form.fieldErrors.body ? 413 : 400;
    return data({ kind: "save" as const, ...refused(Object.values(form.fieldErrors)[0] ?? t.errors.badRequest, formData, form.fieldErrors) }, { status });
  }
  const result = await saveLesson(context.db, context.laws, { lessonId: lesson.id, ...form.data, publish: intent === "publish" }, actor);
  const problems = problemsInBody(result.problems);
  const message = result.conflict
    ? a.conflict(result.conflict.number, result.conflict.authorName ?? a.someone)
    : result.published
      ? a.publishedNow(result.number)
      : problems.length
        ? a.savedBroken(result.number)
        : result.created
          ? a.savedDraft(result.number)
          : a.savedSame(result.number);
  // A conflict and a lesson that does not compile are refusals (nothing published), but the text was kept as a version.
  const status = result.conflict ? 409 : problems.length ? 422 : 200;
  return data(
    {
      kind: "save" as const,
      ok: status === 200,
      message,
      fieldErrors: {} as Record<string, string>,
      problems,
      headVersionId: result.headVersionId,
      published: result.published,
      values: null,
    },
    { status },
  );
}

/** The fields as typed, returned with previews and refusals: a page rendered without JavaScript shows them again. */
function typed(formData: FormData) {
  const field = (name: string) => String(formData.get(name) ?? "");
  return { title: field("title"), minutes: field("minutes"), body: field("body").replace(/\r\n?/g, "\n") };
}

function tooLong() {
  return { ok: false as const, problems: [{ line: 0, column: 0, message: a.errors.bodyTooLong }] };
}

function refused(message: string, formData: FormData, fieldErrors: Record<string, string> = {}) {
  return { ok: false, message, fieldErrors, problems: [], headVersionId: null, published: false, values: typed(formData) };
}

// Previews post to this route on every pause in typing: they change nothing, so nothing reloads.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "preview" ? false : defaultShouldRevalidate;

export default function EditLesson() {
  const { lesson, editable, headVersionId, publishedNumber, version, preview } = useLoaderData<typeof loader>();
  const typedBack = useActionData<typeof action>()?.values;
  const [search] = useSearchParams();
  const editingOld = version && version.id !== headVersionId;
  return (
    <div className="space-y-4">
      <Breadcrumbs items={[{ to: "/admin/courses", label: t.admin.coursesTitle }, { to: `/admin/courses/${lesson.courseId}`, label: lesson.courseTitle }, { to: `/admin/lessons/${lesson.id}/history`, label: a.history }]} />
      <PageTitle subtitle={publishedNumber ? a.publishedVersion(publishedNumber) : a.notPublished}>{a.editorTitle(version?.title ?? "")}</PageTitle>
      {search.get("created") ? <Notice tone="success">{a.lessonCreated}</Notice> : null}
      {editingOld ? <Notice tone="info">{a.editingFrom(version.number)}</Notice> : null}
      {!editable ? <Notice tone="info">{a.errors.readOnly}</Notice> : null}
      {editable ? (
        <LessonEditor
          key={`${lesson.id}:${search.get("from") ?? ""}`}
          lessonId={lesson.id}
          baseVersionId={headVersionId}
          initial={typedBack ?? { title: version?.title ?? "", minutes: String(version?.minutes ?? 10), body: version?.body ?? "" }}
          initialPreview={preview}
          learnerHref={publishedNumber ? `/courses/${lesson.courseSlug}/${lesson.slug}` : null}
        />
      ) : (
        <pre className="overflow-x-auto rounded-2xl border border-stone-200 bg-white p-4 text-base whitespace-pre-wrap">{version?.body}</pre>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
