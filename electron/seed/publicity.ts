// Publicity windows of negative records under the Credit Repair Management Measures (2025, in
// force 2026-04-01): periods run from the decision date and publication stops automatically at
// the longest period. domain-rules.md, "Credit repair".
import type { RecordDomain, Severity } from '../../shared/domain/record';
import { addDays, addMonths } from './days';
import type { Rng } from './prng';

/** Longest publicity period in months per tier. */
export const LONGEST_MONTHS: Record<Severity, number> = { minor: 3, ordinary: 12, serious: 36 };
/** Shortest period before early repair may be granted (minor: none). */
export const SHORTEST_MONTHS: Record<Severity, number> = { minor: 0, ordinary: 3, serious: 12 };

export interface Publicity {
  publicityStart: string;
  publicityEnd: string;
}

/**
 * Minor penalties are in principle not published: we model "not published" as an empty window
 * (end = start), so a report that filters by date never shows them. Market-regulation decisions
 * with small fines stop after 3 months (SAMR Order 45, 2021).
 */
export function penaltyPublicity(rng: Rng, severity: Severity, domain: RecordDomain, decidedOn: string, smallFine: boolean): Publicity {
  // Decisions are published within 7 working days; a few calendar days approximates that.
  const publicityStart = addDays(decidedOn, rng.int(1, 7));
  if (severity === 'minor') {
    return { publicityStart, publicityEnd: rng.chance(0.2) ? addMonths(decidedOn, 3) : publicityStart };
  }
  const samrShort = severity === 'ordinary' && smallFine && (domain === 'market' || domain === 'food_drug');
  return { publicityStart, publicityEnd: addMonths(decidedOn, samrShort ? 3 : LONGEST_MONTHS[severity]) };
}

export const SEVERITY_SHARES: readonly (readonly [Severity, number])[] = [
  ['minor', 40],
  ['ordinary', 45],
  ['serious', 15],
];
