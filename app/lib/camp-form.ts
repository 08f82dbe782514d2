import { z } from "zod";
import { t } from "./messages";
import { isDay } from "./dates";
import { idField, lazyError, type TextKey } from "./forms";

const e = t.camps.errors;
/** The error of that name, in the reader's language when the form is checked (see lazyError). */
const err = (key: TextKey<typeof e>) => lazyError(() => e[key]);
const day = z.string().trim().refine(isDay, err("date"));
const time = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, err("time"));

export const CampSchema = z
  .object({
    campusId: idField(() => e.campus),
    name: z.string().trim().min(1, err("name")).max(60, err("name")),
    startsOn: day,
    endsOn: day,
    place: z.string().trim().min(1, err("place")).max(100, err("place")),
    description: z.string().trim().max(500).default(""),
    requiredSessions: z.coerce.number(err("number")).int(err("number")).min(0, err("number")).max(100, err("number")),
    hours: z.coerce.number(err("hours")).min(0, err("hours")).max(100, err("hours")).multipleOf(0.5, err("hours")),
  })
  .refine((c) => c.endsOn >= c.startsOn, { ...err("dates"), path: ["endsOn"] });

export const SessionSchema = z
  .object({
    date: day,
    startsAt: time,
    endsAt: time,
    place: z.string().trim().min(1, err("place")).max(100, err("place")),
    topic: z.string().trim().min(1, err("topic")).max(60, err("topic")),
  })
  .refine((s) => s.endsAt > s.startsAt, { ...err("times"), path: ["endsAt"] });

/** "course:12" or "path:3", from one select listing both. */
export const AssignSchema = z.object({
  subject: z.string().regex(/^(course|path):\d{1,9}$/, err("subject")),
  dueOn: day,
});
