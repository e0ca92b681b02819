import type { CaseKind } from '../../../shared/cases/caseTypes';
import { chinaDate, chinaDateTime } from '../../../shared/calendar/dates';
import { AppError } from '../../../shared/errors';
import type { ReceiptContent } from '../../report/pdf/receiptPdf';
import type { Queryable } from '../../db/database';
import { findVisit, type VisitRow } from '../../store/queryLogStore';
import { countReceiptsOfCase, insertReceipt } from '../../store/receiptStore';
import { accountName } from '../../store/accountStore';
import type { Caller, CoreContext } from '../context';

export const today = (ctx: CoreContext): string => chinaDate(ctx.now());

/**
 * The visit an intake belongs to: it names the subject and the applicant (self or agent), so the
 * identity on a case is the one checked at the counter, and only on the day of that visit.
 */
export async function visitForIntake(ctx: CoreContext, caller: Caller, visitId: number): Promise<VisitRow & { subject_id: number }> {
  const visit = await findVisit(ctx.db, visitId);
  if (!visit) throw new AppError('NOT_FOUND', 'This visit does not exist.', { visitId });
  if (visit.subject_id === null) throw new AppError('NOT_FOUND', 'This visit found no subject, so there is no record to object to.', { visitId });
  if (visit.clerk_id !== caller.accountId) throw new AppError('FORBIDDEN', 'Only the clerk who opened this visit can take applications in it.');
  if (chinaDate(new Date(visit.started_at)) !== today(ctx)) {
    throw new AppError('VISIT_CLOSED', 'This visit was opened on an earlier day; look the subject up again.', { visitId });
  }
  return visit as VisitRow & { subject_id: number };
}

/**
 * Records a receipt inside the intake's transaction: its content only, never the file. The PDF is
 * rendered from the stored row after the commit (getReceipt), so no rendering holds the write lock
 * while every lookup's query-log write waits, and every copy comes from the same stored content.
 */
export async function recordReceipt(
  tx: Queryable,
  ctx: CoreContext,
  caller: Caller,
  kind: CaseKind,
  caseId: number,
  content: Omit<ReceiptContent, 'receiptNo' | 'issuedAt' | 'officeName' | 'clerk' | 'window'>,
): Promise<number> {
  const createdAt = ctx.now().toISOString();
  const n = await countReceiptsOfCase(tx, kind, caseId);
  const receiptNo = `${content.caseNo}-R${n + 1}`;
  // The receipt names the staff member as citizens know them (their name), never the login name.
  const clerk = (await accountName(tx, caller.accountId)) ?? caller.username;
  const full: ReceiptContent = { ...content, receiptNo, issuedAt: chinaDateTime(createdAt), officeName: ctx.office.name, clerk, ...(caller.window ? { window: caller.window.number } : {}) };
  return insertReceipt(tx, { caseKind: kind, caseId, receiptNo, createdAt, createdBy: caller.accountId, content: JSON.stringify(full) });
}

export function illegal(kind: CaseKind, caseNo: string, from: string, to: string): AppError {
  return new AppError('ILLEGAL_TRANSITION', `Case ${caseNo} is ${from}; it cannot move to ${to}.`, { kind, caseNo, from, to });
}
