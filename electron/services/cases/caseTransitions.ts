import type { CaseKind } from '../../../shared/cases/caseTypes';
import type { CaseStepAction } from '../../../shared/i18n/auditLabels';
import type { Queryable } from '../../db/database';
import { appendCaseEvent } from '../../store/caseStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';

/**
 * Records one step of an objection or repair case: the case's own history row (who, when, from,
 * to, why) and the matching audit event, in the caller's transaction so both commit with the change.
 */
export async function recordTransition(
  tx: Queryable,
  ctx: CoreContext,
  caller: Caller | null,
  kind: CaseKind,
  row: { id: number; state: string; case_no: string },
  action: CaseStepAction,
  to: string | null,
  reason: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await appendCaseEvent(tx, kind, row.id, {
    at: ctx.now().toISOString(),
    actorId: caller?.accountId ?? null,
    actor: caller?.username ?? null,
    action,
    fromState: row.state,
    toState: to,
    reason,
    detail,
  });
  await auditIn(tx, ctx, caller, { action: `${kind}.${action}`, target: row.case_no, detail: { from: row.state, to, reason, ...detail } });
}
