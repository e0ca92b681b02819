import { createHash, randomBytes } from 'node:crypto';
import type { OfficeStatus, SessionInfo } from '../../shared/contract';
import { ROLE_PERMISSIONS } from '../../shared/contract/permissions';
import { AppError } from '../../shared/errors';
import * as accounts from '../store/accountStore';
import * as sessions from '../store/sessionStore';
import { getSetting } from '../store/settingsStore';
import { auditIn } from './auditService';
import type { Caller, CoreContext } from './context';
import { assertPasswordStrength, hashPassword, verifyPassword } from './passwords';
import { latestBackup } from './backupService';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
/** A counter shift: a session older than this must log in again even if it was never idle. */
const SESSION_MAX_HOURS = 12;
/** Touching the session row on every call would turn each lookup into a write. */
const TOUCH_EVERY_MS = 30_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

async function idleLockMinutes(ctx: CoreContext): Promise<number> {
  return Number((await getSetting(ctx.db, 'idle_lock_minutes')) ?? DEFAULT_IDLE_LOCK_MINUTES);
}

export async function officeStatus(ctx: CoreContext): Promise<OfficeStatus> {
  return {
    initialised: (await accounts.countAccounts(ctx.db)) > 0,
    officeCode: ctx.office.code,
    officeName: ctx.office.name,
    demo: ctx.demo,
    idleLockMinutes: await idleLockMinutes(ctx),
    integrity: ctx.integrity,
    latestBackup: await latestBackup(ctx).then((b) => (b ? { name: b.name, at: b.at, path: b.path } : null), () => null),
  };
}

async function sessionInfo(ctx: CoreContext, token: string, row: accounts.AccountRow): Promise<SessionInfo> {
  return {
    token,
    account: accounts.toAccountInfo(row, ctx.now()),
    permissions: [...ROLE_PERMISSIONS[row.role]],
    idleLockMinutes: await idleLockMinutes(ctx),
  };
}

async function startSession(ctx: CoreContext, row: accounts.AccountRow): Promise<SessionInfo> {
  const token = randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    await sessions.insertSession(tx, hashToken(token), row.id, ctx.now().toISOString());
    await auditIn(tx, ctx, { accountId: row.id, username: row.username }, { action: 'auth.login', target: row.username, detail: { role: row.role } });
  });
  return sessionInfo(ctx, token, row);
}

/** First run only: creates the first administrator; refused once any account exists. */
export async function setupAdmin(ctx: CoreContext, input: { username: string; displayName: string; password: string }): Promise<SessionInfo> {
  assertPasswordStrength(input.password);
  const hash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    if ((await accounts.countAccounts(tx)) > 0) throw new AppError('ALREADY_INITIALISED', 'This office already has an administrator.');
    const newId = await accounts.insertAccount(tx, { username: input.username, displayName: input.displayName, role: 'admin', passwordHash: hash, createdAt: ctx.now().toISOString() });
    await auditIn(tx, ctx, { accountId: newId, username: input.username }, { action: 'account.create', target: input.username, detail: { role: 'admin', firstRun: true } });
    return newId;
  });
  return startSession(ctx, (await accounts.findAccountById(ctx.db, id))!);
}

export async function login(ctx: CoreContext, input: { username: string; password: string }): Promise<SessionInfo> {
  const row = await accounts.findAccountByUsername(ctx.db, input.username);
  const now = ctx.now();
  if (!row) {
    await auditFailure(ctx, input.username, 'unknown user');
    throw new AppError('BAD_CREDENTIALS', 'The user name or password is wrong.');
  }
  if (row.disabled) {
    await auditFailure(ctx, row.username, 'disabled');
    throw new AppError('ACCOUNT_DISABLED', 'This account is disabled. Ask the administrator.');
  }
  if (row.locked_until && row.locked_until > now.toISOString()) {
    await auditFailure(ctx, row.username, 'locked');
    throw new AppError('ACCOUNT_LOCKED', 'Too many wrong passwords: this account is locked for a while.', { until: row.locked_until });
  }
  if (!(await verifyPassword(input.password, row.password_hash))) {
    const locks = row.failed_logins + 1 >= MAX_FAILED_LOGINS;
    const until = locks ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null;
    await ctx.db.transaction(async (tx) => {
      await accounts.recordLoginFailure(tx, row.id, until);
      await auditIn(tx, ctx, null, { action: locks ? 'auth.lockout' : 'auth.login_failed', target: row.username, detail: { failures: row.failed_logins + 1 } });
    });
    if (locks) throw new AppError('ACCOUNT_LOCKED', 'Too many wrong passwords: this account is locked for a while.', { until });
    throw new AppError('BAD_CREDENTIALS', 'The user name or password is wrong.', { remaining: MAX_FAILED_LOGINS - row.failed_logins - 1 });
  }
  await accounts.recordLoginSuccess(ctx.db, row.id);
  return startSession(ctx, row);
}

function auditFailure(ctx: CoreContext, username: string, reason: string): Promise<number> {
  return ctx.db.transaction((tx) => auditIn(tx, ctx, null, { action: 'auth.login_failed', target: username, detail: { reason } }));
}

/**
 * Resolves a token to its caller. Locked (idle) sessions are reported as such so the UI can show
 * the unlock screen without losing the clerk's place; ended or expired ones must log in again.
 */
export async function resolveSession(ctx: CoreContext, token: string | undefined, opts: { allowLocked?: boolean } = {}): Promise<Caller> {
  if (!token) throw new AppError('UNAUTHENTICATED', 'Please log in.');
  const tokenHash = hashToken(token);
  const s = await sessions.findSession(ctx.db, tokenHash);
  if (!s || s.ended_at) throw new AppError('UNAUTHENTICATED', 'Please log in.');
  const now = ctx.now();
  if (now.getTime() - Date.parse(s.created_at) > SESSION_MAX_HOURS * 3_600_000) {
    await sessions.endSession(ctx.db, tokenHash, now.toISOString());
    throw new AppError('SESSION_EXPIRED', 'The session has expired. Please log in again.');
  }
  const account = await accounts.findAccountById(ctx.db, s.account_id);
  if (!account || account.disabled) throw new AppError('UNAUTHENTICATED', 'Please log in.');
  const idleMs = now.getTime() - Date.parse(s.last_seen_at);
  const idle = idleMs > (await idleLockMinutes(ctx)) * 60_000;
  if ((s.locked || idle) && !opts.allowLocked) {
    if (!s.locked) await sessions.setSessionLocked(ctx.db, tokenHash, true, s.last_seen_at);
    throw new AppError('SESSION_LOCKED', 'The console locked itself after a period without use. Enter your password to continue.');
  }
  if (!s.locked && idleMs > TOUCH_EVERY_MS) await sessions.touchSession(ctx.db, tokenHash, now.toISOString());
  return { accountId: account.id, username: account.username, role: account.role, tokenHash };
}

export async function unlock(ctx: CoreContext, token: string | undefined, password: string): Promise<SessionInfo> {
  const caller = await resolveSession(ctx, token, { allowLocked: true });
  const row = (await accounts.findAccountById(ctx.db, caller.accountId))!;
  if (!(await verifyPassword(password, row.password_hash))) {
    await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'auth.unlock_failed', target: row.username, detail: {} }));
    throw new AppError('BAD_CREDENTIALS', 'The password is wrong.');
  }
  await ctx.db.transaction(async (tx) => {
    await sessions.setSessionLocked(tx, caller.tokenHash, false, ctx.now().toISOString());
    await auditIn(tx, ctx, caller, { action: 'auth.unlock', target: row.username, detail: {} });
  });
  return sessionInfo(ctx, token!, row);
}

export async function lock(ctx: CoreContext, caller: Caller): Promise<{ locked: true }> {
  await sessions.setSessionLocked(ctx.db, caller.tokenHash, true, ctx.now().toISOString());
  return { locked: true };
}

export async function logout(ctx: CoreContext, caller: Caller): Promise<{ loggedOut: true }> {
  await ctx.db.transaction(async (tx) => {
    await sessions.endSession(tx, caller.tokenHash, ctx.now().toISOString());
    await auditIn(tx, ctx, caller, { action: 'auth.logout', target: caller.username, detail: {} });
  });
  return { loggedOut: true };
}

export async function whoami(ctx: CoreContext, caller: Caller, token: string): Promise<SessionInfo> {
  return sessionInfo(ctx, token, (await accounts.findAccountById(ctx.db, caller.accountId))!);
}
