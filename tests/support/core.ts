import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { InputOf, MethodName, OutputOf, SessionInfo } from '../../shared/contract';
import type { Role } from '../../shared/domain/account';
import type { ApiResult } from '../../shared/errors';
import { DATABASE_FILE, openCore, type Core } from '../../electron/core';
import { Database } from '../../electron/db/database';
import { unlockOfficeKeyFile, type OfficeUnlock } from '../../electron/keys/officeKeyFile';
import { createAccount } from '../../electron/services/access/accountsService';
import { observedError } from './errorCoverage';

export const TEST_PASSWORD = 'correct-horse-42';
export const TEST_PASSPHRASE = 'test-office-passphrase';
/** Test offices are encrypted like real ones; only scrypt's cost is lowered so that each opens fast. */
export const TEST_UNLOCK: OfficeUnlock = { kind: 'passphrase', passphrase: TEST_PASSPHRASE, scryptLogN: 12 };

/** A real core on a real SQLite file in a fresh temporary directory, with a clock tests can move. */
export interface TestCore extends Core {
  dir: string;
  clock: { now: Date };
  /** Calls through the dispatcher exactly as a transport would. */
  call<M extends MethodName>(method: M, input: InputOf<M>, token?: string): Promise<ApiResult<OutputOf<M>>>;
  /** Like call, but throws on an error result: for arranging a test, not for asserting refusals. */
  ok<M extends MethodName>(method: M, input: InputOf<M>, token?: string): Promise<OutputOf<M>>;
  /** Creates an account with TEST_PASSWORD and logs it in. */
  loginAs(role: Role, username?: string): Promise<SessionInfo>;
  dispose(): Promise<void>;
}

/**
 * The office database opened directly with its key, as an insider who knows the passphrase and
 * edits the file with SQLite underneath the console would.
 */
export async function openOfficeDatabaseRaw(dir: string): Promise<Database> {
  const keys = await unlockOfficeKeyFile(dir, TEST_UNLOCK);
  return Database.open(join(dir, DATABASE_FILE), { key: keys.db });
}

/** What a child process (the staff command line) needs to unlock a test office. */
export const TEST_ENV = { CREDITDESK_QUIET: '1', CREDITDESK_PASSPHRASE: TEST_PASSPHRASE };

export async function openTestCore(opts: { now?: string } = {}): Promise<TestCore> {
  process.env.CREDITDESK_QUIET = '1';
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  const clock = { now: new Date(opts.now ?? '2026-11-20T02:00:00Z') };
  const core = await openCore({ dataDir: dir, now: () => clock.now, unlock: TEST_UNLOCK, repeatMaintenance: false });
  // The start-up jobs (overdue sweep, upload expiry) write; a test's before/after comparison starts once they are done.
  await core.startupJobs;
  const call = async <M extends MethodName>(method: M, input: InputOf<M>, token?: string) => {
    const r = (await core.dispatch(method, input, { token })) as ApiResult<OutputOf<M>>;
    if (!r.ok) {
      observedError(r.error.code);
      observedError(r.error.details?.reason);
    }
    return r;
  };
  const ok = async <M extends MethodName>(method: M, input: InputOf<M>, token?: string) => {
    const r = await call(method, input, token);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  let n = 0;
  return {
    ...core,
    dir,
    clock,
    call,
    ok,
    async loginAs(role, username = `${role}${++n}`) {
      await createAccount(core.ctx, null, { username, displayName: username, role, password: TEST_PASSWORD });
      return ok('auth.login', { username, password: TEST_PASSWORD });
    },
    async dispose() {
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
