import chineseDays from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { yearOf } from './dates';
import { WorkingCalendar } from './workingCalendar';
import type { CalendarCoverage, CalendarDay } from './workingCalendar';

// The State Council's annual holiday notices (国务院办公厅关于××年部分节假日安排的通知), as
// transcribed by the `chinese-days` package. We read its data file rather than its functions:
// its functions treat a year it does not know as an ordinary Monday–Friday year, which would
// silently put a deadline on a holiday. Values look like "National Day,国庆节,3".
type DayMap = Record<string, string>;
const source = chineseDays as { holidays: DayMap; workdays: DayMap };

function years(map: DayMap): number[] {
  return Object.keys(map).map(yearOf);
}

/** The years the package knows in full: every year from its first to its last notice. */
export const BUILTIN_COVERAGE: CalendarCoverage = (() => {
  const all = [...years(source.holidays), ...years(source.workdays)];
  return { fromYear: Math.min(...all), toYear: Math.max(...all) };
})();

/**
 * The package's holidays and make-up workdays for [fromYear, toYear] as a plain table, ready to
 * be stored (calendar_day) or merged with years supplied by a platform bundle. Throws RangeError
 * for a year the package does not cover, so a missing year is never exported as "no holidays".
 */
export function builtinCalendarDays(fromYear: number, toYear: number): CalendarDay[] {
  if (fromYear > toYear || fromYear < BUILTIN_COVERAGE.fromYear || toYear > BUILTIN_COVERAGE.toYear) {
    throw new RangeError(
      `chinese-days covers ${BUILTIN_COVERAGE.fromYear}–${BUILTIN_COVERAGE.toYear}; asked for ${fromYear}–${toYear}`,
    );
  }
  const rows: CalendarDay[] = [];
  const add = (map: DayMap, kind: CalendarDay['kind']) => {
    for (const [date, label] of Object.entries(map)) {
      const year = yearOf(date);
      if (year < fromYear || year > toYear) continue;
      const name = label.split(',')[1];
      rows.push(name ? { date, kind, name } : { date, kind });
    }
  };
  add(source.holidays, 'holiday');
  add(source.workdays, 'workday');
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A calendar over everything the package knows; the core prefers the database's table. */
export function builtinWorkingCalendar(): WorkingCalendar {
  return new WorkingCalendar(builtinCalendarDays(BUILTIN_COVERAGE.fromYear, BUILTIN_COVERAGE.toYear), BUILTIN_COVERAGE);
}
