import { yearOf } from './dates';
import type { CalendarCoverage, CalendarDay } from './workingCalendar';

export interface CalendarTable {
  days: CalendarDay[];
  coverage: CalendarCoverage;
}

/**
 * Applies an update (a platform bundle's calendar, or a corrected year) to the stored table: the
 * update's years replace the stored rows of those years entirely, because the State Council
 * occasionally amends a published arrangement (e.g. the 2020 Spring Festival extension) and a
 * stale holiday left behind would move deadlines. Coverage must stay one unbroken range, so an
 * update that would leave a gap year is refused (RangeError) rather than making the gap look
 * like an ordinary year.
 */
export function mergeCalendar(stored: CalendarTable | null, update: CalendarTable): CalendarTable {
  if (stored === null) return { days: [...update.days], coverage: { ...update.coverage } };
  const a = stored.coverage;
  const b = update.coverage;
  if (b.fromYear > a.toYear + 1 || b.toYear < a.fromYear - 1) {
    throw new RangeError(`Calendar update ${b.fromYear}–${b.toYear} leaves a gap after the stored ${a.fromYear}–${a.toYear}`);
  }
  const kept = stored.days.filter((d) => {
    const year = yearOf(d.date);
    return year < b.fromYear || year > b.toYear;
  });
  return {
    days: [...kept, ...update.days].sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)),
    coverage: { fromYear: Math.min(a.fromYear, b.fromYear), toYear: Math.max(a.toYear, b.toYear) },
  };
}
