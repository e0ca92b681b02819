import { Lunar, Solar } from 'lunar-typescript';
import { isWeekend, toDayNumber, yearOf } from './dates';
import type { CalendarDay } from './workingCalendar';

// The statutory holidays themselves are fixed by the Regulations on National Holidays
// (全国年节及纪念日放假办法, as revised in 2024, in force from 2025): what the State Council's
// yearly arrangement adds is only the make-up working days (调休) and the days moved next to them.
// So a year whose arrangement has not been published still has known holidays, and a deadline
// counted into it can be given provisionally (domain-rules.md, "When the year's holiday
// arrangement is not yet known"). The lunar and solar-term dates come from lunar-typescript, which
// counts on year/month/day numbers (no Date objects, so no machine time zone can shift a day).

/** The first year counted under the 2024 revision (Spring Festival 4 days, Labour Day 2 days). */
export const STATUTORY_RULES_FROM = 2025;
/** The last year the lunar tables cover: past it not even a provisional count is possible. */
export const STATUTORY_RULES_TO = 2099;

const iso = (s: Solar): string => s.toYmd();

/**
 * The statutory holidays of a year as calendar exceptions (weekday or weekend alike; a weekend
 * day is a rest day anyway). No make-up workdays: those are what only the arrangement can say.
 * RangeError for a year outside STATUTORY_RULES_FROM–STATUTORY_RULES_TO.
 */
export function statutoryHolidays(year: number): CalendarDay[] {
  if (!Number.isInteger(year) || year < STATUTORY_RULES_FROM || year > STATUTORY_RULES_TO) {
    throw new RangeError(`Statutory holidays are counted for ${STATUTORY_RULES_FROM}–${STATUTORY_RULES_TO}, not ${year}`);
  }
  const days: CalendarDay[] = [];
  const add = (solar: Solar, count: number, name: string) => {
    for (let i = 0; i < count; i++) days.push({ date: iso(solar.next(i)), kind: 'holiday', name });
  };
  add(Solar.fromYmd(year, 1, 1), 1, '元旦');
  // Spring Festival: New Year's Eve (the last day of the twelfth lunar month) to the third day of the first.
  add(Lunar.fromYmd(year, 1, 1).getSolar().next(-1), 4, '春节');
  // Qingming is the solar term (4 or 5 April); the lunar year that holds April holds it.
  add(Lunar.fromYmd(year, 3, 1).getJieQiTable()['清明']!, 1, '清明节');
  add(Solar.fromYmd(year, 5, 1), 2, '劳动节');
  add(Lunar.fromYmd(year, 5, 5).getSolar(), 1, '端午节');
  add(Lunar.fromYmd(year, 8, 15).getSolar(), 1, '中秋节');
  add(Solar.fromYmd(year, 10, 1), 3, '国庆节');
  // Mid-Autumn can fall inside National Day (2028-10-03): one day, one entry.
  const seen = new Set<string>();
  return days.filter((d) => (seen.has(d.date) ? false : (seen.add(d.date), true))).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/**
 * The first statutory holiday of `year` falling on a weekday that `days` does not give as a
 * holiday, or null. An arrangement moves days around the statutory holidays but never works one:
 * a table without one is not an arrangement (an empty year to 9999 would otherwise pass as "no
 * holidays"). Years before the 2024 revision are not checked.
 */
export function missingStatutoryHoliday(year: number, days: readonly CalendarDay[]): CalendarDay | null {
  if (year < STATUTORY_RULES_FROM || year > STATUTORY_RULES_TO) return null;
  const holidays = new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date));
  return statutoryHolidays(year).find((h) => !isWeekend(toDayNumber(h.date)) && !holidays.has(h.date)) ?? null;
}

/**
 * The last year whose arrangement can exist on `today` (a China date): the State Council publishes
 * next year's in the autumn, so no platform or notice can know a year after that.
 */
export function latestArrangedYear(today: string): number {
  return yearOf(today) + 1;
}
