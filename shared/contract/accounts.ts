import { z } from 'zod';
import { ROLES, type AccountInfo, type Role } from '../domain/account';
import { method } from './method';
import { password, shortText, username } from './fields';
import { IDLE_LOCK_MINUTES } from './limits';

export { IDLE_LOCK_MINUTES };

const accountId = z.number().int().positive();

/** What the screen may offer for the idle lock (the core refuses anything else). */

/** A change that waits for a second administrator: resetting an admin, making or unmaking one. */
export interface AdminRequest {
  id: number;
  kind: 'reset_password' | 'set_role';
  account: { id: number; username: string; displayName: string; role: Role };
  /** set_role only: the role asked for. */
  role: Role | null;
  requestedBy: { id: number; username: string };
  requestedAt: string;
}

export interface ChangeOutcome {
  /** 'pending': a second administrator must approve (see accounts.requests). */
  status: 'done' | 'pending';
  account: AccountInfo;
  requestId: number | null;
}

export const accountsContract = {
  'accounts.list': method<AccountInfo[]>()({ input: z.object({}).strict(), access: 'accounts.manage' }),
  'accounts.create': method<AccountInfo>()({
    input: z.object({ username, displayName: shortText(40), role: z.enum(ROLES), password }).strict(),
    access: 'accounts.manage',
  }),
  'accounts.setDisabled': method<AccountInfo>()({
    input: z.object({ id: accountId, disabled: z.boolean() }).strict(),
    access: 'accounts.manage',
  }),
  /** Sets a new password the owner must replace at next login; an admin's reset waits for approval. */
  'accounts.resetPassword': method<ChangeOutcome>()({
    input: z.object({ id: accountId, password }).strict(),
    access: 'accounts.manage',
  }),
  /** Making or unmaking an administrator waits for a second administrator's approval. */
  'accounts.setRole': method<ChangeOutcome>()({
    input: z.object({ id: accountId, role: z.enum(ROLES) }).strict(),
    access: 'accounts.manage',
  }),
  /** Lifts a lockout after too many wrong passwords. */
  'accounts.unlock': method<AccountInfo>()({ input: z.object({ id: accountId }).strict(), access: 'accounts.manage' }),
  'accounts.requests': method<AdminRequest[]>()({ input: z.object({}).strict(), access: 'accounts.manage' }),
  /** A second administrator (not the one who asked, not the account concerned) carries it out. */
  'accounts.approveRequest': method<ChangeOutcome>()({ input: z.object({ id: accountId }).strict(), access: 'accounts.manage' }),
  'accounts.cancelRequest': method<{ cancelled: true }>()({ input: z.object({ id: accountId }).strict(), access: 'accounts.manage' }),
  'accounts.setIdleLock': method<{ idleLockMinutes: number }>()({
    input: z.object({ minutes: z.number().int().min(IDLE_LOCK_MINUTES.min).max(IDLE_LOCK_MINUTES.max) }).strict(),
    access: 'settings.manage',
  }),
};
