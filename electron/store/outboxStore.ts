import type { Queryable } from '../db/database';

/** Office events the next export bundle carries to the platform (read by the sync module). */
export interface OutboxEntry {
  kind: string;
  ref: string;
  payload: Record<string, unknown>;
}

export async function enqueueOutbox(tx: Queryable, at: string, e: OutboxEntry): Promise<number> {
  const r = await tx.run('INSERT INTO outbox (kind, ref, payload, created_at) VALUES (?, ?, ?, ?)', [e.kind, e.ref, JSON.stringify(e.payload), at]);
  return r.lastID;
}

export interface OutboxRow {
  id: number;
  kind: string;
  ref: string;
  payload: string;
  created_at: string;
  exported_bundle: string | null;
}

export function pendingOutbox(db: Queryable, limit = 1000): Promise<OutboxRow[]> {
  return db.all<OutboxRow>('SELECT * FROM outbox WHERE exported_bundle IS NULL ORDER BY id LIMIT ?', [limit]);
}
