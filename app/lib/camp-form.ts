import { z } from "zod";
import { t } from "./messages";
import { isDay } from "./dates";
import { idField } from "./forms";

const e = t.camps.errors;
const day = z.string().trim().refine(isDay, e.date);
const time = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, e.time);

export const CampSchema = z
  .object({
    campusId: idField(e.campus),
    name: z.string().trim().min(1, e.name).max(60, e.name),
    startsOn: day,
    endsOn: day,
    place: z.string().trim().min(1, e.place).max(100, e.place),
    description: z.string().trim().max(500).default(""),
    requiredSessions: z.coerce.number({ error: e.number }).int(e.number).min(0, e.number).max(100, e.number),
    hours: z.coerce.number({ error: e.hours }).min(0, e.hours).max(100, e.hours).multipleOf(0.5, e.hours),
  })
  .refine((c) => c.endsOn >= c.startsOn, { message: e.dates, path: ["endsOn"] });

export const SessionSchema = z
  .object({
    date: day,
    startsAt: time,
    endsAt: time,
    place: z.string().trim().min(1, e.place).max(100, e.place),
    topic: z.string().trim().min(1, e.topic).max(60, e.topic),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: e.times, path: ["endsAt"] });

/** "course:12" or "path:3", from one select listing both. */
export const AssignSchema = z.object({
  subject: z.string().regex(/^(course|path):\d{1,9}$/, e.subject),
  dueOn: day,
});
