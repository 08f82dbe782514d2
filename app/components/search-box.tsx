import { Form } from "@remix-run/react";
import { t } from "../lib/messages";
import { MAX_QUERY_LENGTH } from "../lib/search-terms";
import { Button } from "./ui/button";

/** A plain GET form: works without JavaScript, and the URL can be shared. */
export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <Form method="get" action="/search" role="search" className="flex gap-2">
      <label htmlFor="search-q" className="sr-only">
        {t.search.title}
      </label>
      <input
        id="search-q"
        type="search"
        name="q"
        defaultValue={defaultValue}
        maxLength={MAX_QUERY_LENGTH}
        placeholder={t.search.placeholder}
        className="min-h-12 w-full min-w-0 flex-1 rounded-xl border-2 border-stone-300 bg-white px-4 text-lg focus:border-brand-600 focus:outline-none"
      />
      <Button className="shrink-0">{t.search.button}</Button>
    </Form>
  );
}

