import type { Queryable } from '../db/database';

export interface SessionRow {
  token_hash: string;
  account_id: number;
  created_at: string;
  last_seen_at: string;
  locked: number;
  ended_at: string | null;
  /** The enrolled window the session was opened at (migration 29); null: the office's own console. */
  window_id: string | null;
}

/** The open sessions opened at windows since `sinceIso`, with the account's name. */
export function openWindowSessions(db: Queryable, sinceIso: string): Promise<{ window_id: string; display_name: string }[]> {
  return db.all(
    `SELECT s.window_id, a.display_name FROM session s JOIN account a ON a.id = s.account_id
      WHERE s.window_id IS NOT NULL AND s.ended_at IS NULL AND s.created_at >= ? ORDER BY a.display_name`,
    [sinceIso],
  );
}

export function findSession(db: Queryable, tokenHash: string): Promise<SessionRow | undefined> {
  return db.get<SessionRow>('SELECT * FROM session WHERE token_hash = ?', [tokenHash]);
}

export async function insertSession(db: Queryable, tokenHash: string, accountId: number, now: string, windowId: string | null): Promise<void> {
  await db.run('INSERT INTO session (token_hash, account_id, created_at, last_seen_at, window_id) VALUES (?, ?, ?, ?, ?)', [tokenHash, accountId, now, now, windowId]);
}

export async function touchSession(db: Queryable, tokenHash: string, now: string): Promise<void> {
  await db.run('UPDATE session SET last_seen_at = ? WHERE token_hash = ?', [now, tokenHash]);
}

export async function setSessionLocked(db: Queryable, tokenHash: string, locked: boolean, now: string): Promise<void> {
  await db.run('UPDATE session SET locked = ?, last_seen_at = ? WHERE token_hash = ?', [locked ? 1 : 0, now, tokenHash]);
}

export async function endSession(db: Queryable, tokenHash: string, now: string): Promise<void> {
  await db.run('UPDATE session SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL', [now, tokenHash]);
}

export async function endSessionsOf(db: Queryable, accountId: number, now: string): Promise<void> {
  await db.run('UPDATE session SET ended_at = ? WHERE account_id = ? AND ended_at IS NULL', [now, accountId]);
}

export async function endOtherSessionsOf(db: Queryable, accountId: number, keepTokenHash: string, now: string): Promise<void> {
  await db.run('UPDATE session SET ended_at = ? WHERE account_id = ? AND token_hash <> ? AND ended_at IS NULL', [now, accountId, keepTokenHash]);
}
