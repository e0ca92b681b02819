import { IMPORT_SCRATCH_SCHEMA, type PlatformTx, type Queryable } from '../db/database';
import type { OutcomeRecordEffect } from '../sync/content/schemas';

// SQL of a bundle import. The platform rows arrive in batches (each one JSON array bound as one
// parameter, the shape populationStore's upserts take); the reference checks below run on the same
// batch inside the import's platform transaction, before it is written, so "refers to a subject
// the bundle does not carry and the office does not have" is decided against exactly the rows the
// transaction would commit with.

/** Rows per batch: large enough that a statement's fixed cost vanishes, small enough to keep one batch in memory. */
export const APPLY_BATCH = 20_000;

export async function forEachBatch<T>(rows: readonly T[], size: number, fn: (batch: readonly T[]) => Promise<void>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

/** First reference of a batch that names a row nowhere to be found: its index in the batch, what and which id. */
export interface MissingReference { i: number; what: 'subject' | 'record' | 'measure'; id: string }

// Central ids a bundle must hold once, kept for the length of one import in the import's scratch
// file (database.ts, IMPORT_SCRATCH_SCHEMA): on disk, so a bundle of any size is checked in bounded
// memory, but in the data directory and encrypted, never in the system's temporary directory. Only
// central ids go there, never an ID number: an ID number used twice shows as one held by another
// central id (idNumberTakenElsewhere), against rows the import already wrote.
const KEY_EXPR: Record<string, string> = {
  measures: "j.value->>'code'",
  subjects: "j.value->>'centralId'",
  records: "j.value->>'centralId'",
  listEntries: "j.value->>'centralId'",
};

export async function resetImportKeys(tx: Queryable): Promise<void> {
  await tx.exec(`CREATE TABLE IF NOT EXISTS ${IMPORT_SCRATCH_SCHEMA}.import_key (kind TEXT NOT NULL, k TEXT NOT NULL, PRIMARY KEY (kind, k)) WITHOUT ROWID; DELETE FROM ${IMPORT_SCRATCH_SCHEMA}.import_key;`);
}

/**
 * Records the batch's keys; returns the first one already seen earlier in this import (and then
 * records none). One insert probes each key once: the primary key refuses a key seen before, the
 * refused statement undoes itself, and only then is the batch searched for the key to name it.
 */
export async function keysSeenBefore(tx: Queryable, kind: string, json: string): Promise<string | null> {
  const key = KEY_EXPR[kind]!;
  try {
    await tx.run(`INSERT INTO ${IMPORT_SCRATCH_SCHEMA}.import_key (kind, k) SELECT ?1, ${key} FROM json_each(?2) j`, [kind, json], { bulk: 'syncApplyStore.keysSeenBefore' });
    return null;
  } catch (e) {
    if (!isConstraintError(e)) throw e;
    // A correlated lookup on the primary key per row of the batch (a join against a subquery would
    // let the planner scan the whole table for each batch).
    const hit = await tx.get<{ k: string }>(
      `SELECT ${key} AS k FROM json_each(?2) j WHERE EXISTS (SELECT 1 FROM ${IMPORT_SCRATCH_SCHEMA}.import_key s WHERE s.kind = ?1 AND s.k = ${key}) LIMIT 1`,
      [kind, json], { bulk: 'syncApplyStore.keysSeenBefore' },
    );
    if (!hit) throw e;
    return hit.k;
  }
}

/** SQLite refused a statement for a constraint (the statement's own changes are undone, the transaction goes on). */
export function isConstraintError(e: unknown): boolean {
  return (e as { code?: unknown } | null)?.code === 'SQLITE_CONSTRAINT';
}

/** A record whose subject is neither in the platform file nor earlier in this import. */
export function recordWithoutSubject(tx: Queryable, json: string): Promise<MissingReference | undefined> {
  return tx.get<MissingReference>(
    `SELECT CAST(j.key AS INTEGER) AS i, 'subject' AS what, j.value->>'subjectCentralId' AS id FROM json_each(?) j
      WHERE NOT EXISTS (SELECT 1 FROM subject s WHERE s.central_id = j.value->>'subjectCentralId') ORDER BY j.key LIMIT 1`,
    [json], { bulk: 'syncApplyStore.recordWithoutSubject' },
  );
}

/** A list entry naming a subject, record or measure that exists nowhere. */
export function listEntryWithoutReference(tx: Queryable, json: string): Promise<MissingReference | undefined> {
  return tx.get<MissingReference>(
    `SELECT i, what, id FROM (
       SELECT CAST(j.key AS INTEGER) AS i, 1 AS o, 'subject' AS what, j.value->>'subjectCentralId' AS id FROM json_each(?1) j
        WHERE NOT EXISTS (SELECT 1 FROM subject s WHERE s.central_id = j.value->>'subjectCentralId')
       UNION ALL
       SELECT CAST(j.key AS INTEGER), 2, 'record', j.value->>'recordCentralId' FROM json_each(?1) j
        WHERE j.value->>'recordCentralId' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM record r WHERE r.central_id = j.value->>'recordCentralId')
       UNION ALL
       SELECT CAST(j.key AS INTEGER), 3, 'measure', c.value FROM json_each(?1) j JOIN json_each(j.value->'measureCodes') c
        WHERE NOT EXISTS (SELECT 1 FROM measure m WHERE m.code = c.value)
     ) ORDER BY i, o LIMIT 1`,
    [json], { bulk: 'syncApplyStore.listEntryWithoutReference' },
  );
}

/**
 * The first of `subjects` (the batch's subject central ids, one JSON array) that now holds more
 * than `cap` rows of `table` (the batch already written, so what the office held, earlier batches
 * and this one all count). One statement per batch: each subject counted once, on the subject
 * index. The ids come apart from the rows: a second json_each over the rows cost 13% of their write.
 */
export function subjectOverCap(tx: Queryable, table: 'record' | 'list_entry', subjects: string, cap: number): Promise<{ subject: string; n: number } | undefined> {
  return tx.get<{ subject: string; n: number }>(
    `SELECT subject, n FROM (
       SELECT s.central_id AS subject, (SELECT count(*) FROM ${table} t WHERE t.subject_id = s.id) AS n
         FROM subject s WHERE s.central_id IN (SELECT value FROM json_each(?1))
     ) WHERE n > ?2 LIMIT 1`,
    [subjects, cap], { bulk: 'syncApplyStore.subjectOverCap' },
  );
}

/** An ID number the batch gives to a central id other than the one that holds it (the UNIQUE index would break mid-apply). */
export async function idNumberTakenElsewhere(tx: Queryable, json: string): Promise<string | null> {
  const row = await tx.get<{ id_number: string }>(
    `SELECT s.id_number FROM json_each(?) j JOIN subject s ON s.id_number = j.value->>'idNumber' AND s.central_id <> j.value->>'centralId' LIMIT 1`,
    [json], { bulk: 'syncApplyStore.idNumberTakenElsewhere' },
  );
  return row?.id_number ?? null;
}

/** A providing unit's decision on one record of a forwarded objection. */
export async function applyOutcomeToRecord(tx: PlatformTx, recordId: number, e: OutcomeRecordEffect): Promise<void> {
  await tx.run(
    'UPDATE record SET status = ?, content = coalesce(?, content), publicity_end = coalesce(?, publicity_end), version = version + 1 WHERE id = ?',
    [e.status, e.content, e.publicityEnd, recordId],
  );
}

/** The objection an outcome answers, as far as the import needs it. */
export function objectionForOutcome(db: Queryable, caseNo: string): Promise<{ id: number; state: string; route: string | null; forwarded_on: string | null } | undefined> {
  return db.get('SELECT id, state, route, forwarded_on FROM objection WHERE case_no = ?', [caseNo]);
}

/** Central id → local id of the records an objection concerns (objection_record in the office file, record in the platform file). */
export async function objectionRecordIds(db: Queryable, objectionId: number): Promise<Map<string, number>> {
  const rows = await db.all<{ id: number; central_id: string }>(
    'SELECT r.id, r.central_id FROM objection_record o JOIN record r ON r.id = o.record_id WHERE o.objection_id = ?', [objectionId]);
  return new Map(rows.map((r) => [r.central_id, r.id]));
}

/** The providing unit decided: the case moves to "decided" with that outcome. */
export async function decideObjectionFromProvider(tx: Queryable, objectionId: number, o: { outcome: string; reason: string; decidedAt: string; decidedOn: string }): Promise<void> {
  await tx.run(
    `UPDATE objection SET state = 'decided', is_open = 0, due_on = NULL, outcome = ?, outcome_reason = ?, decided_at = ?,
       provider_replied_on = coalesce(provider_replied_on, ?) WHERE id = ?`,
    [o.outcome, o.reason, o.decidedAt, o.decidedOn, objectionId],
  );
}

/** The hash of export `sequence` as written, for checking an acknowledgement. */
export async function exportHash(db: Queryable, sequence: number): Promise<string | null> {
  return (await db.get<{ bundle_hash: string }>('SELECT bundle_hash FROM sync_bundle_out WHERE sequence = ?', [sequence]))?.bundle_hash ?? null;
}

// ---------------------------------------------------------------------------------------------
// The import's two halves (docs/architecture.md, "Two files"): the platform half commits the rows
// and a pending row in the platform file; the office half commits on the office file and the
// pending row goes. A pending row found at start-up is an office half still to do.

export interface PendingImportRow { bundle_hash: string; at: string; office_part: string }

export async function insertPendingImport(tx: Queryable, r: PendingImportRow): Promise<void> {
  await tx.run('INSERT INTO sync_import_pending (bundle_hash, at, office_part) VALUES (?, ?, ?)', [r.bundle_hash, r.at, r.office_part]);
}

export function pendingImports(db: Queryable): Promise<PendingImportRow[]> {
  return db.all<PendingImportRow>('SELECT bundle_hash, at, office_part FROM sync_import_pending ORDER BY at');
}

export async function deletePendingImport(tx: Queryable, bundleHash: string): Promise<void> {
  await tx.run('DELETE FROM sync_import_pending WHERE bundle_hash = ?', [bundleHash]);
}

/** Whether the office file already recorded this bundle as applied (the office half committed). */
export async function bundleApplied(db: Queryable, bundleHash: string): Promise<boolean> {
  return (await db.get<{ n: number }>("SELECT count(*) AS n FROM sync_bundle_in WHERE bundle_hash = ? AND result = 'applied'", [bundleHash]))!.n > 0;
}
