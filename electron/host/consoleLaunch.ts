import { randomBytes } from 'node:crypto';
import type { Dispatch, Preflight } from '../api/dispatcher';
import type { DataDirClaim } from '../db/dataDirOwner';
import { startHost } from './httpHost';
import { writeLaunchPage } from './launchPage';
import { launchLines } from './launchLines';
import { openInBrowser } from './openInBrowser';

export interface ConsoleLaunch {
  dataDir: string;
  staticDir: string;
  port: number;
  open: boolean;
  claim: DataDirClaim;
  dispatch: Dispatch;
  preflight: Preflight;
  /** Lines said before the address (what is running). */
  before?: string[];
  /** What stopping closes after the HTTP host (the core, or a window's relay). */
  close: () => Promise<void>;
}

/**
 * Browser mode's way in, the same for an office's console and a window's: 127.0.0.1 with a
 * per-launch key in a one-time page, the address on stdout, the page as the last line.
 */
export async function serveConsole(c: ConsoleLaunch): Promise<void> {
  let launch: { remove: () => void } | null = null;
  const host = await startHost({
    dispatch: c.dispatch,
    preflight: c.preflight,
    staticDir: c.staticDir,
    port: c.port,
    secret: randomBytes(24).toString('base64url'),
    onKeyUsed: () => launch?.remove(),
  });
  c.claim.announce(host.origin);
  const page = writeLaunchPage(c.dataDir, host.url);
  launch = page;
  const lines = launchLines({ dataDir: c.dataDir, origin: host.origin, pageUrl: page.fileUrl });
  for (const line of [...lines.before, ...(c.before ?? [])]) console.error(line);
  const stop = async () => {
    launch?.remove();
    await host.close();
    await c.close();
    process.exit(0);
  };
  // Before the address is printed: whoever waits for it may stop the console at once, and a signal
  // with no handler yet would kill it without a backup or giving the data directory back cleanly.
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
  // The bare address only: the key is in the page, never on stdout or a command line. The page to
  // open is the last line (launchLines.ts), and a failed automatic opening says so, with the page.
  console.log(lines.address);
  for (const line of lines.after) console.error(line);
  if (c.open) openInBrowser(page.fileUrl, (line) => console.error(line));
}
