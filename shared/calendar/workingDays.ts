import { fromDayNumber, toDayNumber } from './dates';
import type { WorkingCalendar } from './workingCalendar';

export { addCalendarDays, calendarDaysBetween } from './dates';
export { CalendarNotCoveredError, WorkingCalendar } from './workingCalendar';
export type { CalendarCoverage, CalendarDay, CalendarDayKind } from './workingCalendar';

export type DayKind = 'working' | 'calendar';

/**
 * An interval, both ends included, that does not count towards a deadline: Henan Social Credit
 * Regulations (2019) art. 41 leave the time taken by testing or expert review out of the
 * objection period.
 */
export interface Pause {
  from: string;
  to: string;
}

export interface CountOptions {
  /** 'working' (default) counts official working days; 'calendar' counts every day. */
  dayKind?: DayKind;
  pauses?: readonly Pause[];
}

// Longest period any profile may ask for (3 years of days); a guard against a runaway loop.
const MAX_COUNT = 1100;

export function isWorkingDay(calendar: WorkingCalendar, date: string): boolean {
  return calendar.isWorkingDay(date);
}

/**
 * The deadline of an n-day period that starts on `start`: the nth counted day after it. The
 * start day itself is never counted (Civil Code art. 201: a period in days starts on the next
 * day), so a 5-working-day period from a Friday receipt ends on the 5th working day after it.
 * n = 0 means "on the start day" (annotate on receipt). Throws CalendarNotCoveredError when a
 * day to be counted lies in a year the calendar does not cover.
 */
export function addWorkingDays(calendar: WorkingCalendar, start: string, n: number, options: CountOptions = {}): string {
  if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) throw new RangeError(`Bad day count ${n}`);
  const paused = pausePredicate(options.pauses ?? []);
  const counts = options.dayKind === 'calendar' ? () => true : (d: number) => calendar.isWorkingDayNumber(d);
  let day = toDayNumber(start);
  let left = n;
  while (left > 0) {
    day += 1;
    if (!paused(day) && counts(day)) left -= 1;
  }
  return fromDayNumber(day);
}

/** The first working day on or after `date` (the date itself when it is one). */
export function nextWorkingDayOnOrAfter(calendar: WorkingCalendar, date: string): string {
  let day = toDayNumber(date);
  for (let i = 0; i <= MAX_COUNT; i += 1, day += 1) {
    if (calendar.isWorkingDayNumber(day)) return fromDayNumber(day);
  }
  throw new RangeError(`No working day within ${MAX_COUNT} days of ${date}`);
}

/**
 * Working days d with from < d ≤ to, negative when `to` is before `from`; the inverse of
 * addWorkingDays, so it gives "working days left" for a queue (0 on the deadline itself).
 */
export function workingDaysBetween(calendar: WorkingCalendar, from: string, to: string, options: CountOptions = {}): number {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  const paused = pausePredicate(options.pauses ?? []);
  let count = 0;
  for (let d = lo + 1; d <= hi; d += 1) {
    if (paused(d)) continue;
    if (options.dayKind === 'calendar' || calendar.isWorkingDayNumber(d)) count += 1;
  }
  return sign * count;
}

/** Throws RangeError on a malformed pause; callers facing user input should validate first. */
export function validatePauses(pauses: readonly Pause[]): void {
  pausePredicate(pauses);
}

function pausePredicate(pauses: readonly Pause[]): (day: number) => boolean {
  const ranges = pauses.map((p) => {
    const from = toDayNumber(p.from);
    const to = toDayNumber(p.to);
    if (to < from) throw new RangeError(`Pause ends (${p.to}) before it starts (${p.from})`);
    return [from, to] as const;
  });
  return (day) => ranges.some(([from, to]) => day >= from && day <= to);
}
