import type { Queryable } from '../db/database';
import type { WindowStatus } from '../../shared/domain/officeWindow';

export interface WindowRow {
  id: string;
  number: number;
  name: string;
  status: WindowStatus;
  cert_sha256: string;
  enrolled_at: string;
  changed_at: string;
  last_contact_at: string | null;
}

export interface EnrollmentCodeRow {
  id: number;
  window_number: number;
  window_name: string;
  expires_at: string;
  used_at: string | null;
}

export function listWindowRows(db: Queryable): Promise<WindowRow[]> {
  return db.all<WindowRow>('SELECT * FROM office_window ORDER BY status = \'revoked\', number, enrolled_at');
}

export function windowRow(db: Queryable, id: string): Promise<WindowRow | undefined> {
  return db.get<WindowRow>('SELECT * FROM office_window WHERE id = ?', [id]);
}

export function liveWindowByNumber(db: Queryable, number: number): Promise<WindowRow | undefined> {
  return db.get<WindowRow>("SELECT * FROM office_window WHERE number = ? AND status <> 'revoked'", [number]);
}

export async function insertWindow(db: Queryable, w: Omit<WindowRow, 'last_contact_at' | 'changed_at'>): Promise<void> {
  await db.run('INSERT INTO office_window (id, number, name, status, cert_sha256, enrolled_at, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    w.id, w.number, w.name, w.status, w.cert_sha256, w.enrolled_at, w.enrolled_at,
  ]);
}

export async function updateWindow(db: Queryable, id: string, change: { status?: WindowStatus; name?: string }, at: string): Promise<void> {
  await db.run('UPDATE office_window SET status = coalesce(?, status), name = coalesce(?, name), changed_at = ? WHERE id = ?', [change.status ?? null, change.name ?? null, at, id]);
}

export async function touchWindow(db: Queryable, id: string, at: string): Promise<void> {
  await db.run('UPDATE office_window SET last_contact_at = ? WHERE id = ?', [at, id]);
}

export async function insertEnrollmentCode(db: Queryable, c: { secretSha256: string; number: number; name: string; createdAt: string; expiresAt: string; createdBy: number | null }): Promise<number> {
  const r = await db.run('INSERT INTO window_enrollment_code (secret_sha256, window_number, window_name, created_at, expires_at, created_by) VALUES (?, ?, ?, ?, ?, ?)', [
    c.secretSha256, c.number, c.name, c.createdAt, c.expiresAt, c.createdBy,
  ]);
  return r.lastID;
}

export function enrollmentCodeBySecret(db: Queryable, secretSha256: string): Promise<EnrollmentCodeRow | undefined> {
  return db.get<EnrollmentCodeRow>('SELECT id, window_number, window_name, expires_at, used_at FROM window_enrollment_code WHERE secret_sha256 = ?', [secretSha256]);
}

/** Spends the code; false when another request spent it first (the UPDATE is the single use). */
export async function spendEnrollmentCode(db: Queryable, id: number, windowId: string, at: string): Promise<boolean> {
  const r = await db.run('UPDATE window_enrollment_code SET used_at = ?, window_id = ? WHERE id = ? AND used_at IS NULL', [at, windowId, id]);
  return r.changes === 1;
}
