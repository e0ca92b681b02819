import type { ReceiptDocument } from '../../shared/cases/caseTypes';
import { AppError } from '../../shared/errors';
import { countReceiptPrint, receiptById } from '../store/receiptStore';
import { auditIn } from './auditService';
import type { Caller, CoreContext } from './context';

export async function getReceipt(ctx: CoreContext, id: number): Promise<ReceiptDocument> {
  const r = await receiptById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', `There is no receipt ${id}.`, { id });
  const { caseKind: _k, caseId: _c, ...doc } = r;
  return doc;
}

/** Each printed copy is counted and logged, like report prints. */
export async function receiptPrinted(ctx: CoreContext, caller: Caller, id: number): Promise<ReceiptDocument> {
  const r = await receiptById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', `There is no receipt ${id}.`, { id });
  await ctx.db.transaction(async (tx) => {
    await countReceiptPrint(tx, id, ctx.now().toISOString());
    await auditIn(tx, ctx, caller, { action: 'receipt.printed', target: r.receiptNo, detail: { caseKind: r.caseKind, caseId: r.caseId, copy: r.copies + 1 } });
  });
  return getReceipt(ctx, id);
}
