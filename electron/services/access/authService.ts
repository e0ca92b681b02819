import { createHash, randomBytes } from 'node:crypto';
import type { OfficeStatus, SessionInfo } from '../../../shared/contract/index';
import { ROLE_PERMISSIONS } from '../../../shared/contract/permissions';
import { AppError } from '../../../shared/errors';
import * as accounts from '../../store/accountStore';
import * as sessions from '../../store/sessionStore';
import { getSetting } from '../../store/settingsStore';
import { windowRow } from '../../store/windowStore';
import type { AtWindow } from '../../../shared/domain/officeWindow';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { assertPasswordStrength, hashPassword, verifyPassword } from './passwords';
import type { AuditAction } from '../../../shared/i18n/auditLabels';
import { latestBackup } from '../office/backupService';
import {
  deviceLockedUntil, issueDeviceToken, readDeviceToken, rememberSessionDevice, reserveDeviceAttempt, sessionDevice, settleDeviceAttempt, type LoginDevice,
} from './loginDevices';

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

export async function officeStatus(ctx: CoreContext, window: AtWindow | null = null): Promise<OfficeStatus> {
  const at = window ? await windowRow(ctx.db, window.id) : undefined;
  return {
    ...(at ? { window: { number: at.number, name: at.name } } : {}),
    initialised: (await accounts.countAccounts(ctx.db)) > 0,
    officeCode: ctx.office.code,
    officeName: ctx.office.name,
    demo: ctx.demo,
    idleLockMinutes: await idleLockMinutes(ctx),
    integrity: ctx.integrity,
    latestBackup: await latestBackup(ctx).then((b) => (b ? { name: b.name, at: b.at, path: b.path } : null), () => null),
    officeTime: ctx.now().toISOString(),
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

/** `device`: the known source the login came from; a login from anywhere else makes this browser one. */
async function startSession(ctx: CoreContext, row: accounts.AccountRow, device: LoginDevice | null = null, window: AtWindow | null = null): Promise<SessionInfo> {
  const token = randomBytes(32).toString('base64url');
  await ctx.db.transaction(async (tx) => {
    // Bound to the window it is opened at (issue 23): the token is good only through that window's certificate.
    await sessions.insertSession(tx, hashToken(token), row.id, ctx.now().toISOString(), window?.id ?? null);
    await auditIn(tx, ctx, { accountId: row.id, username: row.username, window }, { action: 'auth.login', target: row.username, detail: { role: row.role, ...(device ? { knownDevice: true } : {}) } });
  });
  const known = device ?? issueDeviceToken(ctx, row.id);
  rememberSessionDevice(ctx, hashToken(token), known);
  return { ...(await sessionInfo(ctx, token, row)), device: known.token };
}

/** First run only: creates the first administrator; refused once any account exists. */
export async function setupAdmin(ctx: CoreContext, input: { username: string; displayName: string; password: string }): Promise<SessionInfo> {
  assertPasswordStrength(input.password, input.username);
  const hash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    if ((await accounts.countAccounts(tx)) > 0) throw new AppError('ALREADY_INITIALISED', 'This office already has an administrator.');
    const newId = await accounts.insertAccount(tx, { username: input.username, displayName: input.displayName, role: 'admin', passwordHash: hash, createdAt: ctx.now().toISOString() });
    await auditIn(tx, ctx, { accountId: newId, username: input.username }, { action: 'account.create', target: input.username, detail: { role: 'admin', firstRun: true } });
    return newId;
  });
  return startSession(ctx, (await accounts.findAccountById(ctx.db, id))!);
}

function lockedError(until: string | null): AppError {
  return new AppError('ACCOUNT_LOCKED', 'Too many wrong passwords: this account is locked for a while.', until ? { until } : {});
}

function badCredentials(remaining: number): AppError {
  return new AppError('BAD_CREDENTIALS', 'The user name or password is wrong.', { remaining: Math.max(0, remaining) });
}

// A name that is not an account (or a disabled one) must answer exactly like a real one: the same
// codes, the same count of remaining tries, the same lockout, and a real scrypt run. The counts
// live in memory only; a restart forgets them, which an attacker cannot tell from a lock expiring.
const GHOSTS_MAX = 10_000;
const ghostCounts = new WeakMap<CoreContext, Map<string, { failures: number; lockedUntil: string | null }>>();

/** The ghost's answer to one attempt: refused (already locked, no check) or the count it reached. */
function ghostAttempt(ctx: CoreContext, username: string, now: Date): { refused: boolean; failures: number; lockedUntil: string | null } {
  let map = ghostCounts.get(ctx);
  if (!map) ghostCounts.set(ctx, (map = new Map()));
  const key = username.toLowerCase();
  const nowIso = now.toISOString();
  const prev = map.get(key);
  if (prev?.lockedUntil && prev.lockedUntil > nowIso) return { refused: true, ...prev };
  const failures = prev && !prev.lockedUntil ? prev.failures + 1 : 1;
  const next = { failures, lockedUntil: failures >= MAX_FAILED_LOGINS ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString() : null };
  map.delete(key);
  map.set(key, next);
  if (map.size > GHOSTS_MAX) map.delete(map.keys().next().value!);
  return { refused: false, ...next };
}

export type AttemptOutcome = { ok: true; row: accounts.AccountRow } | { ok: false; error: AppError };

/**
 * One password attempt against an account, counted before scrypt runs (see reserveAttempt).
 * Used by login, screen unlock and the self-service password change, so every path that checks a
 * password counts its failures and honours the lock.
 */
export async function attemptPassword(
  ctx: CoreContext,
  key: { username: string } | { id: number },
  password: string,
  audit: { failed: AuditAction; actor: Caller | null },
  device: LoginDevice | null = null,
): Promise<AttemptOutcome> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const lockUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
  const target = 'username' in key ? key.username : String(key.id);
  const fail = async (action: AuditAction, detail: Record<string, unknown>, error: AppError): Promise<AttemptOutcome> => {
    await ctx.db.transaction((tx) => auditIn(tx, ctx, audit.actor, { action, target, detail }));
    return { ok: false, error };
  };
  // A known source of this very account counts against itself only (loginDevices.ts).
  if (device) {
    const row = 'username' in key ? await accounts.findAccountByUsername(ctx.db, key.username) : await accounts.findAccountById(ctx.db, key.id);
    if (row && row.id === device.accountId && !row.disabled) {
      const d = reserveDeviceAttempt(ctx, device, { now: nowIso, lockUntil, max: MAX_FAILED_LOGINS });
      if (d.refused) return fail(audit.failed, { reason: 'locked', knownDevice: true }, lockedError(d.lockedUntil));
      if (await verifyPassword(password, row.password_hash)) {
        if (settleDeviceAttempt(ctx, device, d.failures, ctx.now().toISOString())) return { ok: true, row };
        return fail(audit.failed, { reason: 'locked', correctPassword: true, knownDevice: true }, lockedError(deviceLockedUntil(ctx, device)));
      }
      if (d.lockedUntil) return fail('auth.lockout', { failures: d.failures, via: audit.failed, knownDevice: true }, lockedError(d.lockedUntil));
      return fail(audit.failed, { failures: d.failures, knownDevice: true }, badCredentials(MAX_FAILED_LOGINS - d.failures));
    }
  }
  const reserved = await ctx.db.transaction((tx) => accounts.reserveAttempt(tx, key, { now: nowIso, lockUntil, max: MAX_FAILED_LOGINS }));
  if (!reserved) {
    const row = 'username' in key ? await accounts.findAccountByUsername(ctx.db, key.username) : await accounts.findAccountById(ctx.db, key.id);
    if (row && !row.disabled) return fail(audit.failed, { reason: 'locked' }, lockedError(row.locked_until));
    // Unknown or disabled: counted like a real account and checked with a real scrypt run.
    const reason = row ? 'disabled' : 'unknown user';
    const ghost = ghostAttempt(ctx, target, now);
    if (ghost.refused) return fail(audit.failed, { reason }, lockedError(ghost.lockedUntil));
    const correct = await verifyPassword(password, row?.password_hash ?? (await dummyHash()));
    if (row && correct) return fail(audit.failed, { reason }, new AppError('ACCOUNT_DISABLED', 'This account is disabled. Ask the administrator.'));
    if (ghost.lockedUntil) return fail(audit.failed, { reason }, lockedError(ghost.lockedUntil));
    return fail(audit.failed, { reason }, badCredentials(MAX_FAILED_LOGINS - ghost.failures));
  }
  if (await verifyPassword(password, reserved.password_hash)) {
    if (await ctx.db.transaction((tx) => accounts.settleCorrectAttempt(tx, reserved.id, reserved.failed_logins, ctx.now().toISOString()))) {
      return { ok: true, row: { ...reserved, failed_logins: 0, locked_until: null } };
    }
    const now2 = await accounts.findAccountById(ctx.db, reserved.id);
    return fail(audit.failed, { reason: 'locked', correctPassword: true }, lockedError(now2?.locked_until ?? null));
  }
  const locks = reserved.failed_logins >= MAX_FAILED_LOGINS;
  if (locks) return fail('auth.lockout', { failures: reserved.failed_logins, via: audit.failed }, lockedError(reserved.locked_until));
  return fail(audit.failed, { failures: reserved.failed_logins }, badCredentials(MAX_FAILED_LOGINS - reserved.failed_logins));
}

let dummy: Promise<string> | null = null;
/** A real hash of nothing anyone knows, so an unknown name costs the same scrypt run as a real one. */
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(18).toString('base64'));
  return dummy;
}

export async function login(ctx: CoreContext, input: { username: string; password: string; device?: string | undefined }, window: AtWindow | null = null): Promise<SessionInfo> {
  const device = readDeviceToken(ctx, input.device);
  const outcome = await attemptPassword(ctx, { username: input.username }, input.password, { failed: 'auth.login_failed', actor: null }, device);
  if (!outcome.ok) throw outcome.error;
  return startSession(ctx, outcome.row, device?.accountId === outcome.row.id ? device : null, window);
}

/**
 * Resolves a token to its caller. Locked (idle) sessions are reported as such so the UI can show
 * the unlock screen without losing the clerk's place; ended or expired ones must log in again.
 */
export async function resolveSession(
  ctx: CoreContext,
  token: string | undefined,
  opts: { allowLocked?: boolean; allowPasswordChange?: boolean } = {},
  window: AtWindow | null = null,
): Promise<Caller> {
  if (!token) throw new AppError('UNAUTHENTICATED', 'Please log in.');
  const tokenHash = hashToken(token);
  const s = await sessions.findSession(ctx.db, tokenHash);
  if (!s || s.ended_at) throw new AppError('UNAUTHENTICATED', 'Please log in.');
  // A session is good only at the window it was opened at (issue 23): a token copied to another
  // window, or replayed without that window's certificate (or on the host's own console), is refused.
  if ((s.window_id ?? null) !== (window?.id ?? null)) await refuseOtherWindow(ctx, s, window);
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
  // After an administrator set (created the account) or reset the password, the owner picks a
  // new one before anything else.
  if (account.must_change_password === 1 && !opts.allowPasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'An administrator set or reset your password: choose your own new password to continue.');
  }
  // On a damaged file nothing is written, but whoever is signed in may still read what can be read.
  if (!s.locked && idleMs > TOUCH_EVERY_MS && !ctx.db.corrupted) await sessions.touchSession(ctx.db, tokenHash, now.toISOString());
  return { accountId: account.id, username: account.username, role: account.role, tokenHash, window };
}

/** Who is signed in at each window: its open sessions not yet past their twelve hours, by name. */
export async function signedInAtWindows(ctx: CoreContext): Promise<Map<string, string[]>> {
  const since = new Date(ctx.now().getTime() - SESSION_MAX_HOURS * 3_600_000).toISOString();
  const byWindow = new Map<string, string[]>();
  for (const s of await sessions.openWindowSessions(ctx.db, since)) {
    const names = byWindow.get(s.window_id) ?? [];
    if (!names.includes(s.display_name)) names.push(s.display_name);
    byWindow.set(s.window_id, names);
  }
  return byWindow;
}

async function refuseOtherWindow(ctx: CoreContext, s: sessions.SessionRow, window: AtWindow | null): Promise<never> {
  const account = await accounts.findAccountById(ctx.db, s.account_id);
  const openedAt = s.window_id ? ((await windowRow(ctx.db, s.window_id))?.number ?? null) : null;
  await ctx.db.transaction((tx) =>
    auditIn(tx, ctx, null, {
      action: 'auth.session_refused',
      target: account?.username ?? null,
      detail: { reason: 'other_window', openedAt, usedAt: window?.number ?? null },
    }),
  );
  throw new AppError('UNAUTHENTICATED', 'This session was opened at another window; it cannot be used here. Log in at this window.', { reason: 'other_window' });
}

export async function unlock(ctx: CoreContext, token: string | undefined, password: string, window: AtWindow | null = null): Promise<SessionInfo> {
  const caller = await resolveSession(ctx, token, { allowLocked: true, allowPasswordChange: true }, window);
  const outcome = await attemptPassword(ctx, { id: caller.accountId }, password, { failed: 'auth.unlock_failed', actor: caller }, sessionDevice(ctx, caller.tokenHash));
  if (!outcome.ok) {
    // The screen's own password is wrong too often: the session ends with the lock, so whoever
    // sits at the counter must log in again once the lock has passed.
    if (outcome.error.code === 'ACCOUNT_LOCKED') await sessions.endSession(ctx.db, caller.tokenHash, ctx.now().toISOString());
    throw outcome.error.code === 'BAD_CREDENTIALS' ? new AppError('BAD_CREDENTIALS', 'The password is wrong.', outcome.error.details) : outcome.error;
  }
  await ctx.db.transaction(async (tx) => {
    await sessions.setSessionLocked(tx, caller.tokenHash, false, ctx.now().toISOString());
    await auditIn(tx, ctx, caller, { action: 'auth.unlock', target: caller.username, detail: {} });
  });
  return sessionInfo(ctx, token!, outcome.row);
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

/**
 * The owner's own change: the current password is checked (and counted like a login attempt,
 * so a borrowed session cannot guess it), the new one must pass the rules and differ from it.
 * Other sessions of the account end; this one stays.
 */
export async function changePassword(ctx: CoreContext, caller: Caller, token: string, input: { currentPassword: string; newPassword: string }): Promise<SessionInfo> {
  const outcome = await attemptPassword(ctx, { id: caller.accountId }, input.currentPassword, { failed: 'auth.change_password_failed', actor: caller }, sessionDevice(ctx, caller.tokenHash));
  if (!outcome.ok) {
    if (outcome.error.code === 'ACCOUNT_LOCKED') await sessions.endSession(ctx.db, caller.tokenHash, ctx.now().toISOString());
    throw outcome.error.code === 'BAD_CREDENTIALS' ? new AppError('BAD_CREDENTIALS', 'The current password is wrong.', { ...outcome.error.details, field: 'currentPassword' }) : outcome.error;
  }
  assertPasswordStrength(input.newPassword, caller.username);
  if (await verifyPassword(input.newPassword, outcome.row.password_hash)) {
    throw new AppError('WEAK_PASSWORD', 'The new password must differ from the current one.', { reason: 'same_as_current' });
  }
  const hash = await hashPassword(input.newPassword);
  const at = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await accounts.setPasswordHash(tx, caller.accountId, hash, { mustChange: false, at });
    await sessions.endOtherSessionsOf(tx, caller.accountId, caller.tokenHash, at);
    await auditIn(tx, ctx, caller, { action: 'auth.change_password', target: caller.username, detail: { afterReset: outcome.row.must_change_password === 1 } });
  });
  return sessionInfo(ctx, token, (await accounts.findAccountById(ctx.db, caller.accountId))!);
}

export async function whoami(ctx: CoreContext, caller: Caller, token: string): Promise<SessionInfo> {
  return sessionInfo(ctx, token, (await accounts.findAccountById(ctx.db, caller.accountId))!);
}
