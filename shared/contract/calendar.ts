import { z } from 'zod';
import { isoDate, shortText } from './fields';
import { method } from './method';

// The office calendar (State Council holiday arrangements): its status with the 1 November warning,
// and a year entered by hand by an administrator and confirmed by a second administrator or manager.
// Both need calendar.manage (administrators and managers); the rest is checked in the service: the
// rule is "an administrator proposes, two different people", which no permission expresses.

export interface CalendarStatusView {
  coverage: { fromYear: number; toYear: number };
  years: { year: number; source: string }[];
  nextYearMissing: boolean;
  nextYear: number;
  /**
   * Years whose arrangement is missing and should be entered now: the current year whenever it is
   * missing, and the next one from 1 November. Deadlines in them are provisional until then.
   */
  missingYears: number[];
  warn: boolean;
  pending: { id: number; year: number; days: { date: string; kind: 'holiday' | 'workday'; name?: string | null }[]; notice: string; proposer: string; proposedAt: string; mine: boolean }[];
}

/** A case whose due date moved when a year's arrangement arrived (by bundle or by entry). */
export interface DeadlineRecountView {
  at: string;
  kind: 'objection' | 'repair';
  caseNo: string;
  from: string | null;
  to: string | null;
  /** The last year the calendar knew when it was recounted. */
  arrangedThrough: number | null;
}

/** How many recounts the calendar screen lists, newest first. */
export const RECOUNTS_SHOWN = 200;

const dates = z.array(isoDate).max(60);

export const calendarContract = {
  'calendar.status': method<CalendarStatusView>()({ input: z.object({}).strict(), access: 'session' }),
  'calendar.propose': method<{ id: number }>()({
    input: z.object({ year: z.number().int().min(2000).max(2100), notice: shortText(200), holidays: dates, workdays: dates }).strict(),
    access: 'calendar.manage',
  }),
  'calendar.confirm': method<CalendarStatusView>()({ input: z.object({ id: z.number().int().positive() }).strict(), access: 'calendar.manage' }),
  /** The cases whose due date a new arrangement moved, for the manager to tell the people concerned. */
  'calendar.recounts': method<{ rows: DeadlineRecountView[] }>()({ input: z.object({}).strict(), access: 'calendar.manage' }),
} as const;
