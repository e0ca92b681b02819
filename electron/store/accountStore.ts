import type { AccountInfo, Role } from '../../shared/domain/account';
import type { Queryable } from '../db/database';

export interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
}

const COLUMNS = 'id, username, display_name, role, password_hash, failed_logins, locked_until, disabled';

export function toAccountInfo(row: AccountRow, now: Date): AccountInfo {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    locked: row.locked_until !== null && row.locked_until > now.toISOString(),
    disabled: row.disabled === 1,
  };
}

export function findAccountByUsername(db: Queryable, username: string): Promise<AccountRow | undefined> {
  return db.get<AccountRow>(`SELECT ${COLUMNS} FROM account WHERE username = ?`, [username]);
}

export function findAccountById(db: Queryable, id: number): Promise<AccountRow | undefined> {
  return db.get<AccountRow>(`SELECT ${COLUMNS} FROM account WHERE id = ?`, [id]);
}

export function listAccounts(db: Queryable): Promise<AccountRow[]> {
  return db.all<AccountRow>(`SELECT ${COLUMNS} FROM account ORDER BY username`);
}

export async function countAccounts(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>('SELECT count(*) AS n FROM account'))?.n ?? 0;
}

export async function insertAccount(
  db: Queryable,
  a: { username: string; displayName: string; role: Role; passwordHash: string; createdAt: string },
): Promise<number> {
  const r = await db.run(
    'INSERT INTO account (username, display_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    [a.username, a.displayName, a.role, a.passwordHash, a.createdAt],
  );
  return r.lastID;
}

export async function recordLoginFailure(db: Queryable, id: number, lockUntil: string | null): Promise<void> {
  await db.run(
    'UPDATE account SET failed_logins = CASE WHEN ? IS NULL THEN failed_logins + 1 ELSE 0 END, locked_until = coalesce(?, locked_until) WHERE id = ?',
    [lockUntil, lockUntil, id],
  );
}

export async function recordLoginSuccess(db: Queryable, id: number): Promise<void> {
  await db.run('UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = ?', [id]);
}

export async function setAccountDisabled(db: Queryable, id: number, disabled: boolean): Promise<void> {
  await db.run('UPDATE account SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, id]);
}

export async function setPasswordHash(db: Queryable, id: number, hash: string): Promise<void> {
  await db.run('UPDATE account SET password_hash = ?, failed_logins = 0, locked_until = NULL WHERE id = ?', [hash, id]);
}
