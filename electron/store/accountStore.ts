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
  must_change_password: number;
}

const COLUMNS = 'id, username, display_name, role, password_hash, failed_logins, locked_until, disabled, must_change_password';

export function toAccountInfo(row: AccountRow, now: Date): AccountInfo {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    locked: row.locked_until !== null && row.locked_until > now.toISOString(),
    disabled: row.disabled === 1,
    mustChangePassword: row.must_change_password === 1,
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
  a: { username: string; displayName: string; role: Role; passwordHash: string; createdAt: string; mustChangePassword?: boolean },
): Promise<number> {
  const r = await db.run(
    'INSERT INTO account (username, display_name, role, password_hash, created_at, must_change_password) VALUES (?, ?, ?, ?, ?, ?)',
    [a.username, a.displayName, a.role, a.passwordHash, a.createdAt, a.mustChangePassword ? 1 : 0],
  );
  return r.lastID;
}

/**
 * Takes one password attempt before the password is checked: the attempt is counted first, and
 * the attempt that reaches `max` engages the lock at once, so attempts sent in parallel can never
 * all be checked against a stale count. Returns nothing when the account is unknown, disabled or
 * locked (the caller tells which with a plain read). An expired lock starts a fresh count.
 */
export function reserveAttempt(
  db: Queryable,
  key: { username: string } | { id: number },
  opts: { now: string; lockUntil: string; max: number },
): Promise<AccountRow | undefined> {
  const where = 'username' in key ? 'username = :key' : 'id = :key';
  const next = 'CASE WHEN locked_until IS NULL THEN failed_logins + 1 ELSE 1 END';
  return db.get<AccountRow>(
    `UPDATE account SET failed_logins = ${next},
            locked_until = CASE WHEN ${next} >= :max THEN :lockUntil ELSE NULL END
      WHERE ${where} AND disabled = 0 AND (locked_until IS NULL OR locked_until <= :now)
      RETURNING ${COLUMNS}`,
    { ':key': 'username' in key ? key.username : key.id, ':max': opts.max, ':lockUntil': opts.lockUntil, ':now': opts.now },
  );
}

/**
 * A checked-correct attempt clears the count, unless a lock was engaged by attempts that came in
 * after it (a correct password inside a burst of wrong ones does not lift the burst's lock).
 * `attempt` is the count this attempt reserved. False means the account is locked.
 */
export async function settleCorrectAttempt(db: Queryable, id: number, attempt: number, now: string): Promise<boolean> {
  const row = await db.get<{ id: number }>(
    `UPDATE account SET failed_logins = 0, locked_until = NULL
      WHERE id = ? AND (locked_until IS NULL OR locked_until <= ? OR failed_logins = ?) RETURNING id`,
    [id, now, attempt],
  );
  return row !== undefined;
}

/** An administrator (or the staff command line) lifts a lockout. */
export async function clearLockout(db: Queryable, id: number): Promise<void> {
  await db.run('UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = ?', [id]);
}

export async function setAccountDisabled(db: Queryable, id: number, disabled: boolean): Promise<void> {
  await db.run('UPDATE account SET disabled = ? WHERE id = ?', [disabled ? 1 : 0, id]);
}

/** `mustChange`: set by an administrator's reset (and at creation), cleared when the owner picks their own. */
export async function setPasswordHash(db: Queryable, id: number, hash: string, opts: { mustChange: boolean; at: string }): Promise<void> {
  await db.run('UPDATE account SET password_hash = ?, must_change_password = ?, password_changed_at = ?, failed_logins = 0, locked_until = NULL WHERE id = ?', [
    hash,
    opts.mustChange ? 1 : 0,
    opts.at,
    id,
  ]);
}

export async function setAccountRole(db: Queryable, id: number, role: Role): Promise<void> {
  await db.run('UPDATE account SET role = ? WHERE id = ?', [role, id]);
}

export async function countActiveAdmins(db: Queryable): Promise<number> {
  return (await db.get<{ n: number }>("SELECT count(*) AS n FROM account WHERE role = 'admin' AND disabled = 0"))?.n ?? 0;
}

/** The name staff are known by to citizens (receipts, case pages); never the login name. */
export async function accountName(db: Queryable, id: number | null): Promise<string | null> {
  if (id === null) return null;
  return (await db.get<{ display_name: string }>('SELECT display_name FROM account WHERE id = ?', [id]))?.display_name ?? null;
}
