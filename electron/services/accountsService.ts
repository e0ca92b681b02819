import type { AccountInfo, Role } from '../../shared/domain/account';
import { AppError } from '../../shared/errors';
import * as accounts from '../store/accountStore';
import { endSessionsOf } from '../store/sessionStore';
import { auditIn } from './auditService';
import type { Caller, CoreContext } from './context';
import { assertPasswordStrength, hashPassword } from './passwords';

export async function listAccounts(ctx: CoreContext): Promise<AccountInfo[]> {
  const now = ctx.now();
  return (await accounts.listAccounts(ctx.db)).map((r) => accounts.toAccountInfo(r, now));
}

export async function createAccount(
  ctx: CoreContext,
  caller: Caller | null,
  input: { username: string; displayName: string; role: Role; password: string },
): Promise<AccountInfo> {
  assertPasswordStrength(input.password);
  const passwordHash = await hashPassword(input.password);
  const id = await ctx.db.transaction(async (tx) => {
    if (await accounts.findAccountByUsername(tx, input.username)) {
      throw new AppError('USERNAME_TAKEN', `The user name "${input.username}" is already taken.`, { username: input.username });
    }
    const newId = await accounts.insertAccount(tx, { ...input, passwordHash, createdAt: ctx.now().toISOString() });
    await auditIn(tx, ctx, caller, { action: 'account.create', target: input.username, detail: { role: input.role } });
    return newId;
  });
  return accounts.toAccountInfo((await accounts.findAccountById(ctx.db, id))!, ctx.now());
}

async function existing(ctx: CoreContext, id: number): Promise<accounts.AccountRow> {
  const row = await accounts.findAccountById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', `There is no account ${id}.`);
  return row;
}

export async function setDisabled(ctx: CoreContext, caller: Caller, input: { id: number; disabled: boolean }): Promise<AccountInfo> {
  const row = await existing(ctx, input.id);
  if (row.id === caller.accountId && input.disabled) throw new AppError('CONFLICT', 'You cannot disable your own account.', { reason: 'OWN_ACCOUNT' });
  await ctx.db.transaction(async (tx) => {
    await accounts.setAccountDisabled(tx, row.id, input.disabled);
    if (input.disabled) await endSessionsOf(tx, row.id, ctx.now().toISOString());
    await auditIn(tx, ctx, caller, { action: input.disabled ? 'account.disable' : 'account.enable', target: row.username, detail: {} });
  });
  return accounts.toAccountInfo((await accounts.findAccountById(ctx.db, row.id))!, ctx.now());
}

export async function resetPassword(ctx: CoreContext, caller: Caller, input: { id: number; password: string }): Promise<AccountInfo> {
  const row = await existing(ctx, input.id);
  assertPasswordStrength(input.password);
  const hash = await hashPassword(input.password);
  await ctx.db.transaction(async (tx) => {
    await accounts.setPasswordHash(tx, row.id, hash);
    await endSessionsOf(tx, row.id, ctx.now().toISOString());
    await auditIn(tx, ctx, caller, { action: 'account.reset_password', target: row.username, detail: {} });
  });
  return accounts.toAccountInfo((await accounts.findAccountById(ctx.db, row.id))!, ctx.now());
}
