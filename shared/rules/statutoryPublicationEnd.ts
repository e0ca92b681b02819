import { addMonthsClamped } from '../calendar/dates';
import type { RecordCategory, Severity } from '../domain/record';
import type { RuleProfile } from './profile';

export type PublicationRules = Pick<RuleProfile, 'repair'>;

/**
 * The date publication stops by law for negative information: decision date plus the longest
 * period of its severity tier (Credit Repair Management Measures 2025), the same date
 * repairEligibility reports as publicationEndsOn. Null where the tiers do not apply.
 */
export function statutoryPublicationEnd(r: { category: RecordCategory; severity: Severity | null; decidedOn: string }, rules: PublicationRules): string | null {
  if (r.severity === null || !rules.repair.appliesTo.includes(r.category)) return null;
  return addMonthsClamped(r.decidedOn, rules.repair.tiers[r.severity].longestMonths);
}
