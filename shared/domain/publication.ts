import type { HiddenReason } from './subjectView';
import type { CreditRecord } from './record';

/**
 * Whether a record is published on `today` (China date). `publicityEnd` is the last day of
 * publication, inclusive: a record whose period ends today still prints today and is gone tomorrow.
 * Revoked and repaired records never print (Credit Repair Measures 2025: repair stops publication).
 */
export function hiddenReason(r: Pick<CreditRecord, 'status' | 'publicityStart' | 'publicityEnd'>, today: string): HiddenReason {
  if (r.status === 'revoked') return 'revoked';
  if (r.status === 'repaired') return 'repaired';
  if (r.status === 'expired') return 'publicity_ended';
  if (r.publicityEnd !== null && r.publicityEnd < today) return 'publicity_ended';
  if (r.publicityStart > today) return 'not_yet_public';
  return null;
}
