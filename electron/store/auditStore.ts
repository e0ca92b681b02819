import { createHash } from 'node:crypto';
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

/** The hash covers every column but itself, so changing any field of any row breaks the chain. */
export function auditHash(prevHash: string, e: Omit<AuditEventRow, 'hash' | 'prev_hash'>): string {
  const canonical = JSON.stringify([e.seq, e.at, e.actor_id, e.actor, e.action, e.target, e.detail]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

/** Must run inside a write transaction so that two appends cannot read the same predecessor. */
export async function appendAudit(tx: Queryable, e: AuditEventInput): Promise<number> {
  const last = await tx.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1');
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = { seq, at: e.at, actor_id: e.actorId, actor: e.actor, action: e.action, target: e.target, detail: JSON.stringify(e.detail) };
  const hash = auditHash(prevHash, row);
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
