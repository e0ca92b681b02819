import type { CaseKind } from '../../../shared/cases/caseTypes';
import { AppError } from '../../../shared/errors';
import type { Queryable } from '../../db/database';
import { latestCaseEvent } from '../../store/caseStore';

// A case's version is the id of its newest event (issue 23, many windows on one office's data).
// Every change to a case (a transition, an assignment, an escalation, a recount) already writes
// exactly one event in the same transaction, so the history is the version: no second counter to
// keep in step, and a refusal can name the very event that made the page stale.

/**
 * Refuses a transition decided on an older view of the case: `seen` is the version the person's
 * page showed. The contract requires it of every caller; only the demo office's in-process seeding
 * (electron/demo) steps without one, as the state check alone. Called inside the transition's transaction (BEGIN IMMEDIATE), so no other change
 * can land between this check and the write; a refusal throws before anything is written.
 */
export async function assertCaseUnchanged(tx: Queryable, kind: CaseKind, caseId: number, caseNo: string, seen: number | undefined): Promise<void> {
  if (seen === undefined) return;
  const last = await latestCaseEvent(tx, kind, caseId);
  if (!last || last.id === seen) return;
  const by = last.actor ?? 'the system';
  throw new AppError('CASE_CHANGED', `Case ${caseNo} was changed by ${by} at ${last.at} (${kind}.${last.action}) after you opened it; nothing was done. Look at it again.`, {
    kind,
    caseNo,
    seen,
    version: last.id,
    by: last.actor,
    action: `${kind}.${last.action}`,
    at: last.at,
  });
}
