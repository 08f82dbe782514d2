import { Form, Link, useNavigation } from "@remix-run/react";
import { t } from "../../lib/messages";
import type { ImportView } from "../../routes/admin.camps.$campId";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import { Card } from "../ui/page";

const c = t.camps;
type Result = { ok: boolean; message: string; fieldErrors: Record<string, string>; preview?: ImportView } | undefined;

function Outcome({ result }: { result: Result }) {
  if (!result?.message) return null;
  return <Notice tone={result.ok ? "success" : "error"}>{result.message}</Notice>;
}

export function PeopleSection({
  title,
  intent,
  addLabel,
  people,
  result,
  removable = false,
}: {
  title: string;
  intent: "member" | "instructor";
  addLabel: string;
  people: { id: number; name: string; phone: string }[];
  result: Result;
  removable?: boolean;
}) {
  return (
    <Card>
      <h2 className="mb-3 text-2xl font-bold">
        {title}
        {t.common.parenthesized(String(people.length))}
      </h2>
      {people.length > 0 ? (
        <ul className="mb-4 divide-y divide-stone-200" data-testid={`${intent}-list`}>
          {people.map((p) => (
            <li key={p.id} className="flex min-h-12 flex-wrap items-center gap-x-3 py-1 text-lg">
              <span className="flex-1">{p.name}</span>
              <span className="text-base text-stone-600">{p.phone}</span>
              {removable ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="remove" />
                  <input type="hidden" name="userId" value={p.id} />
                  <Button variant="ghost" aria-label={t.common.labelled(c.remove, p.name)}>
                    {c.remove}
                  </Button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <Form method="post" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <input type="hidden" name="intent" value={intent} />
        <div className="flex-1">
          <TextField label={t.common.labelled(addLabel, c.fields.phone)} name="phone" inputMode="numeric" autoComplete="off" required />
        </div>
        <Button variant="secondary">{addLabel}</Button>
      </Form>
      <div className="mt-3">
        <Outcome result={result} />
      </div>
    </Card>
  );
}

export function ImportSection({ result }: { result: Result }) {
  const navigation = useNavigation();
  const preview = result?.preview;
  return (
    <Card>
      <h2 className="mb-3 text-2xl font-bold">{c.importTitle}</h2>
      <Form method="post" encType="multipart/form-data" className="flex flex-col gap-3">
        <input type="hidden" name="intent" value="preview-import" />
        <label className="flex flex-col gap-1 text-lg font-medium">
          {c.fields.csv}
          <span className="text-base font-normal text-stone-600">{c.fields.csvHint}</span>
          <input type="file" name="file" accept=".csv,text/csv" required className="min-h-12 text-base file:mr-3 file:min-h-12 file:rounded-xl file:border-2 file:border-stone-300 file:bg-white file:px-4 file:text-lg" />
        </label>
        <Button variant="secondary" className="self-start" disabled={navigation.state !== "idle"}>
          {c.previewImport}
        </Button>
      </Form>
      <div className="mt-3 space-y-3" data-testid="import-preview">
        {result && !preview ? <Outcome result={result} /> : null}
        {preview ? (
          <>
            <PreviewList title={c.importWillAdd(preview.add.length)} tone="text-emerald-900" items={preview.add.map((r) => `${c.row(r.line)} ${r.accountName} ${r.phone}`)} />
            <PreviewList title={c.importAlready(preview.already.length)} tone="text-stone-700" items={preview.already.map((r) => `${c.row(r.line)} ${r.accountName} ${r.phone}`)} />
            <PreviewList title={c.importUnknown(preview.unknown.length)} tone="text-amber-900" items={preview.unknown.map((r) => `${c.row(r.line)} ${r.name} ${r.phone}`)} />
            <PreviewList title={c.importMalformed(preview.malformed.length)} tone="text-red-800" items={preview.malformed.map((r) => t.common.labelled(c.row(r.line), r.reason))} />
            <PreviewList title={c.importDuplicates(preview.duplicates.length)} tone="text-red-800" items={preview.duplicates.map((r) => `${c.row(r.line)} ${r.phone}`)} />
            {preview.add.length > 0 ? (
              <Form method="post">
                <input type="hidden" name="intent" value="import" />
                <input type="hidden" name="userIds" value={preview.userIds} />
                <Button>{c.confirmImport(preview.add.length)}</Button>
              </Form>
            ) : null}
          </>
        ) : null}
      </div>
    </Card>
  );
}

function PreviewList({ title, items, tone }: { title: string; items: string[]; tone: string }) {
  if (items.length === 0) return null;
  return (
    <details open={items.length <= 20} className={`rounded-xl border border-stone-200 px-3 py-2 ${tone}`}>
      <summary className="min-h-11 cursor-pointer text-lg font-medium">{title}</summary>
      <ul className="mt-1 list-disc pl-6 text-base">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </details>
  );
}

export function SessionsSection({
  campId,
  sessions,
  result,
}: {
  campId: number;
  sessions: { id: number; day: string; startsAt: string; endsAt: string; place: string; topic: string; attended: number | null }[];
  result: Result;
}) {
  const errors = result?.fieldErrors ?? {};
  return (
    <Card>
      <h2 className="mb-3 text-2xl font-bold">{c.schedule}</h2>
      {sessions.length === 0 ? <p className="mb-3 text-lg text-stone-700">{c.noSessions}</p> : null}
      <ol className="mb-4 divide-y divide-stone-200">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2 text-lg">
            <span className="min-w-0 flex-1">
              {s.day} {s.startsAt}–{s.endsAt} · {s.topic}
              <span className="block text-base text-stone-600">
                {s.place} · {c.attendance} {s.attended ?? 0}
              </span>
            </span>
            <Link to={`/camps/${campId}/checkin/${s.id}`} className="inline-flex min-h-12 items-center text-brand-700 underline underline-offset-4">
              {c.checkin}
            </Link>
          </li>
        ))}
      </ol>
      <Form method="post" className="grid gap-4 sm:grid-cols-2">
        <input type="hidden" name="intent" value="session" />
        <TextField label={c.fields.date} name="date" type="date" error={errors.date} required />
        <TextField label={c.fields.topic} name="topic" maxLength={60} error={errors.topic} required />
        <TextField label={c.fields.startsAt} name="startsAt" type="time" error={errors.startsAt} required />
        <TextField label={c.fields.endsAt} name="endsAt" type="time" error={errors.endsAt} required />
        <div className="sm:col-span-2">
          <TextField label={c.fields.place} name="place" maxLength={100} error={errors.place} required />
        </div>
        <Button variant="secondary" className="sm:col-span-2 sm:justify-self-start">
          {c.addSession}
        </Button>
      </Form>
    </Card>
  );
}

export function AssignmentsSection({
  assignments,
  subjects,
  result,
}: {
  assignments: { id: number; title: string; due: string }[];
  subjects: { value: string; label: string }[];
  result: Result;
}) {
  const errors = result?.fieldErrors ?? {};
  return (
    <Card>
      <h2 className="mb-3 text-2xl font-bold">{c.assignments}</h2>
      {assignments.length === 0 ? <p className="mb-3 text-lg text-stone-700">{c.noAssignments}</p> : null}
      <ul className="mb-4 divide-y divide-stone-200">
        {assignments.map((a) => (
          <li key={a.id} className="flex flex-wrap gap-x-3 py-2 text-lg">
            <span className="flex-1">{a.title}</span>
            <span className="text-base text-stone-600">{c.due(a.due)}</span>
          </li>
        ))}
      </ul>
      <Form method="post" className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <input type="hidden" name="intent" value="assign" />
        <SelectField label={c.fields.subject} name="subject" options={subjects} placeholder={t.common.choose} error={errors.subject} />
        <TextField label={c.fields.dueOn} name="dueOn" type="date" error={errors.dueOn} required />
        <Button variant="secondary" className="sm:justify-self-start">
          {c.assign}
        </Button>
      </Form>
      {result && !result.ok && !Object.keys(errors).length ? <Notice tone="error">{result.message}</Notice> : null}
    </Card>
  );
}
