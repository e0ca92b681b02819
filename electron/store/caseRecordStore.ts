import type { CreditRecord, RecordStatus } from '../../shared/domain/record';
import type { ListType } from '../../shared/domain/list';
import type { PlatformTx, Queryable } from '../db/database';

// Record effects of case decisions. Each change bumps the record's version so that re-importing the
// same platform snapshot cannot silently undo a decision the platform has not yet confirmed.

const COLUMNS = `id, subject_id AS subjectId, central_id AS centralId, category, domain, severity, penalty_kind AS penaltyKind, title, content,
  provider_unit AS providerUnit, document_no AS documentNo, occurred_on AS occurredOn, decided_on AS decidedOn,
  publicity_start AS publicityStart, publicity_end AS publicityEnd, status, version`;

export function recordsByIds(db: Queryable, ids: readonly number[]): Promise<CreditRecord[]> {
  return db.all<CreditRecord>(`SELECT ${COLUMNS} FROM record WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`, [JSON.stringify(ids)]);
}

export async function setRecordStatus(tx: PlatformTx, id: number, status: RecordStatus): Promise<void> {
  await tx.run('UPDATE record SET status = ?, version = version + 1 WHERE id = ?', [status, id]);
}

/**
 * Marks a record under objection now, where the transaction holds the platform file, or else
 * (an import holds or waits for it) queues the mark in the office file for the import's office
 * half to write (applyPendingRecordMarks).
 */
export async function markUnderObjection(tx: Queryable, platform: PlatformTx | null, id: number): Promise<void> {
  if (platform) return setRecordStatus(platform, id, 'under_objection');
  await tx.run(`INSERT INTO record_mark_pending (record_id, status) VALUES (?, 'under_objection') ON CONFLICT(record_id) DO UPDATE SET status = excluded.status`, [id]);
}

export async function hasPendingRecordMarks(db: Queryable): Promise<boolean> {
  return (await db.get<{ n: number }>('SELECT EXISTS (SELECT 1 FROM record_mark_pending) AS n'))!.n === 1;
}

/** Writes the queued marks (inside the import's office half, which may write the platform file). */
export async function applyPendingRecordMarks(tx: PlatformTx): Promise<number> {
  const marks = await tx.all<{ record_id: number; status: RecordStatus }>('SELECT record_id, status FROM record_mark_pending ORDER BY record_id');
  for (const m of marks) await setRecordStatus(tx, m.record_id, m.status);
  if (marks.length > 0) await tx.run('DELETE FROM record_mark_pending');
  return marks.length;
}

export async function setRecordContent(tx: PlatformTx, id: number, content: string, status: RecordStatus): Promise<void> {
  await tx.run('UPDATE record SET content = ?, status = ?, version = version + 1 WHERE id = ?', [content, status, id]);
}

/** Publication ends after `lastDay` (inclusive), as the publicity window itself expresses it. */
export async function endPublication(tx: PlatformTx, id: number, lastDay: string, status: RecordStatus): Promise<void> {
  await tx.run(
    'UPDATE record SET publicity_end = min(coalesce(publicity_end, ?), ?), status = ?, version = version + 1 WHERE id = ?',
    [lastDay, lastDay, status, id],
  );
}

/** Lifts the active list entries resting on a record (and with them their measures); returns their ids. */
export async function liftListEntriesOf(tx: PlatformTx, recordId: number, status: 'removed' | 'exited', on: string): Promise<number[]> {
  const rows = await tx.all<{ id: number }>(
    `UPDATE list_entry SET status = ?, exit_on = ? WHERE record_id = ? AND status = 'active' RETURNING id`,
    [status, on, recordId],
  );
  return rows.map((r) => r.id);
}

/** Ids of the active list entries resting on a record (of one list type when given). */
export async function activeListEntriesOf(db: Queryable, recordId: number, listType: ListType | null = null): Promise<number[]> {
  const rows = await db.all<{ id: number }>(
    `SELECT id FROM list_entry WHERE record_id = ? AND status = 'active' AND (? IS NULL OR list_type = ?) ORDER BY id`,
    [recordId, listType, listType],
  );
  return rows.map((r) => r.id);
}
