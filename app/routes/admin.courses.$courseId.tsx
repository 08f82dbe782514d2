import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { SimpleForm } from "../components/auth-form";
import { CourseSettingsFields } from "../components/course-settings-fields";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Button, ButtonLink } from "../components/ui/button";
import { TextField } from "../components/ui/field";
import { Notice } from "../components/ui/notice";
import { Card, PageTitle } from "../components/ui/page";
import { refuseIfReadOnly, requireCourseAdmin } from "../lib/admin-access.server";
import { CourseSettingsSchema, NewLessonSchema } from "../lib/course-form";
import { chinaDate } from "../lib/dates";
import { parseForm } from "../lib/forms";
import { t } from "../lib/messages";
import { updateCourse } from "../models/admin-course.server";
import { listCategories } from "../models/campus.server";
import { createLesson, moveLesson } from "../models/lesson-authoring.server";
import { readForm } from "../lib/read-form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.course.title} - ${t.admin.coursesTitle} - ${t.site.name}` : `${t.admin.coursesTitle} - ${t.site.name}` },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  // Checked against the course's own campus, whatever id the address names.
  const { course } = await requireCourseAdmin(request, context, params.courseId);
  const categories = course.origin === "admin" ? await listCategories(context.db) : [];
  return {
    categories: categories.map((c) => ({ value: String(c.id), label: c.name })),
    course: {
      ...course,
      lessons: course.lessons.map((l) => ({
        id: l.id,
        slug: l.slug,
        title: l.title ?? l.slug,
        minutes: l.minutes,
        sourcePath: l.sourcePath,
        problems: l.problems ?? [],
        versionCount: l.versionCount ?? 0,
        state: l.archivedAt ? ("archived" as const) : l.published ? ("published" as const) : ("unpublished" as const),
        publishedOn: l.publishedAt ? chinaDate(l.publishedAt) : null,
      })),
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { course, actor } = await requireCourseAdmin(request, context, params.courseId);
  refuseIfReadOnly(course.origin);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const fail = (form: "settings" | "lesson", fieldErrors: Record<string, string>, values: Record<string, string>) =>
    data({ form, fieldErrors, values, message: null }, { status: 400 });

  if (intent === "settings") {
    const form = parseForm(formData, CourseSettingsSchema);
    if (!form.ok) return fail("settings", form.fieldErrors, form.values);
    const result = await updateCourse(context.db, course.id, form.data, actor);
    if (!result.ok) return fail("settings", { categoryId: t.authoring.errors.category }, {});
    return data({ form: "settings" as const, fieldErrors: {}, values: {}, message: t.authoring.settingsSaved });
  }
  if (intent === "lesson") {
    const form = parseForm(formData, NewLessonSchema);
    if (!form.ok) return fail("lesson", form.fieldErrors, form.values);
    const lessonId = await createLesson(context.db, context.laws, { courseId: course.id, ...form.data }, actor);
    return redirect(`/admin/lessons/${lessonId}?created=1`);
  }
  if (intent === "up" || intent === "down") {
    // Only a lesson of this course moves: an id from elsewhere is not found among its lessons.
    const lessonId = Number(formData.get("lessonId"));
    const moved = Number.isInteger(lessonId) && course.lessons.some((l) => l.id === lessonId) && (await moveLesson(context.db, course.id, lessonId, intent, actor));
    if (!moved) return fail("lesson", {}, {});
    return data({ form: "lesson" as const, fieldErrors: {} as Record<string, string>, values: {} as Record<string, string>, message: null });
  }
  return fail("settings", { form: t.errors.badRequest }, {});
}

export default function AdminCourse() {
  const { course, categories } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [search] = useSearchParams();
  const editable = course.origin === "admin";
  const settingsErrors: Record<string, string> = result?.form === "settings" ? result.fieldErrors : {};
  const lessonErrors: Record<string, string> = result?.form === "lesson" ? result.fieldErrors : {};
  return (
    <div className="space-y-6">
      <nav aria-label={t.nav.breadcrumbs} className="text-base text-stone-600">
        <Link to="/admin/courses" className="underline-offset-4 hover:underline">
          {t.admin.coursesTitle}
        </Link>
        {" · "}
        {course.campusName}
      </nav>
      <PageTitle subtitle={course.summary}>{course.title}</PageTitle>
      {course.origin === "content" ? <Notice tone="info">{t.admin.contentReadOnly}</Notice> : null}
      {search.get("created") === "course" ? <Notice tone="success">{t.authoring.courseCreated}</Notice> : null}
      {result?.message ? <Notice tone="success">{result.message}</Notice> : null}
      <Card>
        <h2 className="mb-3 text-2xl font-bold">{t.admin.settings}</h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-lg">
          <dt className="text-stone-600">{t.course.categoryLabel}</dt>
          <dd>{course.categoryName}</dd>
          <dt className="text-stone-600">{t.course.audienceLabel}</dt>
          <dd>{t.course.audience[course.audience]}</dd>
          <dt className="text-stone-600">{t.course.facts.hours}</dt>
          <dd>{t.course.hours(course.hours)}</dd>
          <dt className="text-stone-600">{t.course.facts.quiz}</dt>
          <dd>{t.course.passMark(course.passMark)}</dd>
          <dt className="text-stone-600">{t.course.facts.address}</dt>
          <dd className="break-all">
            <Link to={`/courses/${course.slug}`} className="text-brand-700 underline underline-offset-4">
              /courses/{course.slug}
            </Link>
          </dd>
        </dl>
        {editable ? (
          <details className="mt-4" open={Object.keys(settingsErrors).length > 0}>
            <summary className="inline-flex min-h-12 cursor-pointer items-center text-lg font-medium text-brand-700">{t.authoring.editSettings}</summary>
            <div className="mt-3">
              <SimpleForm submitLabel={t.authoring.saveSettings} formError={settingsErrors.form} intent="settings">
                <CourseSettingsFields
                  values={result?.form === "settings" && Object.keys(settingsErrors).length ? result.values : {
                    title: course.title,
                    summary: course.summary,
                    categoryId: String(course.categoryId),
                    audience: course.audience,
                    hours: String(Number(course.hours)),
                    passMark: String(course.passMark),
                    order: String(course.sortOrder),
                  }}
                  errors={settingsErrors}
                  categories={categories}
                />
              </SimpleForm>
            </div>
          </details>
        ) : null}
      </Card>
      <section aria-labelledby="admin-lessons">
        <h2 id="admin-lessons" className="mb-3 text-2xl font-bold">
          {t.admin.lessonsHeading}
        </h2>
        <ol className="space-y-3">
          {course.lessons.map((l, i) => (
            <li key={l.id} className="rounded-2xl border border-stone-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <span className="text-base text-stone-500">{t.course.lessonNumber(i + 1)}</span>
                <span className="min-w-0 flex-1 text-lg font-medium">{l.title}</span>
                <span className="rounded-full bg-stone-100 px-2 text-base">{t.admin.lessonState[l.state]}</span>
              </div>
              <p className="mt-1 text-base text-stone-600">
                {t.admin.versions(l.versionCount)}
                {l.publishedOn ? ` · ${l.publishedOn}` : ""}
                {l.sourcePath ? ` · ${l.sourcePath}` : ""}
              </p>
              {l.problems.length ? (
                <div className="mt-2 rounded-xl border-2 border-red-300 bg-red-50 px-3 py-2 text-base text-red-900">
                  <p className="font-bold">{t.admin.problemsHint}</p>
                  <ul className="mt-1 list-disc pl-5">
                    {l.problems.map((p, j) => (
                      <li key={j}>
                        {t.common.labelled(t.authoring.problemAt(p.line, p.column), p.message)}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <div className="mt-2 flex flex-wrap gap-2">
                {editable ? <ButtonLink to={`/admin/lessons/${l.id}`}>{t.authoring.editLesson}</ButtonLink> : null}
                {editable && l.state !== "archived" ? (
                  <Form method="post" className="flex gap-2">
                    <input type="hidden" name="lessonId" value={l.id} />
                    <Button name="intent" value="up" variant="secondary" disabled={i === 0} aria-label={t.common.labelled(t.authoring.moveUp, l.title)}>
                      ↑
                    </Button>
                    <Button name="intent" value="down" variant="secondary" disabled={i === course.lessons.length - 1} aria-label={t.common.labelled(t.authoring.moveDown, l.title)}>
                      ↓
                    </Button>
                  </Form>
                ) : null}
                <ButtonLink to={`/admin/lessons/${l.id}/history`} variant="secondary">
                  {t.authoring.history}
                </ButtonLink>
                {l.state === "published" ? (
                  <Link to={`/courses/${course.slug}/${l.slug}`} className="inline-flex min-h-12 items-center px-2 text-base text-brand-700 underline underline-offset-4">
                    {t.admin.viewAsLearner}
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
        {course.lessons.length === 0 ? <p className="text-lg text-stone-700">{t.authoring.noLessons}</p> : null}
      </section>
      {editable ? (
        <Card>
          <h2 className="mb-3 text-2xl font-bold">{t.authoring.newLesson}</h2>
          <SimpleForm submitLabel={t.authoring.createLesson} formError={lessonErrors.form} intent="lesson">
            <TextField label={t.authoring.fields.lessonTitle} name="title" maxLength={60} defaultValue={result?.form === "lesson" ? result.values.title : undefined} error={lessonErrors.title} required />
            <TextField label={t.authoring.fields.minutes} name="minutes" inputMode="numeric" defaultValue={result?.form === "lesson" ? (result.values.minutes ?? "10") : "10"} error={lessonErrors.minutes} required />
          </SimpleForm>
        </Card>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
