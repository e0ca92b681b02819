import { createHmac } from 'node:crypto';
import type { Queryable } from '../db/database';

export interface AuditEventInput {
  at: string;
  actorId: number | null;
  actor: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface AuditEventRow {
  seq: number;
  at: string;
  actor_id: number | null;
  actor: string | null;
  action: string;
  target: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * HMAC-SHA-256 under the office's audit key over the previous link and every column but itself:
 * changing, removing or reordering any row breaks the chain, and only the key holder can compute
 * a new one (a plain hash chain can be recomputed by anyone who edits the file).
 */
export function auditHash(key: Buffer, prevHash: string, e: Omit<AuditEventRow, 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([e.seq, e.at, e.actor_id, e.actor, e.action, e.target, e.detail]);
  return createHmac('sha256', key).update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Must run inside a write transaction so that two appends cannot read the same predecessor. */
export async function appendAudit(tx: Queryable, key: Buffer, e: AuditEventInput): Promise<number> {
  const last = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = { seq, at: e.at, actor_id: e.actorId, actor: e.actor, action: e.action, target: e.target, detail: JSON.stringify(e.detail) };
  const hash = auditHash(key, prevHash, row);
  await tx.run(
    'INSERT INTO audit_event (seq, at, actor_id, actor, action, target, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    [seq, row.at, row.actor_id, row.actor, row.action, row.target, row.detail, prevHash, hash],
  );
  return seq;
}

export function listAudit(db: Queryable, opts: { action?: string | undefined; beforeSeq: number | null; limit: number }): Promise<AuditEventRow[]> {
  return db.all<AuditEventRow>(
    `SELECT * FROM audit_event WHERE (?1 IS NULL OR action = ?1) AND (?2 IS NULL OR seq < ?2) ORDER BY seq DESC LIMIT ?3`,
    [opts.action ?? null, opts.beforeSeq, opts.limit],
  );
}

/** The newest events of any of `actions` (the (action, seq) index finds each kind's own). */
export function latestAuditOf(db: Queryable, actions: readonly string[], limit: number): Promise<AuditEventRow[]> {
  return db.all<AuditEventRow>('SELECT * FROM audit_event WHERE action IN (SELECT value FROM json_each(?)) ORDER BY seq DESC LIMIT ?', [JSON.stringify(actions), limit]);
}

/** Walks the chain in pages so a ten-year log never sits in memory at once. */
export async function* iterateAudit(db: Queryable, pageSize = 5000): AsyncGenerator<AuditEventRow> {
  let after = 0;
  for (;;) {
    const rows = await db.all<AuditEventRow>('SELECT * FROM audit_event WHERE seq > ? ORDER BY seq LIMIT ?', [after, pageSize]);
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.seq;
  }
}

export function auditHead(db: Queryable): Promise<{ seq: number; hash: string } | undefined> {
  return db.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
}

export function auditEventAt(db: Queryable, seq: number): Promise<AuditEventRow | undefined> {
  return db.get<AuditEventRow>('SELECT * FROM audit_event WHERE seq = ?', [seq]);
}

/** Events of one action in chain order, paged (the row events of visit and query_log). */
export async function* iterateAuditAction(db: Queryable, action: string, pageSize = 5000): AsyncGenerator<AuditEventRow> {
  let after = 0;
  for (;;) {
    const rows = await db.all<AuditEventRow>('SELECT * FROM audit_event WHERE action = ? AND seq > ? ORDER BY seq LIMIT ?', [action, after, pageSize]);
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.seq;
  }
}

// The append-only rows the chain vouches for, hashed over a fixed column list so that a later
// migration adding a column does not change the hash of rows written before it.
export const CHAINED_ROWS = {
  visit: ['id', 'started_at', 'clerk_id', 'id_number', 'name', 'subject_id', 'applicant_kind', 'purpose_code', 'purpose_text'],
  query_log: ['id', 'at', 'visit_id', 'clerk_id', 'subject_id', 'id_number', 'office_code', 'purpose_code', 'outcome'],
} as const;
export type ChainedTable = keyof typeof CHAINED_ROWS;

export function chainedRow(db: Queryable, table: ChainedTable, id: number): Promise<Record<string, unknown> | undefined> {
  return db.get<Record<string, unknown>>(`SELECT ${CHAINED_ROWS[table].join(', ')} FROM ${table} WHERE id = ?`, [id]);
}

export async function* iterateChainedRows(db: Queryable, table: ChainedTable, pageSize = 5000): AsyncGenerator<Record<string, unknown> & { id: number }> {
  let after = 0;
  for (;;) {
    const rows = await db.all<Record<string, unknown> & { id: number }>(`SELECT ${CHAINED_ROWS[table].join(', ')} FROM ${table} WHERE id > ? ORDER BY id LIMIT ?`, [after, pageSize]);
    if (rows.length === 0) return;
    yield* rows;
    after = rows[rows.length - 1]!.id;
  }
}

export async function maxChainedId(db: Queryable, table: ChainedTable): Promise<number> {
  return (await db.get<{ m: number | null }>(`SELECT max(id) AS m FROM ${table}`))?.m ?? 0;
}

export interface AuditCheckpointRow {
  id: number;
  at: string;
  office_code: string;
  head_seq: number;
  head_hash: string;
  visit_max: number;
  query_log_max: number;
  key_id: string;
  signature: string;
}

export async function insertCheckpoint(tx: Queryable, c: Omit<AuditCheckpointRow, 'id'>): Promise<number> {
  const r = await tx.run(
    `INSERT INTO audit_checkpoint (at, office_code, head_seq, head_hash, visit_max, query_log_max, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [c.at, c.office_code, c.head_seq, c.head_hash, c.visit_max, c.query_log_max, c.key_id, c.signature],
  );
  return r.lastID;
}

export function listCheckpoints(db: Queryable, afterId = 0): Promise<AuditCheckpointRow[]> {
  return db.all<AuditCheckpointRow>('SELECT * FROM audit_checkpoint WHERE id > ? ORDER BY id', [afterId]);
}

export function checkpointById(db: Queryable, id: number): Promise<AuditCheckpointRow | undefined> {
  return db.get<AuditCheckpointRow>('SELECT * FROM audit_checkpoint WHERE id = ?', [id]);
}

export function lastCheckpoint(db: Queryable): Promise<AuditCheckpointRow | undefined> {
  return db.get<AuditCheckpointRow>('SELECT * FROM audit_checkpoint ORDER BY id DESC LIMIT 1');
}

/** Every trigger in the schema, for the check that the append-only guards are still in place. */
export function schemaTriggers(db: Queryable): Promise<{ name: string; sql: string }[]> {
  return db.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'");
}
