// A deadline counted into a year whose holiday arrangement (放假安排) is not loaded is given from
// weekends and the statutory holidays and said to be provisional wherever it is shown or printed
// (domain-rules.md). A counted date depends only on the days up to itself, so it is provisional
// exactly when its own year is past the last year the office's calendar has an arrangement for.
// The one wording, for the printed receipt (Chinese) and the console (both languages).

/** The year whose arrangement a date waits for, or null when the date is final. */
export function provisionalYearOf(date: string | null, arrangedThrough: number): number | null {
  if (date === null) return null;
  const year = Number(date.slice(0, 4));
  return year > arrangedThrough ? year : null;
}

/** Why a date is provisional: "以国务院 2027 年放假安排为准". */
export function provisionalNote(year: number, locale: 'zh' | 'en'): string {
  return locale === 'zh' ? `以国务院 ${year} 年放假安排为准` : `until the State Council's ${year} holiday arrangement is loaded`;
}

/** The date as shown: itself, or "预计 2027-01-12（以国务院 2027 年放假安排为准）". */
export function deadlineText(date: string, arrangedThrough: number, locale: 'zh' | 'en'): string {
  const year = provisionalYearOf(date, arrangedThrough);
  if (year === null) return date;
  return locale === 'zh' ? `预计 ${date}（${provisionalNote(year, 'zh')}）` : `${date}, provisional (${provisionalNote(year, 'en')})`;
}
