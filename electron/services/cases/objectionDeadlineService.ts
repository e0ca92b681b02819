import type { CasePause, ObjectionDeadlineView, ObjectionRoute, ObjectionState, PendingDeadlineName } from '../../../shared/cases/caseTypes';
import { workingDaysBetween } from '../../../shared/calendar/workingDays';
import type { WorkingCalendar } from '../../../shared/calendar/workingCalendar';
import { calendarDaysBetween } from '../../../shared/calendar/dates';
import { objectionDeadlines, type ObjectionDeadlines, type PendingDeadline } from '../../../shared/rules/deadlines';
import type { RuleProfile } from '../../../shared/rules/profile';
import { AppError } from '../../../shared/errors';

export interface DeadlineInput {
  state: ObjectionState;
  route: ObjectionRoute | null;
  receivedOn: string;
  forwardedOn: string | null;
  providerRepliedOn: string | null;
  pauses: readonly CasePause[];
  extendedTotalDays: number | null;
}

/**
 * The deadlines of an objection under its profile, and the next binding one (dueOn) for the
 * current step: annotate while received; forward (or decide) while accepted; the provider's
 * verification while forwarded and unanswered (Henan art. 41); the decision otherwise. Before the
 * route is chosen the earlier of the own/provider decision dates applies, so the queue never shows
 * a case as less urgent than it may be. An open pause (Henan art. 41: testing, expert review) runs
 * to today, so the date moves on by itself while the clock is stopped.
 */
export function objectionDeadlineView(c: DeadlineInput, profile: RuleProfile, calendar: WorkingCalendar, today: string): ObjectionDeadlineView {
  const pauses = c.pauses.map((p) => ({ from: p.from, to: p.to ?? (today > p.from ? today : p.from) }));
  const base = { receivedOn: c.receivedOn, forwardedOn: c.forwardedOn, pauses, extendedTotalDays: c.extendedTotalDays };
  const own = objectionDeadlines({ ...base, source: 'own' }, profile, calendar);
  const provider = objectionDeadlines({ ...base, source: 'provider' }, profile, calendar);
  for (const r of [own, provider]) {
    if (r.ok) continue;
    throw new AppError(r.code === 'DATE_INVALID' ? 'VALIDATION' : 'PROFILE_FORBIDS', r.message, { reason: r.code });
  }
  if (!own.ok || !provider.ok) throw new AppError('INTERNAL', 'Deadlines could not be counted.');
  const o = own.value;
  const p = provider.value;
  const chosen = c.route === 'own' ? o : c.route === 'provider' ? p : null;
  // Each deadline is counted on its own: one in a year without its arrangement is provisional
  // (and says so), one that cannot be counted at all is pending; the others are final.
  const pending = new Set<PendingDeadlineName>();
  const gaps: string[] = [];
  const from = (d: ObjectionDeadlines, name: PendingDeadline) => {
    if (d.pending.includes(name)) pending.add(name === 'latestExtendedDecideBy' ? 'latestExtendedBy' : name);
    if ((d.pending.includes(name) || d.provisional.includes(name)) && d.calendarGap) gaps.push(d.calendarGap);
  };
  from(o, 'annotateBy');
  if (c.route !== 'own') from(p, 'forwardBy');
  if (c.route === 'provider') from(p, 'providerVerifyBy');
  for (const d of chosen ? [chosen] : [o, p]) from(d, 'decideBy');
  from(chosen ?? o, 'latestExtendedDecideBy');
  const decideBy = chosen ? chosen.decideBy : pending.has('decideBy') ? null : minDate(o.decideBy, p.decideBy);
  const forwardBy = c.route === 'own' ? null : p.forwardBy;
  const providerVerifyBy = c.route === 'provider' ? p.providerVerifyBy : null;
  let dueOn: string | null;
  if (c.state === 'received') dueOn = o.annotateBy;
  else if (c.state === 'accepted') dueOn = c.route === null ? (pending.has('forwardBy') ? null : minDate(forwardBy, decideBy)) : decideBy;
  else if (c.state === 'verifying' && c.route === 'provider' && c.providerRepliedOn === null) dueOn = pending.has('providerVerifyBy') ? null : (providerVerifyBy ?? decideBy);
  else dueOn = decideBy;
  const calendarGap = gaps.length === 0 ? null : gaps.reduce((a, b) => (a < b ? a : b));
  return {
    dayKind: o.dayKind,
    annotateBy: o.annotateBy,
    forwardBy,
    providerVerifyBy,
    decideBy,
    latestExtendedBy: (chosen ?? o).latestExtendedDecideBy,
    dueOn,
    calendarGap,
    arrangedThrough: calendar.coverage.toYear,
    pending: [...pending],
  };
}

function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

/** Days past `dueOn` in the profile's day kind (0 when not late); calendar days when a year is missing. */
export function daysLate(dueOn: string | null, today: string, dayKind: 'working' | 'calendar', calendar: WorkingCalendar): number {
  if (dueOn === null || dueOn >= today) return 0;
  if (dayKind === 'calendar') return calendarDaysBetween(dueOn, today);
  try {
    return workingDaysBetween(calendar, dueOn, today);
  } catch {
    return calendarDaysBetween(dueOn, today);
  }
}

/** Counted days from today to dueOn (negative when late); null when unknown. */
export function daysLeft(dueOn: string | null, today: string, dayKind: 'working' | 'calendar', calendar: WorkingCalendar): number | null {
  if (dueOn === null) return null;
  if (dayKind === 'calendar') return calendarDaysBetween(today, dueOn);
  try {
    return workingDaysBetween(calendar, today, dueOn);
  } catch {
    return calendarDaysBetween(today, dueOn);
  }
}
