import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimDataDir, DataDirInUse } from '../db/dataDirOwner';
import { EXIT_DATA_DIR_IN_USE, secondConsoleRefusal } from './secondConsole';
import { beginOfficeUnlock } from '../keys/unlockOffice';
import { joinedAnOffice } from '../office/windowIdentity';
import { parseLaunchArgs, UsageError } from './launchArgs';
import { passphraseUnlock } from './passphrase';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BrowserModeOptions {
  /**
   * The office clock. A production launch has no way to set it (no flag, no variable): only the
   * end-to-end suite's own entry (tests/e2e/support/clockedWebMain.ts, built into out/e2e by the
   * test command and never packaged) passes one, so that every spec runs at the instant it states.
   */
  now?: () => Date;
  /**
   * Where the renderer's files are (default out/renderer). Only the integration tests' console
   * (tests/support/clockedConsole.ts) passes one: a page of its own, so that a console process runs
   * without a build.
   */
  staticDir?: string;
}

/** Browser mode: the same console, served on 127.0.0.1 with a per-launch secret. */
async function start(argv: string[], options: BrowserModeOptions): Promise<void> {
  const args = parseLaunchArgs(argv);
  if (args.join) {
    const { runJoin } = await import('./joinMode');
    process.exit(await runJoin({ dataDir: args.dataDir, passphraseFile: args.passphraseFile, ...args.join }));
  }
  const staticDir = options.staticDir ?? join(projectRoot, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new UsageError('The console has not been built yet: run `npm run build` first (npm start does this for you).');
  }
  // The data directory is this console's before anything asks for a passphrase or opens a file
  // (docs/operations.md, "One process per data directory"); openCore releases it on close.
  const claim = await claimDataDir(args.dataDir, { role: 'console' });
  const unlock = await passphraseUnlock(args.dataDir, { passphraseFile: args.passphraseFile, demo: args.demo }).catch(async (err: unknown) => {
    await claim.release();
    throw err;
  });
  // The key derivation (scrypt, about 0.8 s, on the thread pool) runs while the rest of the core
  // loads on this thread: the two together take about as long as the slower one.
  const unlocking = beginOfficeUnlock(args.dataDir, unlock, args.demo);
  unlocking.catch(() => undefined); // awaited (and reported) by openCore below
  if (await joinedAnOffice(args.dataDir)) {
    // A joined workstation (issue 23) holds no office data: its console is a window of the office host.
    const { serveWindowConsole } = await import('./windowConsole');
    return serveWindowConsole({ dataDir: args.dataDir, staticDir, port: args.port, open: args.open, claim, unlocking });
  }
  const [{ openCore }, { ensureDemoOffice }, { createPreflight }, { serveConsole }] = await Promise.all([
    import('../core'),
    import('../demo/demoOffice'),
    import('../api/dispatcher'),
    import('./consoleLaunch'),
  ]);
  const core = await openCore({ dataDir: args.dataDir, demo: args.demo, unlock, unlocking, claim, backupOnClose: true, ...(options.now ? { now: options.now } : {}) });
  if (args.demo) await ensureDemoOffice(core, (line) => console.log(line));
  await serveConsole({ dataDir: args.dataDir, staticDir, port: args.port, open: args.open, claim, dispatch: core.dispatch, preflight: createPreflight(core.ctx), close: () => core.close() });
}

/**
 * Starts browser mode from a process's arguments; a failure to start is one sentence and exit code 2,
 * or the owner named in both languages and exit code 3 when another process owns the data directory.
 */
export function runBrowserMode(argv: string[], options: BrowserModeOptions = {}): void {
  start(argv, options).catch((err: unknown) => {
    if (err instanceof DataDirInUse) {
      console.error(secondConsoleRefusal(err));
      process.exit(EXIT_DATA_DIR_IN_USE);
    }
    console.error(err instanceof UsageError ? err.message : `CreditDesk could not start: ${(err as Error).message}`);
    process.exit(2);
  });
}
