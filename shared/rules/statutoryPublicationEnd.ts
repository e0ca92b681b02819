import { addMonthsClamped } from '../calendar/dates';
import type { RecordCategory, Severity } from '../domain/record';
import type { RuleProfile } from './profile';

export type PublicationRules = Pick<RuleProfile, 'repair'>;

/**
 * The last day negative information is published by law: the decision date plus the longest
 * period of its severity tier (Credit Repair Management Measures 2025). Civil Code arts. 201–202:
 * a period of months ends on the corresponding day, and that day is still inside it, so a penalty
 * decided 2025-01-01 with a 12-month period is published through 2026-01-01 and gone on 01-02.
 * The same date repairEligibility reports as publicationEndsOn. Null where the tiers do not apply.
 */
export function statutoryPublicationEnd(r: { category: RecordCategory; severity: Severity | null; decidedOn: string }, rules: PublicationRules): string | null {
  if (r.severity === null || !rules.repair.appliesTo.includes(r.category)) return null;
  return addMonthsClamped(r.decidedOn, rules.repair.tiers[r.severity].longestMonths);
}
