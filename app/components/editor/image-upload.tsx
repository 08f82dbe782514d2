import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { t } from "../../lib/messages";
import type { UploadResult } from "../../routes/admin.media";
import { Button } from "../ui/button";
import { SelectField, TextField } from "../ui/field";
import { Notice } from "../ui/notice";

const m = t.authoring.media;

/**
 * Uploads one image to /admin/media. In the editor (lessonId given) the result is handed to
 * `onUploaded`, which inserts the <Figure>; on the media page it shows the line to copy.
 */
export function ImageUploadForm({
  lessonId,
  campuses,
  onUploaded,
}: {
  lessonId?: number;
  campuses?: { value: string; label: string }[];
  onUploaded?: (result: { snippet: string }) => void;
}) {
  const fetcher = useFetcher<UploadResult>();
  const form = useRef<HTMLFormElement>(null);
  const busy = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;

  useEffect(() => {
    if (result?.ok && onUploaded) {
      onUploaded(result);
      form.current?.reset();
    }
    // Only a new upload result should insert a figure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  return (
    <fetcher.Form ref={form} method="post" action="/admin/media" encType="multipart/form-data" className="flex flex-col gap-4">
      {/* The media page says this in its heading already. */}
      {onUploaded ? <p className="text-base text-stone-700">{m.intro}</p> : null}
      {lessonId !== undefined ? <input type="hidden" name="lessonId" value={lessonId} /> : null}
      {campuses && campuses.length > 1 ? (
        <SelectField label={t.authoring.fields.campus} name="campusId" options={campuses} placeholder={t.common.choose} />
      ) : campuses?.[0] ? (
        <input type="hidden" name="campusId" value={campuses[0].value} />
      ) : null}
      <label className="flex flex-col gap-1 text-lg font-medium">
        {m.file}
        <input type="file" name="file" accept="image/jpeg,image/png,image/webp" required className="min-h-12 text-base file:mr-3 file:min-h-12 file:rounded-xl file:border-2 file:border-stone-300 file:bg-white file:px-4 file:text-lg" />
      </label>
      <TextField label={m.alt} hint={m.altHint} name="alt" maxLength={200} required />
      <TextField label={m.caption} name="caption" maxLength={200} />
      {result && !result.ok ? <Notice tone="error">{result.error}</Notice> : null}
      {result?.ok && !onUploaded ? (
        <Notice tone="success">
          {m.uploaded}
          <code className="mt-1 block text-base break-all select-all">{result.snippet}</code>
        </Notice>
      ) : null}
      <Button disabled={busy} className="w-full sm:w-auto sm:self-start">
        {busy ? m.uploading : onUploaded ? m.upload : m.uploadOnly}
      </Button>
    </fetcher.Form>
  );
}
