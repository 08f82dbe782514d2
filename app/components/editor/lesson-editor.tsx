import { Form, Link, useActionData, useBeforeUnload, useBlocker, useFetcher, useNavigation } from "@remix-run/react";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { MAX_BODY_CHARS } from "../../lib/course-form";
import { insertBlock, snippet, snippetLabels, type SnippetKey } from "../../lib/editor-snippets";
import type { Preview } from "../../lib/lesson-preview.server";
import type { EditorProblem } from "../../lib/lesson-source";
import { t } from "../../lib/messages";
import { Button } from "../ui/button";
import { TextField } from "../ui/field";
import { Notice } from "../ui/notice";
import { ImageUploadForm } from "./image-upload";
import { LessonPreview, ProblemList } from "./lesson-preview";
import { NumberedTextarea, type NumberedTextareaHandle } from "./numbered-textarea";

const a = t.authoring;
/** A pause in typing this long sends the text for a preview. */
const PREVIEW_DELAY_MS = 600;

type SaveData = {
  kind: "save";
  ok: boolean;
  message: string;
  fieldErrors: Record<string, string>;
  problems: EditorProblem[];
  headVersionId: string | null;
  published: boolean;
};
type PreviewData = { kind: "preview"; preview: Preview };

/**
 * The lesson editor: title and minutes, a toolbar of blocks, the body with line numbers, and a
 * live preview compiled on the server. Save and publish are a plain form post (works without
 * JavaScript); the preview and the toolbar need it.
 */
export function LessonEditor({
  lessonId,
  baseVersionId,
  initial,
  initialPreview,
  learnerHref,
}: {
  lessonId: number;
  baseVersionId: string;
  initial: { title: string; minutes: string; body: string };
  initialPreview: Preview | null;
  learnerHref: string | null;
}) {
  const [title, setTitle] = useState(initial.title);
  const [minutes, setMinutes] = useState(initial.minutes);
  const [body, setBody] = useState(initial.body);
  const [base, setBase] = useState(baseVersionId);
  const [hydrated, setHydrated] = useState(false);
  const [imagePanel, setImagePanel] = useState(false);
  const editor = useRef<NumberedTextareaHandle>(null);
  const previewFetcher = useFetcher<PreviewData>({ key: `preview-${lessonId}` });
  const saved = useActionData<SaveData | PreviewData>();
  const navigation = useNavigation();
  const saving = navigation.state !== "idle" && navigation.formData?.get("intent") !== "preview";
  const dirty = useRef(false);
  // What the server has stored, to warn before leaving with unsaved text.
  const [stored, setStored] = useState(() => JSON.stringify(initial));
  const submitted = useRef<string | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const unsaved = hydrated && JSON.stringify({ title, minutes, body }) !== stored;

  useEffect(() => setHydrated(true), []);

  // A save moves the newest version on: the next save starts from there, and that text is stored.
  useEffect(() => {
    if (saved?.kind !== "save" || !saved.headVersionId) return;
    setBase(saved.headVersionId);
    if (submitted.current) setStored(submitted.current);
  }, [saved]);

  useBeforeUnload(
    useCallback(
      (event: BeforeUnloadEvent) => {
        if (unsaved) event.preventDefault();
      },
      [unsaved],
    ),
  );
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(a.leaveUnsaved)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    // Refused here, before a long text travels: the server would refuse it too, and the text stays put.
    if (body.length > MAX_BODY_CHARS) {
      event.preventDefault();
      setClientError(a.errors.bodyTooLong);
      return;
    }
    setClientError(null);
    submitted.current = JSON.stringify({ title, minutes, body });
  };

  useEffect(() => {
    if (!dirty.current) return;
    const timer = setTimeout(() => {
      previewFetcher.submit({ intent: "preview", title, minutes, body }, { method: "post" });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
    // previewFetcher is stable enough; re-running on its identity would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [title, minutes, body]);

  const change = <T,>(set: (v: T) => void) => (v: T) => {
    dirty.current = true;
    set(v);
  };

  const preview = previewFetcher.data?.preview ?? (saved?.kind === "preview" ? saved.preview : initialPreview);
  const saveProblems = saved?.kind === "save" ? saved.problems : [];
  const previewProblems = preview && !preview.ok ? preview.problems : [];
  // The newest word on the text wins: a preview after the save, else the save's own check.
  const problems = previewFetcher.data || !saveProblems.length ? previewProblems : saveProblems;
  const fieldErrors = saved?.kind === "save" ? saved.fieldErrors : {};

  const insert = (block: string) => {
    const el = editor.current?.element;
    const next = insertBlock(body, el?.selectionStart ?? body.length, block);
    change(setBody)(next.text);
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };
  const onTool = (key: SnippetKey) => (key === "figure" ? setImagePanel((open) => !open) : insert(snippet(key, body)));
  const goTo = (line: number, column: number) => editor.current?.goToLine(line, column);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <div className="min-w-0 space-y-4">
        {clientError ? <Notice tone="error">{clientError}</Notice> : null}
        {saved?.kind === "save" && !clientError ? <Notice tone={saved.ok ? "success" : "error"}>{saved.message}</Notice> : null}
        <Form method="post" id="lesson-form" className="space-y-4" onSubmit={onSubmit}>
          <input type="hidden" name="baseVersionId" value={base} />
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <TextField label={t.authoring.fields.lessonTitle} name="title" value={title} onChange={(e) => change(setTitle)(e.target.value)} maxLength={60} error={fieldErrors.title} required />
            <TextField label={t.authoring.fields.minutes} name="minutes" inputMode="numeric" value={minutes} onChange={(e) => change(setMinutes)(e.target.value)} error={fieldErrors.minutes} required />
          </div>
          <div className="space-y-2">
            <label htmlFor="lesson-body" className="block text-lg font-medium">
              {a.body}
            </label>
            <p id="lesson-body-hint" className="text-base text-stone-600">
              {a.bodyHint}
            </p>
            {hydrated ? (
              <div role="toolbar" aria-label={a.toolbarLabel} className="flex flex-wrap gap-2">
                {(Object.keys(snippetLabels) as SnippetKey[]).map((key) => (
                  <button
                    key={key}
                    type="button"
                    onClick={() => onTool(key)}
                    aria-expanded={key === "figure" ? imagePanel : undefined}
                    className="min-h-12 rounded-xl border-2 border-stone-300 bg-white px-4 text-lg hover:border-brand-600 hover:bg-brand-50"
                  >
                    {a.insertSnippet(snippetLabels[key])}
                  </button>
                ))}
              </div>
            ) : null}
            <NumberedTextarea
              ref={editor}
              id="lesson-body"
              name="body"
              aria-describedby="lesson-body-hint"
              value={body}
              onChange={(e) => change(setBody)(e.target.value)}
              problemLines={problems.map((p) => p.line).filter((l) => l > 0)}
            />
            {fieldErrors.body ? <p className="text-base font-medium text-red-700">{fieldErrors.body}</p> : null}
          </div>
          <div className="flex flex-wrap gap-3">
            <Button name="intent" value="save" variant="secondary" disabled={saving}>
              {a.saveDraft}
            </Button>
            <Button name="intent" value="publish" disabled={saving}>
              {a.saveAndPublish}
            </Button>
            {hydrated ? null : (
              <Button name="intent" value="preview" variant="ghost">
                {a.previewButton}
              </Button>
            )}
            {learnerHref ? (
              <Link to={learnerHref} className="inline-flex min-h-12 items-center px-2 text-lg text-brand-700 underline underline-offset-4">
                {t.admin.viewAsLearner}
              </Link>
            ) : null}
          </div>
        </Form>
        {imagePanel ? (
          <div className="rounded-2xl border-2 border-brand-600/30 bg-white p-4">
            <ImageUploadForm
              lessonId={lessonId}
              onUploaded={(result) => {
                insert(result.snippet);
                setImagePanel(false);
              }}
            />
          </div>
        ) : null}
      </div>
      <section aria-labelledby="preview-heading" className="min-w-0 space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-x-3">
          <h2 id="preview-heading" className="shrink-0 text-2xl font-bold">
            {a.preview}
          </h2>
          <p aria-live="polite" className="text-base text-stone-600">
            {previewFetcher.state !== "idle" ? a.previewUpdating : a.previewHint}
          </p>
        </div>
        <div className="rounded-2xl border border-stone-200 bg-white p-4" data-testid="preview">
          {problems.length > 0 ? (
            <ProblemList problems={problems} onProblem={goTo} />
          ) : preview ? (
            <LessonPreview title={title} preview={preview} onProblem={goTo} />
          ) : null}
        </div>
      </section>
    </div>
  );
}
