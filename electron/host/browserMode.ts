import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beginOfficeUnlock } from '../keys/unlockOffice';
import { parseLaunchArgs, UsageError } from './launchArgs';
import { passphraseUnlock } from './passphrase';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.error('No system browser could be opened; open the URL above yourself.'));
  child.unref();
}

export interface BrowserModeOptions {
  /**
   * The office clock. A production launch has no way to set it (no flag, no variable): only the
   * end-to-end suite's own entry (tests/e2e/support/clockedWebMain.ts, built into out/e2e by the
   * test command and never packaged) passes one, so that every spec runs at the instant it states.
   */
  now?: () => Date;
}

/** Browser mode: the same console, served on 127.0.0.1 with a per-launch secret. */
async function start(argv: string[], options: BrowserModeOptions): Promise<void> {
  const args = parseLaunchArgs(argv);
  const staticDir = join(projectRoot, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new UsageError('The console has not been built yet: run `npm run build` first (npm start does this for you).');
  }
  const unlock = await passphraseUnlock(args.dataDir, { passphraseFile: args.passphraseFile, demo: args.demo });
  // The key derivation (scrypt, about 0.8 s, on the thread pool) runs while the rest of the core
  // loads on this thread: the two together take about as long as the slower one.
  const unlocking = beginOfficeUnlock(args.dataDir, unlock, args.demo);
  unlocking.catch(() => undefined); // awaited (and reported) by openCore below
  const [{ openCore }, { ensureDemoOffice }, { createPreflight }, { startHost }, { writeLaunchPage }] = await Promise.all([
    import('../core'),
    import('../demo/demoOffice'),
    import('../api/dispatcher'),
    import('./httpHost'),
    import('./launchPage'),
  ]);
  const core = await openCore({ dataDir: args.dataDir, demo: args.demo, unlock, unlocking, backupOnClose: true, ...(options.now ? { now: options.now } : {}) });
  if (args.demo) await ensureDemoOffice(core, (line) => console.log(line));
  let launch: { remove: () => void } | null = null;
  const host = await startHost({
    dispatch: core.dispatch,
    preflight: createPreflight(core.ctx),
    staticDir,
    port: args.port,
    secret: randomBytes(24).toString('base64url'),
    onKeyUsed: () => launch?.remove(),
  });
  const page = writeLaunchPage(args.dataDir, host.url);
  launch = page;
  console.error(`CreditDesk (browser mode) — data directory ${args.dataDir}`);
  console.error(`Open the console with this page (it works once; restart for another window): ${page.fileUrl}`);
  // The bare address only: the key is in the page above, never on stdout or a command line.
  console.log(host.origin);
  if (args.open) openBrowser(page.fileUrl);
  const stop = async () => {
    launch?.remove();
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

/** Starts browser mode from a process's arguments; a failure to start is one sentence and exit code 2. */
export function runBrowserMode(argv: string[], options: BrowserModeOptions = {}): void {
  start(argv, options).catch((err: unknown) => {
    console.error(err instanceof UsageError ? err.message : `CreditDesk could not start: ${(err as Error).message}`);
    process.exit(2);
  });
}
