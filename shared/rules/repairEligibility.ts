import { addMonthsClamped, isIsoDate } from '../calendar/dates';
import type { PenaltyKind, RecordCategory, RecordDomain, RecordStatus, Severity } from '../domain/record';
import type { NonRepairableRule, RuleProfile } from './profile';
import { statutoryPublicationEnd } from './statutoryPublicationEnd';

// Credit Repair Management Measures (2025, in force 2026-04-01): negative information is
// published for a period set by its severity, counted from the decision date; publication stops
// by itself at the longest period, and early repair can be requested once the shortest period
// is reached. Months are added with addMonthsClamped: 2025-08-31 + 6 months = 2026-02-28. The
// shortest period counts as reached on that date itself; the date the longest period reaches is
// the last day still published (Civil Code arts. 201–202), publication stops the day after.

export interface RepairRecord {
  category: RecordCategory;
  severity: Severity | null;
  decidedOn: string;
  domain?: RecordDomain | null;
  /** e.g. 'licence_revocation', 'suspension', 'fine'; needed to match some non-repairable rules. */
  penaltyKind?: PenaltyKind | null;
  /** Whether the record is in fact published; defaults to the tier's rule (minor: not published). */
  published?: boolean;
  /** The record's status as stored; absent means active. */
  status?: RecordStatus | null;
}

export type RepairEligibility =
  /** Not information the repair measures cover (no severity, or another procedure, e.g. courts). */
  | { status: 'not_applicable'; reason: 'no_severity' | 'category' }
  /** Minor information is in principle not published; unpublished (or revoked, repaired, expired), there is nothing to repair. */
  | { status: 'not_published' }
  /** An open objection holds the record: it can be repaired once the objection is decided. */
  | { status: 'under_objection' }
  /** Cannot be repaired early; publication still ends on publicationEndsOn when known. */
  | { status: 'non_repairable'; rule: NonRepairableRule; publicationEndsOn: string | null }
  /**
   * The record does not say its penalty kind (older bundles carry none), which decides whether a
   * non-repairable rule applies: a person must find out; never "eligible".
   */
  | { status: 'needs_review'; rule: NonRepairableRule; missing: 'penaltyKind'; publicationEndsOn: string | null }
  | { status: 'not_yet'; earliestOn: string; publicationEndsOn: string }
  /** Shortest period reached; the other conditions (corrected, commitment…) are for staff to check. */
  | { status: 'eligible'; since: string; publicationEndsOn: string }
  /** Past the longest period: publication has stopped by itself; no application needed. publicationEndedOn was its last day. */
  | { status: 'expired'; publicationEndedOn: string };

/** Whether `rule` would apply but for the record's unknown penalty kind (every other condition matches). */
function undecidedByPenaltyKind(rule: NonRepairableRule, r: RepairRecord): boolean {
  return Boolean(rule.penaltyKinds) && r.penaltyKind == null && matches({ ...rule, penaltyKinds: undefined }, r);
}

function matches(rule: NonRepairableRule, r: RepairRecord): boolean {
  if (rule.categories && !rule.categories.includes(r.category)) return false;
  if (rule.severities && (r.severity === null || !rule.severities.includes(r.severity))) return false;
  if (rule.domains && (r.domain == null || !rule.domains.includes(r.domain))) return false;
  if (rule.penaltyKinds && (r.penaltyKind == null || !rule.penaltyKinds.includes(r.penaltyKind))) return false;
  return true;
}

/** `today` is a 'YYYY-MM-DD' date in China (see chinaDate). Throws RangeError on a bad date. */
export function repairEligibility(record: RepairRecord, profile: RuleProfile, today: string): RepairEligibility {
  if (!isIsoDate(record.decidedOn) || !isIsoDate(today)) throw new RangeError('repairEligibility needs YYYY-MM-DD dates');
  // The record's own state comes first: the counter's check and the intake read this one verdict.
  if (record.status === 'under_objection') return { status: 'under_objection' };
  if (record.status === 'revoked' || record.status === 'repaired' || record.status === 'expired') return { status: 'not_published' };
  const rules = profile.repair;
  // The tiers time administrative-penalty information; list entries end by their own exit rules.
  const covered = rules.appliesTo.includes(record.category);
  const tier = record.severity === null || !covered ? null : rules.tiers[record.severity];
  const publicationEndsOn = tier ? statutoryPublicationEnd(record, profile) : null;

  // Serious-list entries and certain serious penalties are excluded from early repair whatever
  // their age, so this check comes before the category and period checks.
  const rule = rules.nonRepairable.find((candidate) => matches(candidate, record));
  if (rule) {
    if (publicationEndsOn !== null && today > publicationEndsOn) return { status: 'expired', publicationEndedOn: publicationEndsOn };
    return { status: 'non_repairable', rule, publicationEndsOn };
  }
  // Unknown is not "no": a rule that might apply if the missing fact were known stops the verdict.
  const unknown = rules.nonRepairable.find((candidate) => undecidedByPenaltyKind(candidate, record));
  if (unknown) {
    if (publicationEndsOn !== null && today > publicationEndsOn) return { status: 'expired', publicationEndedOn: publicationEndsOn };
    return { status: 'needs_review', rule: unknown, missing: 'penaltyKind', publicationEndsOn };
  }
  if (!covered) return { status: 'not_applicable', reason: 'category' };
  if (tier === null || publicationEndsOn === null) return { status: 'not_applicable', reason: 'no_severity' };
  if (!(record.published ?? tier.published)) return { status: 'not_published' };
  if (today > publicationEndsOn) return { status: 'expired', publicationEndedOn: publicationEndsOn };
  const earliestOn = addMonthsClamped(record.decidedOn, tier.shortestMonths ?? 0);
  if (today < earliestOn) return { status: 'not_yet', earliestOn, publicationEndsOn };
  return { status: 'eligible', since: earliestOn, publicationEndsOn };
}
