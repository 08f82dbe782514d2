import { Form, Link } from "@remix-run/react";
import { learnerIdentities } from "../../../db/schema";
import { t } from "../../lib/messages";
import type { ReportFilters } from "../../lib/report-filters";
import { Button, buttonClass } from "../ui/button";
import { SelectField, TextField } from "../ui/field";

const f = t.reports.filters;

/** The dashboard's filters as a GET form: the address holds them, so views can be bookmarked. */
export function ReportFilterForm({
  filters,
  campuses,
  categories,
  action,
}: {
  filters: ReportFilters;
  campuses: { id: number; name: string }[];
  categories: { id: number; name: string }[];
  action: string;
}) {
  return (
    <Form method="get" action={action} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label={f.heading}>
      <TextField label={f.from} name="from" type="date" defaultValue={filters.from} required />
      <TextField label={f.to} name="to" type="date" defaultValue={filters.to} required />
      {campuses.length > 1 ? (
        <SelectField
          label={f.campus}
          name="campus"
          placeholder={f.all}
          defaultValue={filters.campusId ?? ""}
          options={campuses.map((c) => ({ value: String(c.id), label: c.name }))}
        />
      ) : null}
      <SelectField
        label={f.category}
        name="category"
        placeholder={f.all}
        defaultValue={filters.categoryId ?? ""}
        options={categories.map((c) => ({ value: String(c.id), label: c.name }))}
      />
      <SelectField
        label={f.identity}
        name="identity"
        placeholder={f.all}
        defaultValue={filters.identity ?? ""}
        options={learnerIdentities.map((id) => ({ value: id, label: t.identity[id] }))}
      />
      <div className="flex flex-wrap items-end gap-2">
        <Button className="flex-1">{f.apply}</Button>
        <Link to={action} className={buttonClass("secondary", "flex-1")}>
          {f.reset}
        </Link>
      </div>
    </Form>
  );
}
