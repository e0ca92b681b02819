import type { Queryable } from '../db/database';

/** The answer kept for a window's keyed call, if any. */
export async function keptAnswer(db: Queryable, windowId: string, key: string): Promise<{ method: string; result: string } | undefined> {
  return db.get<{ method: string; result: string }>('SELECT method, result FROM window_call WHERE window_id = ? AND call_key = ?', [windowId, key]);
}

/** Keeps an answer, and lets those older than `forgetBefore` go (index window_call_at). */
export async function keepAnswer(db: Queryable, row: { windowId: string; key: string; method: string; at: string; result: string }, forgetBefore: string): Promise<void> {
  await db.run('DELETE FROM window_call WHERE at < ?', [forgetBefore]);
  await db.run('INSERT OR IGNORE INTO window_call (window_id, call_key, method, at, result) VALUES (?, ?, ?, ?, ?)', [row.windowId, row.key, row.method, row.at, row.result]);
}
