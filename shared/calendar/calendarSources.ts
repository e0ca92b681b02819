// Where each loaded calendar year came from, as calendar_year.source records it: 'chinese-days'
// (seeded at start), 'bundle <sequence>' (a platform update), 'manual:<entry id>' (entered by an
// administrator and confirmed by a second person). The calendar screen and `creditdesk calendar
// show` both say it in runs of years ("2004–2026 built in").

export type CalendarSourceKind = 'builtin' | 'bundle' | 'manual' | 'other';

export interface CalendarSourceRun {
  fromYear: number;
  toYear: number;
  kind: CalendarSourceKind;
  /** The bundle's sequence or the manual entry's number; the source as stored for 'other'. */
  ref: string | null;
}

export function calendarSourceOf(source: string): { kind: CalendarSourceKind; ref: string | null } {
  if (source === 'chinese-days') return { kind: 'builtin', ref: null };
  const manual = /^manual:(\d+)$/.exec(source);
  if (manual) return { kind: 'manual', ref: manual[1]! };
  const bundle = /^bundle(?:\s+(\S+))?$/.exec(source);
  if (bundle) return { kind: 'bundle', ref: bundle[1] ?? null };
  return { kind: 'other', ref: source };
}

/** Consecutive years with the same source, as one run each, in year order. */
export function calendarSourceRuns(years: readonly { year: number; source: string }[]): CalendarSourceRun[] {
  const runs: CalendarSourceRun[] = [];
  for (const { year, source } of [...years].sort((a, b) => a.year - b.year)) {
    const { kind, ref } = calendarSourceOf(source);
    const last = runs.at(-1);
    if (last && last.toYear === year - 1 && last.kind === kind && last.ref === ref) last.toYear = year;
    else runs.push({ fromYear: year, toYear: year, kind, ref });
  }
  return runs;
}
