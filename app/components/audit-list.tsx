import { chinaDateTime } from "../lib/dates";
import { t } from "../lib/messages";

const au = t.authoring.audit;

/** An action's name; password changes are logged but not offered in the audit filter, so they are not in `actions`. */
function actionLabel(action: string): string {
  return action === "user.password_changed" ? au.passwordChanged : (au.actions[action] ?? action);
}

/** What the entry was about, from its details: a name or title, and a lesson's version number. */
function subject(details: Record<string, unknown>): string {
  const name = [details.targetName, details.title, details.name].find((v) => typeof v === "string") as string | undefined;
  const version = typeof details.version === "number" ? t.authoring.versionLabel(details.version) : "";
  return [name ? `${t.common.colon}${name}` : "", version ? t.common.parenthesized(version) : ""].join("");
}

interface Entry {
  id: string;
  action: string;
  details: Record<string, unknown>;
  createdAt: string | Date;
  actorName: string | null;
  campusName: string | null;
}

export function AuditList({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p className="text-lg text-stone-600">{t.admin.auditEmpty}</p>;
  return (
    <ul className="divide-y divide-stone-200">
      {entries.map((e) => (
        <li key={e.id} className="py-2 text-base">
          <span className="text-stone-500">{chinaDateTime(e.createdAt)}</span>{" "}
          <span className="font-medium">{e.actorName ?? au.system}</span> {actionLabel(e.action)}
          {e.campusName ? t.common.parenthesized(e.campusName) : ""}
          {subject(e.details)}
        </li>
      ))}
    </ul>
  );
}
