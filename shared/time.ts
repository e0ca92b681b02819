// Offices work on China Standard Time (UTC+8, no daylight saving), whatever the machine's zone.
const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China at instant `now`, as YYYY-MM-DD. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a China calendar day starts, as an ISO UTC string. */
export function chinaDayStartIso(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

/** Same day-of-month `years` earlier (Feb 29 falls back to Feb 28). */
export function yearsBefore(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y - years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** Formats an ISO instant as China local "YYYY-MM-DD HH:mm". */
export function chinaDateTime(iso: string): string {
  const t = new Date(Date.parse(iso) + CST_OFFSET_MS).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
