import type { LearnerIdentity } from "../../db/schema";
import type { CampRow, FunnelRow, IdentityRow, overview, WeekPoint } from "../models/report.server";
import type { PlaceRow } from "../models/report-geo.server";
import type { LearnerRow } from "../models/report-learner.server";
import { hoursOf } from "./board-view";
import { t } from "./messages";
import { maskPhone } from "./phone";

/**
 * Every table of the dashboard as columns and rows of plain cells: the page renders these, and the
 * CSV and .xlsx exports write exactly the same cells, so what an admin sees is what they download.
 * Numbers stay numbers (Excel can sum them); 学时 are hours with one decimal.
 */
export type Cell = string | number;
export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
}

export const tableKeys = ["overview", "weekly", "funnel", "identity", "streets", "compounds", "camps", "learners"] as const;
export type TableKey = (typeof tableKeys)[number];

const r = t.reports;
const col = r.columns;
const m = r.metrics;
const hours = (seconds: number) => Number(hoursOf(seconds));
export const percent = (part: number, whole: number) => (whole === 0 ? "—" : `${Math.round((100 * part) / whole)}%`);
const identityName = (identity: LearnerIdentity) => t.identity[identity];

export type Overview = Awaited<ReturnType<typeof overview>>;

export function overviewTable(o: Overview): Table {
  return {
    title: r.sections.overview,
    columns: [col.metric, col.value],
    rows: [
      [m.learners, o.learners],
      [m.active, o.active],
      [m.enrolments, o.enrolments],
      [m.completions, o.completions],
      [m.lessonsCompleted, o.lessonsCompleted],
      [m.certificates, o.certificates],
      [m.hours, hours(o.studySeconds)],
    ],
  };
}

export function weeklyTable(points: WeekPoint[]): Table {
  return {
    title: r.sections.weekly,
    columns: [col.week, m.active, m.hours],
    rows: points.map((p) => [p.week, p.active, hours(p.studySeconds)]),
  };
}

export function funnelTable(rows: FunnelRow[]): Table {
  return {
    title: r.sections.funnel,
    columns: [col.course, col.campus, m.enrolments, m.started, m.cohortCompleted, m.completionRate, m.completions, m.certificates, m.hours],
    rows: rows.map((f) => [
      f.title,
      f.campus,
      f.enrolments,
      f.started,
      f.cohortCompleted,
      percent(f.cohortCompleted, f.enrolments),
      f.completions,
      f.certificates,
      hours(f.studySeconds),
    ]),
  };
}

export function identityTable(rows: IdentityRow[]): Table {
  return {
    title: r.sections.identity,
    columns: [col.identity, m.learners, m.active, m.enrolments, m.completions, m.certificates, m.hours],
    rows: rows.map((i) => [identityName(i.identity), i.learners, i.active, i.enrolments, i.completions, i.certificates, hours(i.studySeconds)]),
  };
}

export function streetsTable(rows: PlaceRow[]): Table {
  return {
    title: r.sections.streets,
    columns: [col.street, m.learners, m.active, col.certified, col.compounds, col.trainedCompounds],
    rows: rows.map((p) => [p.street, p.learners, p.active, p.certified, p.compounds, p.trainedCompounds]),
  };
}

export function compoundsTable(street: string, rows: PlaceRow[]): Table {
  return {
    title: r.sections.compounds(street),
    columns: [col.community, col.compound, m.learners, m.active, col.certified, col.trained],
    rows: rows.map((p) => [p.community, p.compound, p.learners, p.active, p.certified, p.trainedCompounds > 0 ? r.yes : r.no]),
  };
}

export function campsTable(rows: CampRow[]): Table {
  return {
    title: r.sections.camps,
    columns: [col.camp, col.campus, col.dates, col.members, col.sessions, col.attendances, col.attendanceRate, col.campCertificates],
    rows: rows.map((c) => [
      c.name,
      c.campus,
      r.filters.range(c.startsOn, c.endsOn),
      c.members,
      c.sessions,
      c.attendances,
      percent(c.attendances, c.members * c.sessions),
      c.certified,
    ]),
  };
}

/** Phones masked unless `fullPhones` (an explicit, audited choice in the export form). */
export function learnersTable(rows: LearnerRow[], fullPhones = false): Table {
  return {
    title: r.sections.learners,
    columns: [col.name, col.phone, col.identity, col.street, col.community, col.compound, col.enrolled, col.completed, m.hours, m.certificates],
    rows: rows.map((l) => [
      l.name,
      fullPhones ? l.phone : maskPhone(l.phone),
      identityName(l.identity),
      l.street,
      l.community,
      l.compound,
      l.enrolled,
      l.completed,
      hours(l.studySeconds),
      l.certificates,
    ]),
  };
}
