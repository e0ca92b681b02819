import type { RecordView } from '../../../../shared/domain/subjectView';

// The objection form's own checks, run before anything is sent: each problem becomes one specific
// sentence next to its field, so bad input never reaches the core and nothing changes.

export { DESCRIPTION_MAX, MAX_ATTACHMENTS } from '../../../../shared/contract/limits';
import { DESCRIPTION_MAX } from '../../../../shared/contract/limits';

export type ObjectionProblem =
  | { field: 'records'; key: 'noRecords' }
  | { field: 'records'; key: 'mixedProviders'; units: string }
  | { field: 'description'; key: 'noDescription' }
  | { field: 'description'; key: 'tooLong'; n: number; max: number };

export function objectionProblems(chosen: readonly RecordView[], description: string): ObjectionProblem[] {
  const problems: ObjectionProblem[] = [];
  if (chosen.length === 0) problems.push({ field: 'records', key: 'noRecords' });
  // The core takes one objection per providing unit (the case is forwarded to one unit).
  const units = [...new Set(chosen.map((r) => r.providerUnit))];
  if (units.length > 1) problems.push({ field: 'records', key: 'mixedProviders', units: units.join('、') });
  const text = description.trim();
  if (text === '') problems.push({ field: 'description', key: 'noDescription' });
  // Counted as the core counts (UTF-16 units after trimming), so the limits agree.
  else if (text.length > DESCRIPTION_MAX) problems.push({ field: 'description', key: 'tooLong', n: text.length, max: DESCRIPTION_MAX });
  return problems;
}

/** Records an objection may concern: still shown to someone (not revoked or repaired away). */
export function objectionCandidates(records: readonly RecordView[]): RecordView[] {
  return records.filter((r) => r.status !== 'revoked' && r.status !== 'repaired');
}
