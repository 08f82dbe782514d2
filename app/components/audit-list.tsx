import { t } from "../lib/messages";

const actionLabels: Record<string, string> = { ...t.authoring.audit.actions, "user.password_changed": "修改密码" };

/** What the entry was about, from its details: a name or title, and a lesson's version number. */
function subject(details: Record<string, unknown>): string {
  const name = [details.targetName, details.title, details.name].find((v) => typeof v === "string") as string | undefined;
  const version = typeof details.version === "number" ? t.authoring.versionLabel(details.version) : "";
  return [name ? `：${name}` : "", version ? `（${version}）` : ""].join("");
}

interface Entry {
  id: string;
  action: string;
  details: Record<string, unknown>;
  createdAt: string | Date;
  actorName: string | null;
  campusName: string | null;
}

const time = new Intl.DateTimeFormat("zh-CN", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Shanghai" });

export function AuditList({ entries }: { entries: Entry[] }) {
  if (entries.length === 0) return <p className="text-lg text-stone-600">{t.admin.auditEmpty}</p>;
  return (
    <ul className="divide-y divide-stone-200">
      {entries.map((e) => (
        <li key={e.id} className="py-2 text-base">
          <span className="text-stone-500">{time.format(new Date(e.createdAt))}</span>{" "}
          <span className="font-medium">{e.actorName ?? "系统"}</span> {actionLabels[e.action] ?? e.action}
          {e.campusName ? `（${e.campusName}）` : ""}
          {subject(e.details)}
        </li>
      ))}
    </ul>
  );
}
