import { z } from 'zod';
import type { AccountInfo } from '../domain/account';
import { method } from './method';
import { password, shortText, username } from './fields';
import type { Permission } from './permissions';

export interface OfficeStatus {
  initialised: boolean;
  officeCode: string;
  officeName: string;
  demo: boolean;
  idleLockMinutes: number;
  integrity: 'checking' | 'ok' | 'failed';
  /** The newest backup that exists (what to restore if the integrity check fails). */
  latestBackup?: { name: string; at: string; path: string } | null;
  /** The office clock at the answer (ISO): the page judges dates (a birth date in the future) by it, not by its own machine's. */
  officeTime: string;
  /** The window this console is (issue 23), as the office host knows it; absent or null: the office's own console. */
  window?: { number: number; name: string } | null;
}

export interface SessionInfo {
  token: string;
  account: AccountInfo;
  permissions: Permission[];
  idleLockMinutes: number;
  /**
   * Login and first run only: the token that makes this browser or window a known source of the
   * account (issue 29). The console keeps it and sends it with its next login; wrong passwords sent
   * from elsewhere then never lock it out (docs/security.md, "Log-in and lockout").
   */
  device?: string;
}

export const authContract = {
  'auth.status': method<OfficeStatus>()({ input: z.object({}).strict(), access: 'public' }),
  'auth.setupAdmin': method<SessionInfo>()({
    input: z.object({ username, displayName: shortText(40), password }).strict(),
    access: 'public',
  }),
  'auth.login': method<SessionInfo>()({
    input: z.object({ username, password, device: z.string().max(200).optional() }).strict(),
    access: 'public',
  }),
  /** Unlocks the caller's own idle-locked session with the account password. */
  'auth.unlock': method<SessionInfo>()({ input: z.object({ password }).strict(), access: 'public' }),
  'auth.lock': method<{ locked: true }>()({ input: z.object({}).strict(), access: 'session' }),
  'auth.logout': method<{ loggedOut: true }>()({ input: z.object({}).strict(), access: 'session' }),
  /** Every staff member changes their own password (and must, after an administrator's reset). */
  'auth.changePassword': method<SessionInfo>()({
    input: z.object({ currentPassword: password, newPassword: password }).strict(),
    access: 'session',
  }),
  'auth.whoami': method<SessionInfo>()({ input: z.object({}).strict(), access: 'session' }),
};
