import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  MaxPartSizeExceededError,
  type MetaFunction,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ImageUploadForm } from "../components/editor/image-upload";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { Card, PageTitle } from "../components/ui/page";
import { administeredCampusIds, hasRole, requireRole } from "../lib/auth.server";
import { snippet } from "../lib/editor-snippets";
import { t } from "../lib/messages";
import { listCampuses } from "../models/campus.server";
import { getLessonForEditor } from "../models/lesson-authoring.server";
import { listCampusMedia, MAX_IMAGE_BYTES, storeImage } from "../models/media.server";

const m = t.authoring.media;

export const meta: MetaFunction = () => [{ title: `${m.title} - ${t.admin.title} - ${t.site.name}` }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const scope = administeredCampusIds(session);
  const [campuses, media] = await Promise.all([listCampuses(context.db), listCampusMedia(context.db, scope)]);
  return {
    campuses: campuses.filter((c) => scope === null || scope.includes(c.id)).map((c) => ({ value: String(c.id), label: c.name })),
    media: media.map((item) => ({ ...item, snippet: snippet("figure", "", { src: `/media/${item.id}`, alt: item.name || "图片说明" }) })),
  };
}

export type UploadResult = { ok: true; src: string; snippet: string } | { ok: false; error: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const session = requireRole(request, context, "branch_admin");
  const refuse = (error: string, status: number) => data<UploadResult>({ ok: false, error }, { status });
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) return refuse(m.errors.empty, 400);
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_IMAGE_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return refuse(m.errors.size, 413);
    return refuse(m.errors.broken, 400);
  }

  // The campus is the lesson's (from the editor) or the chosen one (from this page): checked either way.
  const lessonId = String(form.get("lessonId") ?? "");
  const campusId = /^\d{1,9}$/.test(lessonId)
    ? (await getLessonForEditor(context.db, Number(lessonId)))?.campusId
    : /^\d{1,9}$/.test(String(form.get("campusId") ?? ""))
      ? Number(form.get("campusId"))
      : undefined;
  if (campusId === undefined) return refuse(m.errors.campus, 400);
  if (!hasRole(session, "branch_admin", campusId)) return refuse(t.admin.forbidden, 403);

  const alt = String(form.get("alt") ?? "").trim();
  const caption = String(form.get("caption") ?? "").trim();
  if (alt.length < 1 || alt.length > 200) return refuse(m.errors.alt, 400);
  if (caption.length > 200) return refuse(m.errors.caption, 400);
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0) return refuse(m.errors.empty, 400);

  const stored = await storeImage(
    context.db,
    { campusId, bytes: new Uint8Array(await file.arrayBuffer()), name: "name" in file ? String(file.name) : "" },
    { id: session.user.id, ip: context.clientIp },
  );
  if (!stored.ok) return refuse(m.errors[stored.reason], stored.reason === "size" ? 413 : stored.reason === "type" ? 415 : 400);
  const src = `/media/${stored.id}`;
  return data<UploadResult>({ ok: true, src, snippet: snippet("figure", "", { src, alt, caption }) });
}

export default function MediaLibrary() {
  const { campuses, media } = useLoaderData<typeof loader>();
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: "/admin", label: t.admin.title }]} />
      <PageTitle subtitle={m.intro}>{m.title}</PageTitle>
      <Card>
        <ImageUploadForm campuses={campuses} />
      </Card>
      <section aria-labelledby="media-library">
        <h2 id="media-library" className="mb-3 text-2xl font-bold">
          {m.library}
        </h2>
        {media.length === 0 ? <p className="text-lg text-stone-700">{m.none}</p> : null}
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {media.map((item) => (
            <li key={item.id} className="rounded-2xl border border-stone-200 bg-white p-3">
              <img src={`/media/${item.id}`} alt={item.name} loading="lazy" className="mx-auto h-40 w-full rounded-lg object-contain" />
              <p className="mt-2 text-base break-all text-stone-600">
                {item.name} · {item.width}×{item.height}
              </p>
              <code className="mt-1 block text-sm break-all text-stone-800 select-all">{item.snippet}</code>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
