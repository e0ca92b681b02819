import type { AdminRequest, ChangeOutcome } from '../../../shared/contract/index';
import { IDLE_LOCK_MINUTES } from '../../../shared/contract/accounts';
import type { AccountInfo, Role } from '../../../shared/domain/account';
import { AppError } from '../../../shared/errors';
import * as accounts from '../../store/accountStore';
import * as requests from '../../store/adminRequestStore';
import { endSessionsOf } from '../../store/sessionStore';
import { setSetting } from '../../store/settingsStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { clearDeviceLocks } from './loginDevices';
import { assertPasswordStrength, hashPassword } from './passwords';

// Administrators manage accounts, but no single administrator can take over another one: a reset
// of an admin's password, and making or unmaking an admin, wait for a second administrator.
// Every reset, and every account an administrator creates, forces the owner to choose a new
// password at first login (issue 29: the administrator knows the initial one) and is in the audit log.

/** A pending request older than this can no longer be approved (ask again). */
export const REQUEST_VALID_HOURS = 24;

export async function listAccounts(ctx: CoreContext): Promise<AccountInfo[]> {
  const now = ctx.now();
  return (await accounts.listAccounts(ctx.db)).map((r) => accounts.toAccountInfo(r, now));
}

export async function createAccount(
  ctx: CoreContext,
  caller: Caller | null,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<AccountInfo> {
  // A second administrator is what makes approvals mean something; minting one needs two.
  if (caller && input.role === 'admin') {
    throw new AppError('SECOND_ADMIN_REQUIRED', 'Create the account with another role, then ask a second administrator to approve making it an administrator.', {
      action: 'create_admin',
    });
  }
  assertPasswordStrength(input.password, input.username);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    if (await accounts.findAccountByUsername(tx, input.username)) {
      throw new AppError('USERNAME_TAKEN', `The user name "${input.username}" is already taken.`, { username: input.username });
    }
    // Made by an administrator (caller): the administrator knows the password, so it is only an
    // initial one. Without a caller (the demo office, the staff command line) nobody else chose it.
    const mustChangePassword = caller !== null;
    const newId = await accounts.insertAccount(tx, { ...input, passwordHash, createdAt: ctx.now().toISOString(), mustChangePassword });
    await auditIn(tx, ctx, caller, { action: 'account.create', target: input.username, detail: { role: input.role, ...(mustChangePassword ? { mustChange: true } : {}) } });
    return newId;
  });
  return accounts.toAccountInfo((await accounts.findAccountById(ctx.db, id))!, ctx.now());
}

async function existing(db: CoreContext['db'] | Parameters<typeof accounts.findAccountById>[0], id: number): Promise<accounts.AccountRow> {
  const row = await accounts.findAccountById(db, id);
  if (!row) throw new AppError('NOT_FOUND', `There is no account ${id}.`, { id });
  return row;
}

async function infoOf(ctx: CoreContext, id: number): Promise<AccountInfo> {
  return accounts.toAccountInfo((await accounts.findAccountById(ctx.db, id))!, ctx.now());
}

export async function setDisabled(ctx: CoreContext, caller: Caller, input: { id: number; disabled: boolean }): Promise<AccountInfo> {
  const row = await existing(ctx.db, input.id);
  if (row.id === caller.accountId && input.disabled) {
    throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT', 'You cannot disable your own account; another administrator can.', { action: 'disable' });
  }
  await ctx.db.transaction(async (tx) => {
    // Counted inside the transaction, so two administrators disabling each other at once cannot
    // both succeed; one already disabled is not counted, so disabling it again takes nobody away.
    const fresh = await existing(tx, row.id);
    if (input.disabled && fresh.role === 'admin' && !fresh.disabled && (await accounts.countActiveAdmins(tx)) <= 1) {
      throw new AppError('LAST_ADMIN', 'This is the last active administrator; the office would have nobody to manage accounts.');
    }
    await accounts.setAccountDisabled(tx, row.id, input.disabled);
    if (input.disabled) await endSessionsOf(tx, row.id, ctx.now().toISOString());
    await auditIn(tx, ctx, caller, { action: input.disabled ? 'account.disable' : 'account.enable', target: row.username, detail: {} });
  });
  return infoOf(ctx, row.id);
}

export async function unlockAccount(ctx: CoreContext, caller: Caller | null, input: { id: number }): Promise<AccountInfo> {
  const row = await existing(ctx.db, input.id);
  await ctx.db.transaction(async (tx) => {
    await accounts.clearLockout(tx, row.id);
    clearDeviceLocks(ctx, row.id);
    await auditIn(tx, ctx, caller, { action: 'account.unlock', target: row.username, detail: { wasLockedUntil: row.locked_until, failures: row.failed_logins } });
  });
  return infoOf(ctx, row.id);
}

async function applyReset(tx: Parameters<typeof accounts.setPasswordHash>[0], ctx: CoreContext, caller: Caller | null, row: accounts.AccountRow, hash: string, detail: Record<string, unknown>) {
  await accounts.setPasswordHash(tx, row.id, hash, { mustChange: true, at: ctx.now().toISOString() });
  await endSessionsOf(tx, row.id, ctx.now().toISOString());
  await auditIn(tx, ctx, caller, { action: 'account.reset_password', target: row.username, detail: { role: row.role, mustChange: true, ...detail } });
}

async function applyRole(tx: Parameters<typeof accounts.setAccountRole>[0], ctx: CoreContext, caller: Caller | null, row: accounts.AccountRow, role: Role, detail: Record<string, unknown>) {
  if (row.role === 'admin' && !row.disabled && role !== 'admin' && (await accounts.countActiveAdmins(tx)) <= 1) {
    throw new AppError('LAST_ADMIN', 'This is the last active administrator; the office would have nobody to manage accounts.');
  }
  await accounts.setAccountRole(tx, row.id, role);
  // Permissions come with the session: the next login picks up the new role.
  await endSessionsOf(tx, row.id, ctx.now().toISOString());
  await auditIn(tx, ctx, caller, { action: 'account.set_role', target: row.username, detail: { from: row.role, to: role, ...detail } });
}

export async function resetPassword(ctx: CoreContext, caller: Caller, input: { id: number; password: string }): Promise<ChangeOutcome> {
  const row = await existing(ctx.db, input.id);
  if (row.id === caller.accountId) {
    throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT', 'Change your own password with "Change password" (you need your current one).', { action: 'reset_own' });
  }
  assertPasswordStrength(input.password, row.username);
  const hash = await hashPassword(input.password);
  const at = ctx.now().toISOString();
  const requestId = await ctx.db.transaction(async (tx) => {
    const fresh = await existing(tx, row.id);
    if (fresh.role !== 'admin') {
      await applyReset(tx, ctx, caller, fresh, hash, {});
      return null;
    }
    const id = await requests.insertRequest(tx, { kind: 'reset_password', accountId: fresh.id, payload: hash, requestedBy: caller.accountId, at });
    await auditIn(tx, ctx, caller, { action: 'account.reset_requested', target: fresh.username, detail: { requestId: id, role: fresh.role } });
    return id;
  });
  return { status: requestId === null ? 'done' : 'pending', account: await infoOf(ctx, row.id), requestId };
}

export async function setRole(ctx: CoreContext, caller: Caller, input: { id: number; role: Role }): Promise<ChangeOutcome> {
  const row = await existing(ctx.db, input.id);
  if (row.id === caller.accountId) throw new AppError('CANNOT_CHANGE_OWN_ACCOUNT', 'You cannot change your own role; another administrator can.', { action: 'set_own_role' });
  if (row.role === input.role) return { status: 'done', account: await infoOf(ctx, row.id), requestId: null };
  const at = ctx.now().toISOString();
  const requestId = await ctx.db.transaction(async (tx) => {
    const fresh = await existing(tx, row.id);
    if (fresh.role !== 'admin' && input.role !== 'admin') {
      await applyRole(tx, ctx, caller, fresh, input.role, {});
      return null;
    }
    const id = await requests.insertRequest(tx, { kind: 'set_role', accountId: fresh.id, payload: input.role, requestedBy: caller.accountId, at });
    await auditIn(tx, ctx, caller, { action: 'account.role_requested', target: fresh.username, detail: { requestId: id, from: fresh.role, to: input.role } });
    return id;
  });
  return { status: requestId === null ? 'done' : 'pending', account: await infoOf(ctx, row.id), requestId };
}

/** The staff command line only (physical access to the data directory): no approval step. */
export async function cliSetRole(ctx: CoreContext, id: number, role: Role): Promise<AccountInfo> {
  await ctx.db.transaction(async (tx) => applyRole(tx, ctx, null, await existing(tx, id), role, { via: 'command line' }));
  return infoOf(ctx, id);
}

export async function listRequests(ctx: CoreContext): Promise<AdminRequest[]> {
  const since = new Date(ctx.now().getTime() - REQUEST_VALID_HOURS * 3_600_000).toISOString();
  return requests.pendingRequests(ctx.db, since);
}

function secondAdminRequired(): AppError {
  return new AppError('SECOND_ADMIN_REQUIRED', 'A second administrator must approve this: not the one who asked, nor the account concerned.', { action: 'approve_own' });
}

export async function approveRequest(ctx: CoreContext, caller: Caller, input: { id: number }): Promise<ChangeOutcome> {
  // The refused attempt is itself evidence for the auditor, so it is recorded outside the
  // transaction that refuses it (the check is repeated inside).
  const asked = await requests.requestById(ctx.db, input.id);
  if (asked?.state === 'pending' && (asked.requested_by === caller.accountId || asked.account_id === caller.accountId)) {
    const reason = asked.requested_by === caller.accountId ? 'own request' : 'own account';
    await ctx.db.transaction((tx) => auditIn(tx, ctx, caller, { action: 'account.approval_refused', target: String(asked.id), detail: { kind: asked.kind, reason } }));
    throw secondAdminRequired();
  }
  const since = new Date(ctx.now().getTime() - REQUEST_VALID_HOURS * 3_600_000).toISOString();
  const accountId = await ctx.db.transaction(async (tx) => {
    const req = await requests.requestById(tx, input.id);
    if (!req || req.state !== 'pending' || req.requested_at < since) {
      throw new AppError('NOT_FOUND', 'There is no pending request with that number (it may have been approved, cancelled or expired).', { id: input.id });
    }
    if (req.requested_by === caller.accountId || req.account_id === caller.accountId) throw secondAdminRequired();
    // The state change is the decision: a request approved twice at once is carried out once.
    if (!(await requests.decideRequest(tx, req.id, 'approved', caller.accountId, ctx.now().toISOString()))) {
      throw new AppError('NOT_FOUND', 'There is no pending request with that number (it may have been approved, cancelled or expired).', { id: input.id });
    }
    const row = await existing(tx, req.account_id);
    const detail = { requestId: req.id, requestedBy: req.requested_by, approvedBy: caller.accountId };
    if (req.kind === 'reset_password') await applyReset(tx, ctx, caller, row, req.payload, detail);
    else await applyRole(tx, ctx, caller, row, req.payload as Role, detail);
    return row.id;
  });
  return { status: 'done', account: await infoOf(ctx, accountId), requestId: input.id };
}

export async function cancelRequest(ctx: CoreContext, caller: Caller, input: { id: number }): Promise<{ cancelled: true }> {
  await ctx.db.transaction(async (tx) => {
    const req = await requests.requestById(tx, input.id);
    if (!req || !(await requests.decideRequest(tx, req.id, 'cancelled', caller.accountId, ctx.now().toISOString()))) {
      throw new AppError('NOT_FOUND', 'There is no pending request with that number.', { id: input.id });
    }
    await auditIn(tx, ctx, caller, { action: 'account.request_cancelled', target: String(req.id), detail: { kind: req.kind } });
  });
  return { cancelled: true };
}

export async function setIdleLockMinutes(ctx: CoreContext, caller: Caller, input: { minutes: number }): Promise<{ idleLockMinutes: number }> {
  if (!Number.isInteger(input.minutes) || input.minutes < IDLE_LOCK_MINUTES.min || input.minutes > IDLE_LOCK_MINUTES.max) {
    throw new AppError('VALIDATION', `The idle lock is between ${IDLE_LOCK_MINUTES.min} and ${IDLE_LOCK_MINUTES.max} minutes.`, { field: 'minutes', reason: 'idle_lock_range', min: IDLE_LOCK_MINUTES.min, max: IDLE_LOCK_MINUTES.max });
  }
  await ctx.db.transaction(async (tx) => {
    await setSetting(tx, 'idle_lock_minutes', String(input.minutes));
    await auditIn(tx, ctx, caller, { action: 'settings.idle_lock', target: 'idle_lock_minutes', detail: { minutes: input.minutes } });
  });
  return { idleLockMinutes: input.minutes };
}
