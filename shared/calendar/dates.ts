// Calendar dates are plain 'YYYY-MM-DD' strings meaning a day in China (UTC+8, no DST since
// 1991). All arithmetic runs on UTC day numbers so the result never depends on the machine's
// time zone: local-time Date methods would shift a date by one day on a machine set to UTC-x.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** A 'YYYY-MM-DD' string that names a real Gregorian date. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** Days since 1970-01-01, or null when the string is not a real date. */
export function parseIsoDate(value: string): number | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Like parseIsoDate, for values that must already be valid (programming error otherwise). */
export function toDayNumber(value: string): number {
  const n = parseIsoDate(value);
  if (n === null) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(value)}`);
  return n;
}

export function fromDayNumber(dayNumber: number): string {
  const d = new Date(dayNumber * MS_PER_DAY);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function yearOf(value: string): number {
  return Number(value.slice(0, 4));
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekdayOf(dayNumber: number): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: number): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The calendar date in China at a given instant (the office clock, whatever the machine TZ). */
export function chinaDate(instant: Date): string {
  return fromDayNumber(Math.floor((instant.getTime() + CHINA_OFFSET_MS) / MS_PER_DAY));
}

/** The instant a China calendar day starts, as an ISO UTC string. */
export function chinaDayStartIso(date: string): string {
  return new Date(toDayNumber(date) * MS_PER_DAY - CHINA_OFFSET_MS).toISOString();
}

/** Formats an ISO instant as China local "YYYY-MM-DD HH:mm". */
export function chinaDateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + CHINA_OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}

/** Same day-of-month `years` earlier (29 February falls back to 28 February). */
export function yearsBefore(date: string, years: number): string {
  return addMonthsClamped(date, -12 * years);
}

export function addCalendarDays(date: string, n: number): string {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Signed number of days from `from` to `to` (to − from). */
export function calendarDaysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Adds whole months and clamps to the end of a shorter month: 2025-08-31 + 6 months is
 * 2026-02-28 (2028-02-29 in a leap year). Civil Code arts. 201–202: a period in months starts on
 * the day after the event and ends on the corresponding day of the last month (the last day of
 * that month when it has no such day); the end day itself is still inside the period.
 */
export function addMonthsClamped(date: string, months: number): string {
  toDayNumber(date);
  const year = yearOf(date);
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(Math.min(day, daysInMonth(y, m)), 2)}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
