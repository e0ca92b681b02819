import type { NoticeDocument, ObjectionCase, ReceiptDocument, RepairCase } from '../../../shared/cases/caseTypes';
import type { ReportLang } from '../../report/reportLabels';
import type { CaseKind } from '../../../shared/cases/caseTypes';
import { roleHas } from '../../../shared/contract/permissions';
import { AppError } from '../../../shared/errors';
import { attachmentOwners, caseOwner } from '../../store/caseAccessStore';
import { receiptById } from '../../store/receiptStore';
import { getAttachment } from '../attachments/attachmentService';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { decisionNotice } from './noticeService';
import { getObjection } from './objectionService';
import { receiptPrinted, getReceipt } from './receiptService';
import { getRepair } from './repairService';

// The one rule for reading a case (issue 10): whoever manages cases (case.manage) reads every
// case; anyone else reads only the cases that came from their own visits at the counter. Every
// read is in the audit log, and so is every refusal. The API's get methods come through here;
// the services' own get functions stay internal (they also return a case after a change).

/** Who may see every case, by the permission table. */
const SEES_ALL = 'case.manage' as const;

async function refuse(ctx: CoreContext, caller: Caller, kind: CaseKind | 'attachment', target: string, what: string): Promise<never> {
  await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'case.read_refused', target, detail: { kind, what } }));
  throw new AppError('CASE_NOT_YOURS', 'This case did not come from one of your visits, so you cannot open it. Ask a manager.', { kind });
}

/** Refuses (and audits the refusal) unless the caller may read this case; unknown ids are NOT_FOUND. */
export async function assertCaseReadable(ctx: CoreContext, caller: Caller, kind: CaseKind, id: number, what: string): Promise<string> {
  const c = await caseOwner(ctx.db, kind, id);
  if (!c) throw new AppError('NOT_FOUND', `There is no ${kind} case ${id}.`, { id });
  if (!roleHas(caller.role, SEES_ALL) && c.owner !== caller.accountId) await refuse(ctx, caller, kind, c.case_no, what);
  return c.case_no;
}

async function audited<T>(ctx: CoreContext, caller: Caller, kind: CaseKind, caseNo: string, what: string, value: T): Promise<T> {
  await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'case.read', target: caseNo, detail: { kind, what } }));
  return value;
}

export async function readObjection(ctx: CoreContext, caller: Caller, id: number): Promise<ObjectionCase> {
  const caseNo = await assertCaseReadable(ctx, caller, 'objection', id, 'case');
  return audited(ctx, caller, 'objection', caseNo, 'case', await getObjection(ctx, id));
}

export async function readRepair(ctx: CoreContext, caller: Caller, id: number): Promise<RepairCase> {
  const caseNo = await assertCaseReadable(ctx, caller, 'repair', id, 'case');
  return audited(ctx, caller, 'repair', caseNo, 'case', await getRepair(ctx, id));
}

async function receiptCase(ctx: CoreContext, caller: Caller, id: number): Promise<{ kind: CaseKind; caseNo: string }> {
  const r = await receiptById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', `There is no receipt ${id}.`, { id });
  return { kind: r.caseKind, caseNo: await assertCaseReadable(ctx, caller, r.caseKind, r.caseId, 'receipt') };
}

export async function readReceipt(ctx: CoreContext, caller: Caller, id: number): Promise<ReceiptDocument> {
  const { kind, caseNo } = await receiptCase(ctx, caller, id);
  return audited(ctx, caller, kind, caseNo, 'receipt', await getReceipt(ctx, id));
}

/** Printing a receipt shows it too (the print itself is audited by the receipt service). */
export async function printReceipt(ctx: CoreContext, caller: Caller, input: { id: number; copyNo: number }): Promise<ReceiptDocument> {
  await receiptCase(ctx, caller, input.id);
  return receiptPrinted(ctx, caller, input);
}

/** A decision notice shows the case: the same rule as reading it (the notice service audits it). */
export async function readNotice(ctx: CoreContext, caller: Caller, input: { kind: CaseKind; id: number; lang: ReportLang }): Promise<NoticeDocument> {
  const owner = await caseOwner(ctx.db, input.kind, input.id);
  if (!owner) throw new AppError('NOT_FOUND', `There is no ${input.kind} case ${input.id}.`, { id: input.id });
  if (!roleHas(caller.role, SEES_ALL) && owner.owner !== caller.accountId) await refuse(ctx, caller, input.kind, owner.case_no, 'notice');
  return decisionNotice(ctx, caller, input);
}

/**
 * A case's scan (or an agent's authorization letter) is shown to whoever may read one of the
 * cases or visits it belongs to; a file not yet linked to anything is the uploader's preview.
 * The attachment service audits the view itself.
 */
export async function readAttachment(ctx: CoreContext, caller: Caller, input: { sha256: string }): ReturnType<typeof getAttachment> {
  if (!roleHas(caller.role, SEES_ALL)) {
    const owners = await attachmentOwners(ctx.db, input.sha256);
    if (owners.length > 0 && !owners.includes(caller.accountId)) await refuse(ctx, caller, 'attachment', input.sha256, 'attachment');
  }
  return getAttachment(ctx, caller, input);
}
