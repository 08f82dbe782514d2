import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { t } from "../lib/messages";

/**
 * The one error boundary every route delegates to. Shows a Chinese message for the status and
 * never a stack trace: details go to the server log, not to the learner.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  let title: string = t.errors.serverErrorTitle;
  let body: string = t.errors.serverErrorBody;
  if (isRouteErrorResponse(error)) {
    // Our own messages are Chinese; Remix's (e.g. "You made a POST request to …") name routes and stay in the log.
    const message = typeof error.data === "string" && /[\u4e00-\u9fff]/.test(error.data) && error.data.length < 200 ? error.data : null;
    if (error.status === 404) {
      title = t.errors.notFoundTitle;
      body = message ?? t.errors.notFoundBody;
    } else if (error.status === 403) {
      title = t.errors.forbiddenTitle;
      body = message ?? t.admin.forbidden;
    } else if (error.status === 503) {
      title = t.errors.unavailableTitle;
      body = t.errors.unavailableBody;
    } else if (error.status >= 400 && error.status < 500) {
      title = t.errors.badRequestTitle;
      body = message ?? t.validation.formError;
    }
  }
  return (
    <div className="py-8">
      <h1 className="text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-lg">{body}</p>
      <p className="mt-6">
        <Link to="/" className="text-lg font-medium text-brand-700 underline underline-offset-4">
          {t.errors.goHome}
        </Link>
      </p>
    </div>
  );
}
