import type { MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "../components/error-boundary";
import { t } from "../lib/messages";

// Any URL no other route matches: a real 404 status, rendered by the shared boundary in Chinese.
export const meta: MetaFunction = () => [{ title: `${t.errors.notFoundTitle} - ${t.site.name}` }];

export async function loader() {
  throw new Response(t.errors.notFoundBody, { status: 404 });
}

export async function action() {
  throw new Response(t.errors.notFoundBody, { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
