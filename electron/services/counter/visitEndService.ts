import type { VisitEnded } from '../../../shared/contract/hall';
import { AppError } from '../../../shared/errors';
import { findAccountById } from '../../store/accountStore';
import { findVisitEnd, insertEvaluation, insertVisitEnd, visitActs } from '../../store/hallStore';
import { findVisit } from '../../store/queryLogStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { evaluationHookSettings, reserveNotification, sendAfterCommit, serviceItemsOf, type VisitEndedNotification } from '../hall/evaluationService';

/**
 * 结束接待 (issue 23): the clerk's visit ends, once. The end, its audit event and, when the office
 * has an evaluation device, the notification's pending row commit together; the notification is
 * sent after the commit and off this call, so the clerk's answer never waits on the device and
 * its failure never reaches the counter. A second end of the same visit (a double press, a
 * retried call) answers as the first and writes and sends nothing.
 */
export async function endVisit(ctx: CoreContext, caller: Caller, visitId: number): Promise<VisitEnded> {
  const visit = await findVisit(ctx.db, visitId);
  if (!visit) throw new AppError('NOT_FOUND', 'There is no such visit.', { visitId });
  if (visit.clerk_id !== caller.accountId) throw new AppError('FORBIDDEN', 'Only the clerk who opened this visit can end it.');
  const ended = await findVisitEnd(ctx.db, visitId);
  if (ended) return { visitId, endedAt: ended.ended_at, alreadyEnded: true };
  // Read before the write lock: what the visit produced, and who served it.
  const items = serviceItemsOf(await visitActs(ctx.db, visitId));
  const clerk = await findAccountById(ctx.db, caller.accountId);
  const hook = await evaluationHookSettings(ctx.db);
  const endedAt = ctx.now().toISOString();
  const release = hook.adapter === 'none' ? null : reserveNotification(ctx, visitId);
  let first: boolean;
  try {
    first = await ctx.db.transaction(async (tx) => {
      // Two ends racing each other: the second finds the first inside the lock.
      if (await findVisitEnd(tx, visitId)) return false;
      await insertVisitEnd(tx, { visitId, endedAt, clerkId: caller.accountId });
      if (hook.adapter !== 'none') await insertEvaluation(tx, { visitId, queuedAt: endedAt, url: hook.url });
      await auditIn(tx, ctx, caller, {
        action: 'counter.visit_end',
        target: `visit:${visitId}`,
        detail: {
          visitId,
          ...(visit.queue_ticket ? { queueTicket: visit.queue_ticket } : {}),
          ...(visit.hall_case_no ? { hallCaseNo: visit.hall_case_no } : {}),
          serviceItems: items.map((i) => i.code),
          evaluation: hook.adapter !== 'none',
        },
      });
      return true;
    });
  } catch (err) {
    release?.();
    throw err;
  }
  if (!first) {
    release?.();
    const again = (await findVisitEnd(ctx.db, visitId))!;
    return { visitId, endedAt: again.ended_at, alreadyEnded: true };
  }
  if (hook.adapter !== 'none') {
    const notification: VisitEndedNotification = {
      type: 'creditdesk.visit_ended',
      version: 1,
      test: false,
      officeCode: ctx.office.code,
      officeName: ctx.office.name,
      windowNumber: visit.window_number,
      visitId,
      clerk: { username: caller.username, name: clerk?.display_name ?? caller.username },
      queueTicket: visit.queue_ticket,
      hallCaseNo: visit.hall_case_no,
      startedAt: visit.started_at,
      endedAt,
      serviceItems: items,
    };
    sendAfterCommit(ctx, notification, hook.url);
  }
  return { visitId, endedAt, alreadyEnded: false };
}
