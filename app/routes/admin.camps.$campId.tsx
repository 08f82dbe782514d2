import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  type MetaFunction,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AssignmentsSection, ImportSection, PeopleSection, SessionsSection } from "../components/camp/manage-sections";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { Breadcrumbs } from "../components/ui/breadcrumbs";
import { ButtonLink } from "../components/ui/button";
import { Notice } from "../components/ui/notice";
import { PageTitle } from "../components/ui/page";
import { requireCamp } from "../lib/camp-access.server";
import { AssignSchema, SessionSchema } from "../lib/camp-form";
import { dayLabel } from "../lib/dates";
import { idFrom, parseForm } from "../lib/forms";
import { MAX_IMPORT_ROWS, parseMemberCsv } from "../lib/member-csv";
import { t } from "../lib/messages";
import { maskPhone, normalizePhone } from "../lib/phone";
import {
  addPerson,
  addSession,
  assign,
  assignableSubjects,
  importableUsers,
  importMembers,
  listAssignments,
  listPeople,
  listSessions,
  previewImport,
  removeMember,
} from "../models/camp.server";
import { findUserByPhone } from "../models/user.server";
import { readForm } from "../lib/read-form.server";

const c = t.camps;
export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.camp.name ?? c.title} - ${c.adminTitle} - ${t.site.name}` }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { camp } = await requireCamp(request, context, params.campId, "manager");
  const [instructors, members, sessions, assignments, subjects] = await Promise.all([
    listPeople(context.db, camp.id, "camp_instructors"),
    listPeople(context.db, camp.id, "camp_members"),
    listSessions(context.db, camp.id),
    listAssignments(context.db, camp.id),
    assignableSubjects(context.db),
  ]);
  const masked = (people: typeof members) => people.map((p) => ({ id: p.id, name: p.name, phone: maskPhone(p.phone) }));
  return {
    camp: { ...camp, dates: `${dayLabel(camp.startsOn)} – ${dayLabel(camp.endsOn)}` },
    instructors: masked(instructors),
    members: masked(members),
    sessions: sessions.map((s) => ({ ...s, day: dayLabel(s.date) })),
    assignments: assignments.map((a) => ({ id: a.id, title: a.title, due: dayLabel(a.dueOn) })),
    subjects,
  };
}

type Result = { form: string; ok: boolean; message: string; fieldErrors: Record<string, string>; preview?: ImportView };
export type ImportView = {
  add: { line: number; name: string; accountName: string; phone: string }[];
  already: { line: number; accountName: string; phone: string }[];
  unknown: { line: number; name: string; phone: string }[];
  malformed: { line: number; reason: string }[];
  duplicates: { line: number; phone: string }[];
  userIds: string;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { camp, actor } = await requireCamp(request, context, params.campId, "manager");
  const reply = (form: string, ok: boolean, message: string, status = ok ? 200 : 400, extra: Partial<Result> = {}) =>
    data<Result>({ form, ok, message, fieldErrors: {}, ...extra }, { status });

  // The CSV preview is a file upload; every other form is small. Both are read the same way.
  let formData: FormData;
  try {
    formData = request.headers.get("content-type")?.startsWith("multipart/form-data")
      ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: 1024 * 1024 }))
      : await readForm(request);
  } catch {
    return reply("import", false, c.errors.csvTooMany, 413);
  }
  const intent = String(formData.get("intent") ?? "");

  if (intent === "preview-import") {
    // Parsed and matched; nothing saved.
    const file = formData.get("file");
    if (!(file instanceof Blob) || file.size === 0) return reply("import", false, c.errors.csvMissing);
    const parsed = parseMemberCsv(new Uint8Array(await file.arrayBuffer()));
    if (!parsed.ok) {
      const messages = { encoding: c.errors.csvEncoding, empty: c.errors.csvEmpty, too_many: c.errors.csvTooMany, columns: c.errors.csvColumns };
      return reply("import", false, messages[parsed.error], parsed.error === "too_many" ? 413 : parsed.error === "encoding" ? 415 : 400);
    }
    const preview = await previewImport(context.db, camp.id, parsed.rows);
    const mask = <T extends { phone: string }>(rows: T[]) => rows.map((r) => ({ ...r, phone: maskPhone(r.phone) }));
    return reply("import", true, "", 200, {
      preview: {
        add: mask(preview.add),
        already: mask(preview.already),
        unknown: mask(preview.unknown),
        malformed: parsed.malformed,
        duplicates: mask(parsed.duplicates),
        userIds: preview.add.map((a) => a.userId).join(","),
      },
    });
  }
  if (intent === "member" || intent === "instructor") {
    const user = await findUserByPhone(context.db, normalizePhone(String(formData.get("phone") ?? "")));
    if (!user) return reply(intent, false, c.errors.userNotFound);
    const added = await addPerson(context.db, camp, intent, user.id, actor);
    return reply(intent, added, added ? `${user.displayName}` : c.errors.already);
  }
  if (intent === "remove") {
    const userId = idFrom(formData.get("userId"));
    const removed = userId !== null && (await removeMember(context.db, camp, userId, actor));
    return reply("member", removed, removed ? "" : c.errors.member, removed ? 200 : 404);
  }
  if (intent === "import") {
    const ids = String(formData.get("userIds") ?? "")
      .split(",")
      .filter((s) => /^\d{1,9}$/.test(s))
      .map(Number);
    if (ids.length === 0 || ids.length > MAX_IMPORT_ROWS) return reply("import", false, c.errors.csvEmpty);
    // Only registered users not yet in the camp: a forged list adds nobody else.
    const importable = await importableUsers(context.db, camp.id, ids);
    if (importable.length !== new Set(ids).size) return reply("import", false, c.errors.csvStale, 409);
    const count = await importMembers(context.db, camp, importable.map((u) => u.id), actor);
    return reply("import", true, c.imported(count));
  }
  if (intent === "session") {
    const form = parseForm(formData, SessionSchema);
    if (!form.ok) return reply("session", false, Object.values(form.fieldErrors)[0] ?? "", 400, { fieldErrors: form.fieldErrors });
    await addSession(context.db, camp, form.data, actor);
    return reply("session", true, "");
  }
  if (intent === "assign") {
    const form = parseForm(formData, AssignSchema);
    if (!form.ok) return reply("assign", false, Object.values(form.fieldErrors)[0] ?? "", 400, { fieldErrors: form.fieldErrors });
    const [kind, id] = form.data.subject.split(":") as ["course" | "path", string];
    const allowed = (await assignableSubjects(context.db)).some((s) => s.value === form.data.subject);
    if (!allowed) return reply("assign", false, c.errors.subject);
    await assign(context.db, camp, kind === "course" ? { courseId: Number(id) } : { pathId: Number(id) }, form.data.dueOn, actor);
    return reply("assign", true, "");
  }
  return reply("form", false, t.errors.badRequest);
}

export default function ManageCamp() {
  const { camp, instructors, members, sessions, assignments, subjects } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const of = (form: string) => (result?.form === form ? result : undefined);
  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ to: "/admin/camps", label: c.adminTitle }]} />
      <PageTitle subtitle={`${camp.campusName} · ${camp.dates} · ${camp.place}`}>{camp.name}</PageTitle>
      {result?.form === "form" ? <Notice tone="error">{result.message}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <ButtonLink to={`/camps/${camp.id}`}>{c.title}</ButtonLink>
        <ButtonLink to={`/camps/${camp.id}/board`} variant="secondary">
          {c.board}
        </ButtonLink>
      </div>
      <PeopleSection title={c.instructors} intent="instructor" addLabel={c.addInstructor} people={instructors} result={of("instructor")} />
      <PeopleSection title={c.membersTitle} intent="member" addLabel={c.addMember} people={members} result={of("member")} removable />
      <ImportSection result={of("import")} />
      <SessionsSection campId={camp.id} sessions={sessions} result={of("session")} />
      <AssignmentsSection assignments={assignments} subjects={subjects} result={of("assign")} />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
