import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCore } from '../core';
import { ensureDemoOffice } from '../demo/demoOffice';
import { startHost } from './httpHost';
import { parseLaunchArgs, UsageError } from './launchArgs';
import { passphraseUnlock } from './passphrase';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function openBrowser(url: string): void {
  const cmd = process.platform === 'win32' ? 'explorer' : process.platform === 'darwin' ? 'open' : 'xdg-open';
  const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => console.error('No system browser could be opened; open the URL above yourself.'));
  child.unref();
}

/** Browser mode: the same console, served on 127.0.0.1 with a per-launch secret. */
async function main(): Promise<void> {
  const args = parseLaunchArgs(process.argv.slice(2));
  const staticDir = join(projectRoot, 'out', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new UsageError('The console has not been built yet: run `npm run build` first (npm start does this for you).');
  }
  const unlock = await passphraseUnlock(args.dataDir, { passphraseFile: args.passphraseFile, demo: args.demo });
  const core = await openCore({ dataDir: args.dataDir, demo: args.demo, unlock, backupOnClose: true });
  if (args.demo) await ensureDemoOffice(core, (line) => console.log(line));
  const host = await startHost({ dispatch: core.dispatch, staticDir, port: args.port, secret: randomBytes(24).toString('base64url') });
  console.error(`CreditDesk (browser mode) — data directory ${args.dataDir}`);
  console.log(host.url);
  if (args.open) openBrowser(host.url);
  const stop = async () => {
    await host.close();
    await core.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  console.error(err instanceof UsageError ? err.message : `CreditDesk could not start: ${(err as Error).message}`);
  process.exit(2);
});
