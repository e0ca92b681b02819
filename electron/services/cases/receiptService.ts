import type { ReceiptDocument } from '../../../shared/cases/caseTypes';
import { AppError } from '../../../shared/errors';
import { pdfDocumentOf } from '../../report/pdf/pdfDocument';
import type { PdfJob } from '../../report/pdf/pdfJob';
import { legacyReceiptContent, type ReceiptContent } from '../../report/pdf/receiptPdf';
import { countReceiptPrint, receiptById, type ReceiptRow } from '../../store/receiptStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';

/** The job that renders the receipt's next copy from its stored content. */
export function receiptPdfJob(r: ReceiptRow): PdfJob & { kind: 'receipt' } {
  const content: ReceiptContent = r.content.startsWith('{') ? (JSON.parse(r.content) as ReceiptContent) : legacyReceiptContent(r.content, r.receiptNo, r.createdAt);
  return { kind: 'receipt', content, copyNo: r.copies + 1, createdAt: r.createdAt, lang: 'zh' };
}

async function documentOf(ctx: CoreContext, r: ReceiptRow): Promise<ReceiptDocument> {
  const job = receiptPdfJob(r);
  const pdf = await ctx.pdf.render(job);
  return { id: r.id, receiptNo: r.receiptNo, createdAt: r.createdAt, copies: r.copies, lastPrintedAt: r.lastPrintedAt, copyNo: job.copyNo, ...pdfDocumentOf(pdf) };
}

/** The PDF of the receipt's next copy; counts nothing. */
export async function getReceipt(ctx: CoreContext, id: number): Promise<ReceiptDocument> {
  const r = await receiptById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND', `There is no receipt ${id}.`, { id });
  return documentOf(ctx, r);
}

/**
 * Counts a copy once its print job was accepted, like report prints: a cancelled print is never
 * confirmed, and the copy confirmed must be the one the page showed.
 */
export async function receiptPrinted(ctx: CoreContext, caller: Caller, input: { id: number; copyNo: number }): Promise<ReceiptDocument> {
  const r = await ctx.db.transaction(async (tx) => {
    const row = await receiptById(tx, input.id);
    if (!row) throw new AppError('NOT_FOUND', `There is no receipt ${input.id}.`, { id: input.id });
    if (input.copyNo !== row.copies + 1) {
      throw new AppError('PRINT_COPY_STALE', `The next copy of receipt ${row.receiptNo} is copy ${row.copies + 1}, not copy ${input.copyNo}.`, {
        expected: row.copies + 1,
        given: input.copyNo,
      });
    }
    await countReceiptPrint(tx, input.id, ctx.now().toISOString());
    await auditIn(tx, ctx, caller, { action: 'receipt.printed', target: row.receiptNo, detail: { caseKind: row.caseKind, caseId: row.caseId, copy: input.copyNo } });
    return row;
  });
  return getReceipt(ctx, r.id);
}
