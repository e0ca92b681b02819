import type { CaseKind, ReceiptInfo } from '../../shared/cases/caseTypes';
import type { Queryable } from '../db/database';

const COLUMNS = 'id, receipt_no AS receiptNo, created_at AS createdAt, copies, last_printed_at AS lastPrintedAt';

export async function insertReceipt(
  tx: Queryable,
  r: { caseKind: CaseKind; caseId: number; receiptNo: string; createdAt: string; createdBy: number; content: string },
): Promise<number> {
  const res = await tx.run('INSERT INTO receipt (case_kind, case_id, receipt_no, created_at, created_by, content) VALUES (?, ?, ?, ?, ?, ?)', [
    r.caseKind,
    r.caseId,
    r.receiptNo,
    r.createdAt,
    r.createdBy,
    r.content,
  ]);
  return res.lastID;
}

export function receiptsOfCase(db: Queryable, kind: CaseKind, caseId: number): Promise<ReceiptInfo[]> {
  return db.all<ReceiptInfo>(`SELECT ${COLUMNS} FROM receipt WHERE case_kind = ? AND case_id = ? ORDER BY id`, [kind, caseId]);
}

export interface ReceiptRow extends ReceiptInfo {
  /** The receipt's content as JSON (HTML for receipts stored before receipts were PDFs). */
  content: string;
  caseKind: CaseKind;
  caseId: number;
}

export async function receiptById(db: Queryable, id: number): Promise<ReceiptRow | undefined> {
  return db.get(`SELECT ${COLUMNS}, content, case_kind AS caseKind, case_id AS caseId FROM receipt WHERE id = ?`, [id]);
}

export async function countReceiptPrint(tx: Queryable, id: number, at: string): Promise<void> {
  await tx.run('UPDATE receipt SET copies = copies + 1, last_printed_at = ? WHERE id = ?', [at, id]);
}

export async function countReceiptsOfCase(db: Queryable, kind: CaseKind, caseId: number): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM receipt WHERE case_kind = ? AND case_id = ?', [kind, caseId]))?.n ?? 0;
}
