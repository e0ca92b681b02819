import { addCalendarDays, addMonthsClamped } from '../calendar/dates';
import { statutoryPublicationEnd, type PublicationRules } from '../rules/statutoryPublicationEnd';
import type { HiddenReason } from './subjectView';
import type { CreditRecord, RecordCategory, Severity } from './record';
import type { ListEntry } from './list';

/**
 * Whether a record is published on `today` (China date). `publicityEnd` is the last day of
 * publication, inclusive: a record whose period ends today still prints today and is gone tomorrow.
 * Revoked and repaired records never print (Credit Repair Measures 2025: repair stops publication).
 * With the office's rules, negative information also stops at the longest period of its severity
 * tier (its last day still published), whatever end date the provider sent: the Measures stop it
 * by themselves, no case needed.
 */
/**
 * The last day a record is published: the provider's end date, cut to the statutory longest
 * period of its tier where that comes first. The one place the end date is decided, so the
 * subject view, the report and a repair check can never disagree.
 */
export function effectivePublicityEnd(
  r: Pick<CreditRecord, 'publicityEnd'> & Partial<Pick<CreditRecord, 'category' | 'severity' | 'decidedOn'>>,
  rules?: PublicationRules,
): string | null {
  if (!rules || !r.category || !r.decidedOn || r.severity === undefined) return r.publicityEnd;
  const statutory = statutoryPublicationEnd({ category: r.category, severity: r.severity, decidedOn: r.decidedOn }, rules);
  if (statutory === null) return r.publicityEnd;
  return r.publicityEnd === null || statutory < r.publicityEnd ? statutory : r.publicityEnd;
}

export function hiddenReason(
  r: Pick<CreditRecord, 'status' | 'publicityStart' | 'publicityEnd'> & Partial<Pick<CreditRecord, 'category' | 'severity' | 'decidedOn'>>,
  today: string,
  rules?: PublicationRules,
): HiddenReason {
  if (r.status === 'revoked') return 'revoked';
  if (r.status === 'repaired') return 'repaired';
  if (r.status === 'expired') return 'publicity_ended';
  const end = effectivePublicityEnd(r, rules);
  if (end !== null && end < today) return 'publicity_ended';
  if (r.publicityStart > today) return 'not_yet_public';
  return null;
}

/**
 * The hidden rule above as of one day, in a form a query can apply to a whole file at once: the
 * categories the statutory tiers cover, and per tier the first decision date still published
 * today (a record decided earlier has passed its longest period). Exact, not approximate:
 * addMonthsClamped never decreases as the decision date grows, so the dates still published form
 * one run, and its first day is found by stepping from one month-shift of today.
 */
export interface PublicationAsOf {
  today: string;
  appliesTo: readonly RecordCategory[];
  firstPublished: Record<Severity, string>;
}

export function publicationAsOf(today: string, rules: PublicationRules): PublicationAsOf {
  const first = (months: number): string => {
    let d = addMonthsClamped(today, -months);
    while (addMonthsClamped(addCalendarDays(d, -1), months) >= today) d = addCalendarDays(d, -1);
    while (addMonthsClamped(d, months) < today) d = addCalendarDays(d, 1);
    return d;
  };
  const tiers = rules.repair.tiers;
  return {
    today,
    appliesTo: rules.repair.appliesTo,
    firstPublished: { minor: first(tiers.minor.longestMonths), ordinary: first(tiers.ordinary.longestMonths), serious: first(tiers.serious.longestMonths) },
  };
}

/**
 * Whether a list entry prints on a report today: active, entered, not yet exited, and not resting on
 * a revoked decision. A repaired or expired penalty does not lift it: list entries are not repaired
 * early (Credit Repair Management Measures 2025) and end by their own exit date. Every report's rule.
 */
export function listEntryShown(e: Pick<ListEntry, 'status' | 'exitOn' | 'enteredOn' | 'recordId'>, today: string, revokedRecordIds: ReadonlySet<number>): boolean {
  if (e.status !== 'active' || (e.exitOn !== null && e.exitOn < today) || e.enteredOn > today) return false;
  return e.recordId === null || !revokedRecordIds.has(e.recordId);
}
