import { mergeCalendar } from '../../../shared/calendar/mergeCalendar';
import { WorkingCalendar, type CalendarCoverage, type CalendarDay } from '../../../shared/calendar/workingCalendar';
import { isIsoDate, isWeekend, toDayNumber } from '../../../shared/calendar/dates';
import { AppError } from '../../../shared/errors';
import { RECOUNTS_SHOWN, type DeadlineRecountView } from '../../../shared/contract/calendar';
import { latestAuditOf } from '../../store/auditStore';
import { readCalendar, writeCalendar } from '../../store/calendarStore';
import {
  calendarEntry,
  calendarYearSources,
  confirmCalendarEntry,
  insertCalendarEntry,
  openCaseIds,
  pendingCalendarEntries,
} from '../../store/calendarEntryStore';
import { caseRow, updateCase, type ObjectionRow, type RepairRow } from '../../store/caseStore';
import { auditIn } from '../audit/auditService';
import { forgetCalendar, officeCalendar } from './calendarService';
import { today } from '../cases/caseCommon';
import { sweepOverdue } from '../cases/caseQueueService';
import { latestArrangedYear, missingStatutoryHoliday } from '../../../shared/calendar/statutoryHolidays';
import type { Caller, CoreContext } from '../context';
import { deadlinePatch } from '../cases/objectionService';
import { repairDuePatch } from '../cases/repairService';
import { activeProfile, profileById } from './profileService';

// The State Council publishes next year's holiday arrangement each autumn (usually November). Until
// the platform's bundle brings it, deadlines in that year cannot be counted, so from 1 November
// administrators and managers are warned, and an administrator may enter the notice by hand; a
// second administrator or manager confirms it before it counts. Whenever the calendar changes, every
// open case's deadlines are recomputed, so a case waiting on a missing year becomes due (and, once
// late, escalated) without anyone touching it.

/** Month (1-12) and day from which a missing next year is warned about. */
const WARN_FROM = { month: 11, day: 1 };

export interface CalendarStatus {
  coverage: CalendarCoverage;
  years: { year: number; source: string }[];
  /** Next year's arrangement is not loaded and today is on or after 1 November. */
  nextYearMissing: boolean;
  nextYear: number;
  /** The current year when missing at all, and the next one from 1 November. */
  missingYears: number[];
  /** Shown to administrators and managers only: they are the ones who can act. */
  warn: boolean;
  pending: { id: number; year: number; days: CalendarDay[]; notice: string; proposer: string; proposedAt: string; mine: boolean }[];
}

/** `caller` null: read at the machine (`creditdesk calendar show`), by no one signed in. */
export async function calendarStatus(ctx: CoreContext, caller: Caller | null): Promise<CalendarStatus> {
  const calendar = await officeCalendar(ctx);
  const day = today(ctx);
  const nextYear = Number(day.slice(0, 4)) + 1;
  const afterWarnDate = Number(day.slice(5, 7)) * 100 + Number(day.slice(8, 10)) >= WARN_FROM.month * 100 + WARN_FROM.day;
  const nextYearMissing = afterWarnDate && calendar.coverage.toYear < nextYear;
  // Once the year has turned without its arrangement, the current year is what is missing (its
  // deadlines are provisional right now): warned about whatever the date.
  const missingYears = [...(calendar.coverage.toYear < nextYear - 1 ? [nextYear - 1] : []), ...(nextYearMissing ? [nextYear] : [])];
  return {
    coverage: calendar.coverage,
    years: await calendarYearSources(ctx.db),
    nextYearMissing,
    nextYear,
    missingYears,
    warn: missingYears.length > 0 && (caller?.role === 'admin' || caller?.role === 'manager'),
    pending: (await pendingCalendarEntries(ctx.db)).map((e) => ({
      id: e.id,
      year: e.year,
      days: JSON.parse(e.days) as CalendarDay[],
      notice: e.notice,
      proposer: e.proposer,
      proposedAt: e.proposed_at,
      mine: e.proposed_by === caller?.accountId,
    })),
  };
}

export interface CalendarProposal {
  year: number;
  /** The State Council notice, e.g. 国办发明电〔2026〕× 号. */
  notice: string;
  holidays: string[];
  /** Weekend days worked to make up for a bridged holiday (调休上班). */
  workdays: string[];
}

export async function proposeCalendarYear(ctx: CoreContext, caller: Caller, p: CalendarProposal): Promise<{ id: number }> {
  if (caller.role !== 'admin') throw new AppError('FORBIDDEN', 'Only an administrator can enter a holiday arrangement.');
  const calendar = await officeCalendar(ctx);
  if (p.year !== calendar.coverage.toYear + 1) {
    throw new AppError('VALIDATION', `Only the year after the loaded calendar (${calendar.coverage.toYear + 1}) can be entered by hand; earlier years come from the platform.`, {
      field: 'year',
      reason: 'year_not_next',
      expected: calendar.coverage.toYear + 1,
    });
  }
  const latest = latestArrangedYear(today(ctx));
  if (p.year > latest) {
    throw new AppError('VALIDATION', `No notice for ${p.year} can have been published yet (${latest} at the latest).`, { field: 'year', reason: 'year_unknowable', year: p.year, latest });
  }
  const days = daysOf(p);
  // The same rule a platform bundle is held to (OfficeCollector): an arrangement never works a statutory holiday.
  const missing = missingStatutoryHoliday(p.year, days);
  if (missing) {
    throw new AppError('VALIDATION', `${missing.date} (${missing.name}) is a statutory holiday: list it among the holidays.`, { field: 'holidays', reason: 'statutory_holiday_missing', date: missing.date, name: missing.name });
  }
  // Throws RangeError on a malformed table (a conflict is refused by daysOf already).
  try {
    new WorkingCalendar(days, { fromYear: p.year, toYear: p.year });
  } catch (e) {
    throw new AppError('VALIDATION', `The arrangement is inconsistent: ${(e as Error).message}.`, { field: 'days', reason: 'arrangement_inconsistent' });
  }
  const at = ctx.now().toISOString();
  const id = await ctx.db.transaction(async (tx) => {
    const entryId = await insertCalendarEntry(tx, { year: p.year, days, notice: p.notice, proposedBy: caller.accountId, proposedAt: at });
    await auditIn(tx, ctx, caller, { action: 'calendar.proposed', target: String(p.year), detail: { entryId, notice: p.notice, holidays: p.holidays.length, workdays: p.workdays.length } });
    return entryId;
  });
  return { id };
}

function daysOf(p: CalendarProposal): CalendarDay[] {
  // Checked before weekend holidays are dropped below, which would otherwise let the workday stand.
  const both = p.holidays.find((d) => p.workdays.includes(d));
  if (both) throw new AppError('VALIDATION', `${both} is listed both as a holiday and as a working day.`, { field: 'days', reason: 'days_conflict', date: both });
  const days: CalendarDay[] = [];
  for (const [kind, list] of [['holiday', p.holidays], ['workday', p.workdays]] as const) {
    for (const date of list) {
      if (!isIsoDate(date) || !date.startsWith(`${p.year}-`)) {
        throw new AppError('VALIDATION', `${date} is not a date in ${p.year}.`, { field: kind === 'holiday' ? 'holidays' : 'workdays', reason: 'date_outside_year', date, year: p.year });
      }
      const weekend = isWeekend(toDayNumber(date));
      if (kind === 'holiday' && weekend) continue; // a weekend inside a holiday is a rest day anyway
      if (kind === 'workday' && !weekend) {
        throw new AppError('VALIDATION', `${date} is a weekday: a make-up working day is a Saturday or Sunday.`, { field: 'workdays', reason: 'workday_not_weekend', date });
      }
      days.push({ date, kind, name: null });
    }
  }
  return days.sort((a, b) => (a.date < b.date ? -1 : 1));
}

export async function confirmCalendarYear(ctx: CoreContext, caller: Caller, input: { id: number }): Promise<CalendarStatus> {
  if (caller.role !== 'admin' && caller.role !== 'manager') throw new AppError('FORBIDDEN', 'A second administrator or a manager confirms a holiday arrangement.');
  const entry = await calendarEntry(ctx.db, input.id);
  if (!entry || entry.status !== 'pending') throw new AppError('NOT_FOUND', 'There is no pending holiday arrangement with this number.', { id: input.id });
  if (entry.proposed_by === caller.accountId) {
    throw new AppError('FORBIDDEN', 'The person who entered the arrangement cannot confirm it: a second administrator or a manager must.', { id: input.id });
  }
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    if (!(await confirmCalendarEntry(tx, entry.id, caller.accountId, at))) {
      throw new AppError('CONFLICT', 'This arrangement was confirmed or replaced meanwhile.', { id: entry.id });
    }
    const stored = await readCalendar(tx);
    if (stored && stored.coverage.toYear >= entry.year) throw new AppError('CONFLICT', `The calendar for ${entry.year} is already loaded.`, { year: entry.year });
    const merged = mergeCalendar(stored, { days: JSON.parse(entry.days) as CalendarDay[], coverage: { fromYear: entry.year, toYear: entry.year } });
    new WorkingCalendar(merged.days, merged.coverage);
    await writeCalendar(tx, merged, `manual:${entry.id}`);
    await auditIn(tx, ctx, caller, { action: 'calendar.confirmed', target: String(entry.year), detail: { entryId: entry.id, notice: entry.notice, proposedBy: entry.proposed_by } });
  });
  await calendarChanged(ctx);
  return calendarStatus(ctx, caller);
}

const RECOUNT_ACTIONS = { 'objection.recounted': 'objection', 'repair.recounted': 'repair' } as const;

/** The recounts calendarChanged audited, newest first: the list the manager works through. */
export async function recountedCases(ctx: CoreContext): Promise<{ rows: DeadlineRecountView[] }> {
  const events = await latestAuditOf(ctx.db, Object.keys(RECOUNT_ACTIONS), RECOUNTS_SHOWN);
  return {
    rows: events.map((e) => {
      const d = JSON.parse(e.detail) as { from?: string | null; to?: string | null; arrangedThrough?: number | null };
      return { at: e.at, kind: RECOUNT_ACTIONS[e.action as keyof typeof RECOUNT_ACTIONS], caseNo: e.target ?? '', from: d.from ?? null, to: d.to ?? null, arrangedThrough: d.arrangedThrough ?? null };
    }),
  };
}

/**
 * After any change of the stored calendar (a bundle, a confirmed manual year): drop the cached
 * calendar, recount the deadlines of every open case (a provisional date becomes final, or moves
 * with the year's 调休), audit every due date that changed so the manager can list them, then
 * run the overdue sweep so a case that is now late is escalated at once.
 */
export async function calendarChanged(ctx: CoreContext): Promise<{ recomputed: number; changed: number }> {
  forgetCalendar(ctx);
  const calendar = await officeCalendar(ctx);
  const fallback = await activeProfile(ctx);
  let recomputed = 0;
  let changed = 0;
  await ctx.db.transaction(async (tx) => {
    const recounted = async (kind: 'objection' | 'repair', row: ObjectionRow | RepairRow, patch: { due_on: string | null }) => {
      await updateCase(tx, kind, row.id, patch);
      recomputed += 1;
      if (patch.due_on === row.due_on) return;
      changed += 1;
      await auditIn(tx, ctx, null, { action: `${kind}.recounted`, target: row.case_no, detail: { from: row.due_on, to: patch.due_on, arrangedThrough: calendar.coverage.toYear } });
    };
    for (const id of await openCaseIds(tx, 'objection')) {
      const row = await caseRow<ObjectionRow>(tx, 'objection', id);
      if (row) await recounted('objection', row, (await deadlinePatch(ctx, row)) as { due_on: string | null });
    }
    for (const id of await openCaseIds(tx, 'repair')) {
      const row = await caseRow<RepairRow>(tx, 'repair', id);
      if (row) await recounted('repair', row, repairDuePatch(row.received_on, (await profileById(ctx, row.profile_id)) ?? fallback, calendar));
    }
  });
  await sweepOverdue(ctx);
  return { recomputed, changed };
}
