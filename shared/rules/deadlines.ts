import { isIsoDate } from '../calendar/dates';
import { addWorkingDays, CalendarNotCoveredError, nextWorkingDayOnOrAfter, validatePauses } from '../calendar/workingDays';
import type { CalendarCoverage, Pause, WorkingCalendar } from '../calendar/workingDays';
import type { Period, RuleProfile } from './profile';

export { repairEligibility } from './repairEligibility';
export type { RepairEligibility, RepairRecord } from './repairEligibility';

export type DeadlineErrorCode =
  | 'CALENDAR_NOT_COVERED'
  | 'DATE_INVALID'
  | 'PAUSE_NOT_ALLOWED'
  | 'PAUSE_INVALID'
  | 'EXTENSION_NOT_ALLOWED'
  | 'EXTENSION_OUT_OF_RANGE';

export type DeadlineFailure = { ok: false; code: DeadlineErrorCode; message: string; date?: string; coverage?: CalendarCoverage };
export type DeadlineResult<T> = { ok: true; value: T } | DeadlineFailure;

export interface ObjectionCase {
  receivedOn: string;
  /** Own data is verified by the platform; provider data goes to the unit that supplied it. */
  source: 'own' | 'provider';
  /** When the provider was actually notified; before that, forwarded-based periods run from forwardBy. */
  forwardedOn?: string | null;
  /** Testing or expert review (Henan art. 41); only where the profile allows pauses. */
  pauses?: readonly Pause[];
  /** Approved total decision period in days (Zhejiang arts. 30–31: up to 20 WD with approval). */
  extendedTotalDays?: number | null;
}

export interface ObjectionDeadlines {
  dayKind: 'working' | 'calendar';
  /** null only while pending (beyond the loaded calendar). */
  annotateBy: string | null;
  /** Provider data only; null where the regulation sets no separate deadline. */
  forwardBy: string | null;
  /** Provider data only; null until forwarded when no forwarding deadline exists to count from. */
  providerVerifyBy: string | null;
  decideBy: string | null;
  /** The decision deadline if the longest extension were approved; null where none exists. */
  latestExtendedDecideBy: string | null;
  /**
   * Deadlines that could not be counted even provisionally (a year past the lunar tables, or
   * before the loaded calendar), so they are null here although the rule sets them: each is
   * counted on its own, and one uncovered date never blanks the others.
   */
  pending: PendingDeadline[];
  /**
   * Deadlines counted into a year whose holiday arrangement is not loaded: given, from weekends and
   * the statutory holidays, and to be recounted when the arrangement arrives.
   */
  provisional: PendingDeadline[];
  /** The first date in a year without its arrangement that a deadline reached (provisional or pending). */
  calendarGap: string | null;
}

export type PendingDeadline = 'annotateBy' | 'forwardBy' | 'providerVerifyBy' | 'decideBy' | 'latestExtendedDecideBy';

function failure(code: DeadlineErrorCode, message: string): DeadlineFailure {
  return { ok: false, code, message };
}

/** Maps the calendar's exception to a typed result so no caller shows an unchecked deadline. */
function guarded<T>(compute: () => T): DeadlineResult<T> {
  try {
    return { ok: true, value: compute() };
  } catch (error) {
    if (error instanceof CalendarNotCoveredError) {
      return { ok: false, code: 'CALENDAR_NOT_COVERED', message: error.message, date: error.date, coverage: error.coverage };
    }
    throw error;
  }
}

export function objectionDeadlines(c: ObjectionCase, profile: RuleProfile, calendar: WorkingCalendar): DeadlineResult<ObjectionDeadlines> {
  const rules = profile.objection;
  const pauses = c.pauses ?? [];
  for (const date of [c.receivedOn, c.forwardedOn ?? c.receivedOn]) {
    if (!isIsoDate(date)) return failure('DATE_INVALID', `Not a date: ${date}`);
  }
  if (pauses.length > 0 && !rules.pause) return failure('PAUSE_NOT_ALLOWED', `Profile ${profile.id} does not stop the clock`);
  try {
    validatePauses(pauses);
  } catch (error) {
    return failure('PAUSE_INVALID', (error as Error).message);
  }
  const decide = c.source === 'own' ? rules.decideOwn : rules.decideProvider;
  let decidePeriod: Period = decide;
  if (c.extendedTotalDays != null) {
    if (!rules.extension) return failure('EXTENSION_NOT_ALLOWED', `Profile ${profile.id} has no extension`);
    if (c.extendedTotalDays < decide.days || c.extendedTotalDays > rules.extension.maxTotalDays) {
      return failure('EXTENSION_OUT_OF_RANGE', `Extended period must be ${decide.days}–${rules.extension.maxTotalDays} days in total`);
    }
    decidePeriod = { ...decide, days: c.extendedTotalDays };
  }

  return guarded(() => {
    const pending: PendingDeadline[] = [];
    const gap: { first: string | null } = { first: null };
    // A date beyond the loaded calendar makes only this deadline pending; a forwarded-based one
    // whose anchor is pending is pending too.
    const provisional: PendingDeadline[] = [];
    const each = (name: PendingDeadline, compute: () => string | null | undefined): string | null => {
      try {
        const value = compute();
        if (value === undefined) pending.push(name);
        else if (value !== null && calendar.isProvisional(value)) {
          provisional.push(name);
          if (gap.first === null || value < gap.first) gap.first = value;
        }
        return value ?? null;
      } catch (error) {
        if (!(error instanceof CalendarNotCoveredError)) throw error;
        pending.push(name);
        if (gap.first === null || error.date < gap.first) gap.first = error.date;
        return null;
      }
    };
    const count = (start: string, days: number, withPauses: boolean): string => {
      const end = addWorkingDays(calendar, start, days, { dayKind: rules.dayKind, pauses: withPauses ? pauses : [] });
      // Civil Code art. 203: a period in days whose last day is a rest day ends on the next working day.
      return rules.dayKind === 'calendar' && rules.rollOverRestDay && days > 0 ? nextWorkingDayOnOrAfter(calendar, end) : end;
    };
    const forwardBy = c.source === 'provider' && rules.forward ? each('forwardBy', () => count(c.receivedOn, rules.forward!.days, false)) : null;
    const forwardPending = pending.includes('forwardBy') && !c.forwardedOn;
    const forwardAnchor = c.forwardedOn ?? forwardBy;
    const at = (period: Period): string | null | undefined => {
      if (period.from === 'forwarded' && forwardPending) return undefined;
      const start = period.from === 'receipt' ? c.receivedOn : forwardAnchor;
      return start === null ? null : count(start, period.days, true);
    };
    const providerVerifyBy = c.source === 'provider' && rules.providerVerify ? each('providerVerifyBy', () => at(rules.providerVerify!)) : null;
    const annotateBy = each('annotateBy', () => count(c.receivedOn, rules.annotate.days, false));
    const decideBy = each('decideBy', () => at(decidePeriod));
    const latestExtendedDecideBy = rules.extension ? each('latestExtendedDecideBy', () => at({ ...decide, days: rules.extension!.maxTotalDays })) : null;
    return { dayKind: rules.dayKind, annotateBy, forwardBy, providerVerifyBy, decideBy, latestExtendedDecideBy, pending, provisional, calendarGap: gap.first };
  });
}

/** n working days after `start` as a result (CALENDAR_NOT_COVERED instead of a throw). */
export function workingDayDeadline(start: string, days: number, calendar: WorkingCalendar): DeadlineResult<string> {
  if (!isIsoDate(start)) return failure('DATE_INVALID', `Not a date: ${start}`);
  return guarded(() => addWorkingDays(calendar, start, days));
}

/** Shanghai art. 37, Shandong art. 40: withdraw the record within N WD after the revocation. */
export function revocationWithdrawalDeadline(revokedOn: string, profile: RuleProfile, calendar: WorkingCalendar): DeadlineResult<string | null> {
  const days = profile.objection.revocationWithdrawalDays;
  return days === null ? { ok: true, value: null } : workingDayDeadline(revokedOn, days, calendar);
}

/** SPC rules on dishonest judgment debtors (2017) art. 10: delete within 3 WD of the exit condition. */
export function dishonestDebtorDeletionDeadline(conditionMetOn: string, profile: RuleProfile, calendar: WorkingCalendar): DeadlineResult<string> {
  return workingDayDeadline(conditionMetOn, profile.dishonestDebtor.deletionWorkingDays, calendar);
}

/** Decision on a repair application; the period is local practice (profile: processingDaysConfirmed). */
export function repairProcessingDeadline(acceptedOn: string, profile: RuleProfile, calendar: WorkingCalendar): DeadlineResult<string> {
  return workingDayDeadline(acceptedOn, profile.repair.processingWorkingDays, calendar);
}
