import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE, openCore, type Core } from '../../electron/core';
import { claimDataDir } from '../../electron/db/dataDirOwner';
import { passphraseUnlock } from '../../electron/host/passphrase';
import { CliUsageError } from './command';

/** Parses `--data-dir DIR` plus the command's own options; an existing office is required unless `create`. */
export function parseCommandArgs<T extends Record<string, { type: 'string' | 'boolean' }>>(
  args: string[],
  options: T,
  opts: { create?: boolean; positionals?: number } = {},
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { 'data-dir': { type: 'string' }, 'passphrase-file': { type: 'string' }, ...options }, strict: true, allowPositionals: (opts.positionals ?? 0) > 0 });
  } catch (err) {
    throw new CliUsageError((err as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const dir = values['data-dir'];
  if (typeof dir !== 'string' || dir.trim() === '') throw new CliUsageError('--data-dir DIR is required: the office data directory.');
  const dataDir = resolve(dir);
  if (!opts.create && !existsSync(join(dataDir, DATABASE_FILE))) {
    throw new CliUsageError(`There is no CreditDesk database in ${dataDir}. Check --data-dir.`);
  }
  if (parsed.positionals.length !== (opts.positionals ?? 0)) {
    throw new CliUsageError(`Expected ${opts.positionals ?? 0} argument(s), got ${parsed.positionals.length}.`);
  }
  const passphraseFile = typeof values['passphrase-file'] === 'string' ? resolve(values['passphrase-file']) : undefined;
  return { dataDir, values, positionals: parsed.positionals, passphraseFile };
}

let commandClock: (() => Date) | undefined;

/**
 * The office clock the commands run on: the machine's, unless the test suite's entry
 * (tests/support/clockedCreditdesk.ts) states an instant, as the e2e console's does. The
 * command line itself has no such option.
 */
export function setCommandClock(now: () => Date): void {
  commandClock = now;
}

let runningCommand = '';

/** The words of the command this process runs (creditdesk.ts): its owner record names it. */
export function setRunningCommand(words: string): void {
  runningCommand = words;
}

/**
 * Opens the office for a command. The data directory is claimed first, before the passphrase is
 * asked for: a directory another process owns throws DataDirInUse (tools/creditdesk.ts says whose,
 * and exits 3) with nothing read or written. The passphrase comes from --passphrase-file, the
 * environment or the terminal.
 */
export async function openCommandCore(dataDir: string, passphraseFile: string | undefined, opts: { demo?: boolean; backupOnClose?: boolean } = {}): Promise<Core> {
  const claim = await claimDataDir(dataDir, { role: 'command', command: runningCommand });
  let unlock;
  try {
    unlock = await passphraseUnlock(dataDir, { passphraseFile, demo: opts.demo ?? false });
  } catch (err) {
    await claim.release();
    throw err;
  }
  return openCore({ dataDir, unlock, claim, demo: opts.demo ?? false, backupOnClose: opts.backupOnClose ?? false, ...(commandClock ? { now: commandClock } : {}) });
}

/**
 * Opens the office, runs `fn` and closes it again whatever happens. Database errors stay off stderr
 * (CREDITDESK_QUIET): the command says what went wrong in its own words, and diagnostics.log keeps
 * the rest.
 */
export async function withCommandCore<T>(dataDir: string, passphraseFile: string | undefined, fn: (core: Core) => Promise<T>): Promise<T> {
  process.env.CREDITDESK_QUIET = '1';
  const core = await openCommandCore(dataDir, passphraseFile);
  try {
    return await fn(core);
  } finally {
    await core.close();
  }
}
