import { Link } from "@remix-run/react";
import { t } from "../lib/messages";

export interface CourseCardData {
  slug: string;
  title: string;
  summary: string;
  audience: string;
  hours: string;
  lessonCount: number | null;
  minutes: number | null;
  campusName?: string;
}

export function CourseCard({ course, showCampus = false }: { course: CourseCardData; showCampus?: boolean }) {
  return (
    <Link
      to={`/courses/${course.slug}`}
      className="block h-full rounded-2xl border border-stone-200 bg-white p-5 shadow-sm transition hover:border-brand-600 hover:shadow"
    >
      <h3 className="text-xl font-bold text-stone-900">{course.title}</h3>
      <p className="mt-1 line-clamp-3 text-base text-stone-700">{course.summary}</p>
      <p className="mt-3 flex flex-wrap gap-x-3 gap-y-1 text-base text-stone-600">
        <span>{t.course.lessons(course.lessonCount ?? 0)}</span>
        <span>{t.course.minutes(course.minutes ?? 0)}</span>
        <span>{t.course.hours(course.hours)}</span>
        <span>
          {t.common.labelled(t.course.audienceLabel, t.course.audience[course.audience] ?? course.audience)}
        </span>
        {showCampus && course.campusName ? <span>{course.campusName}</span> : null}
      </p>
    </Link>
  );
}
