import type { CaseKind } from '../../shared/cases/caseTypes';
import { latestCaseEvent } from '../../electron/store/caseStore';
import type { TestCore } from './core';

/**
 * The version a manager's case page would show now (the newest event's id), read from the file
 * without a case read, so tests that count audit events count only what they did.
 */
export async function caseVersion(core: TestCore, kind: CaseKind, id: number): Promise<number> {
  return (await latestCaseEvent(core.ctx.db, kind, id))!.id;
}
