import { fromDayNumber, isWeekend, parseIsoDate, toDayNumber, yearOf } from './dates';
import { STATUTORY_RULES_FROM, STATUTORY_RULES_TO, statutoryHolidays } from './statutoryHolidays';

// The official calendar is published by the State Council General Office each year (usually in
// November for the next year), so no code can know it in advance. It is therefore data: a table
// of exceptions to the Monday–Friday week plus the years the table is known to be complete for.
// The core keeps it in the `calendar_day` table; platform bundles add later years.

export type CalendarDayKind = 'holiday' | 'workday';

/** One exception to the ordinary week: a weekday holiday, or a weekend make-up workday (调休). */
export interface CalendarDay {
  date: string;
  kind: CalendarDayKind;
  /** Festival name as published, e.g. '国庆节'; informative only (null as read from SQLite). */
  name?: string | null;
}

/** Years (inclusive) for which the table lists every exception. */
export interface CalendarCoverage {
  fromYear: number;
  toYear: number;
}

export class CalendarNotCoveredError extends Error {
  readonly code = 'CALENDAR_NOT_COVERED';
  constructor(
    readonly date: string,
    readonly coverage: CalendarCoverage,
  ) {
    super(`The official calendar for ${yearOf(date)} is not loaded (covered ${coverage.fromYear}–${coverage.toYear}); import it from a platform bundle`);
    this.name = 'CalendarNotCoveredError';
  }
}

export interface WorkingCalendarOptions {
  /**
   * Count the years after the covered ones on weekends and their statutory holidays alone, as a
   * provisional calendar (domain-rules.md: a deadline is never left blank). Without it such a day
   * throws CalendarNotCoveredError.
   */
  provisional?: boolean;
}

export class WorkingCalendar {
  private readonly exceptions = new Map<number, CalendarDay>();
  private readonly firstDay: number;
  private readonly lastDay: number;
  /** Statutory holidays of the provisional years, by year, computed when first needed. */
  private readonly provisionalHolidays = new Map<number, Set<number>>();

  /** Throws RangeError on a malformed table: a bad date, a date outside coverage, a conflict. */
  constructor(
    days: readonly CalendarDay[],
    readonly coverage: CalendarCoverage,
    private readonly options: WorkingCalendarOptions = {},
  ) {
    const { fromYear, toYear } = coverage;
    if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
      throw new RangeError(`Bad calendar coverage ${fromYear}–${toYear}`);
    }
    this.firstDay = toDayNumber(`${String(fromYear).padStart(4, '0')}-01-01`);
    this.lastDay = toDayNumber(`${String(toYear).padStart(4, '0')}-12-31`);
    for (const day of days) {
      const n = parseIsoDate(day.date);
      if (n === null) throw new RangeError(`Bad calendar date ${JSON.stringify(day.date)}`);
      const year = yearOf(day.date);
      if (year < fromYear || year > toYear) {
        throw new RangeError(`Calendar day ${day.date} lies outside the covered years ${fromYear}–${toYear}`);
      }
      if (day.kind !== 'holiday' && day.kind !== 'workday') throw new RangeError(`Bad calendar kind for ${day.date}`);
      const previous = this.exceptions.get(n);
      if (previous !== undefined && previous.kind !== day.kind) {
        throw new RangeError(`Calendar day ${day.date} is listed both as holiday and as workday`);
      }
      this.exceptions.set(n, day.name == null ? { date: day.date, kind: day.kind } : { date: day.date, kind: day.kind, name: day.name });
    }
  }

  covers(date: string): boolean {
    const year = yearOf(date);
    return year >= this.coverage.fromYear && year <= this.coverage.toYear;
  }

  /** The same table, counting later years provisionally (the office's calendar). */
  withProvisionalYears(): WorkingCalendar {
    return new WorkingCalendar(this.toTable(), this.coverage, { provisional: true });
  }

  /**
   * Whether a day lies in a year this calendar counts provisionally: after the covered years,
   * where only the statutory holidays are known. A date counted forward only ever depends on the
   * days up to itself, so a deadline is provisional exactly when its own year is.
   */
  isProvisional(date: string): boolean {
    return this.provisionalYear(yearOf(date));
  }

  private provisionalYear(year: number): boolean {
    return this.options.provisional === true && year > this.coverage.toYear && year >= STATUTORY_RULES_FROM && year <= STATUTORY_RULES_TO;
  }

  /** Throws CalendarNotCoveredError rather than guessing that an unknown year has no holidays. */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(toDayNumber(date), date);
  }

  /** Day-number variant for loops; `label` only feeds the error message. */
  isWorkingDayNumber(dayNumber: number, label?: string): boolean {
    const exception = this.exceptions.get(dayNumber);
    if (exception !== undefined) return exception.kind === 'workday';
    if (dayNumber < this.firstDay || dayNumber > this.lastDay) {
      const date = fromDayNumber(dayNumber);
      const year = yearOf(date);
      if (!this.provisionalYear(year)) throw new CalendarNotCoveredError(label ?? date, this.coverage);
      let holidays = this.provisionalHolidays.get(year);
      if (!holidays) {
        holidays = new Set(statutoryHolidays(year).map((d) => toDayNumber(d.date)));
        this.provisionalHolidays.set(year, holidays);
      }
      return !isWeekend(dayNumber) && !holidays.has(dayNumber);
    }
    return !isWeekend(dayNumber);
  }

  /** The exceptions as a plain table, sorted by date (for storage or a bundle). */
  toTable(): CalendarDay[] {
    return [...this.exceptions.entries()].sort(([a], [b]) => a - b).map(([, day]) => ({ ...day }));
  }
}
