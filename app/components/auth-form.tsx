import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { Button } from "./ui/button";
import { Notice } from "./ui/notice";

/** The frame shared by login, registration and the profile forms: error summary, fields, one big button. */
export function SimpleForm({
  children,
  submitLabel,
  formError,
  intent,
}: {
  children: ReactNode;
  submitLabel: string;
  formError?: string | undefined;
  intent?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && (!intent || navigation.formData?.get("intent") === intent);
  return (
    <Form method="post" noValidate className="flex flex-col gap-5">
      {formError ? <Notice tone="error">{formError}</Notice> : null}
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      {children}
      <Button disabled={busy} className="w-full sm:w-auto sm:self-start">
        {submitLabel}
      </Button>
    </Form>
  );
}
