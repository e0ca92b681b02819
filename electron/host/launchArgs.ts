import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { defaultDataDir } from './dataDir';

export interface LaunchArgs {
  demo: boolean;
  dataDir: string;
  port: number;
  open: boolean;
  /** The office unlock passphrase's file (first line), for scripts; otherwise it is asked. */
  passphraseFile: string | undefined;
  /** `--join CODE` (with `--host`, `--pin` for the short typed code): join an office host and exit (issue 23). */
  join?: { code: string; host?: string; pin?: string };
}

export class UsageError extends Error {}

export const LAUNCH_USAGE = `Usage: npm run web -- [--demo] [--data-dir DIR] [--port N] [--open]
  --demo          a ready-made demo office (its own data directory unless --data-dir is given)
  --data-dir DIR  the office's data directory (created on first run)
  --port N        port on 127.0.0.1 (default: any free port)
  --open          open the system browser at the console's URL
  --passphrase-file FILE  read the office unlock passphrase from FILE instead of asking
  --join CODE     make this workstation a window of the office host in CODE, then exit
                  (the short code also needs --host ADDRESS:PORT --pin PIN, as the code's screen shows)`;

/** Parses the console's launch flags; anything unknown or malformed is a UsageError with one sentence. */
export function parseLaunchArgs(argv: string[]): LaunchArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        demo: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        open: { type: 'boolean', default: false },
        'passphrase-file': { type: 'string' },
        help: { type: 'boolean', default: false },
        join: { type: 'string' },
        host: { type: 'string' },
        pin: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${LAUNCH_USAGE}`);
  }
  if (values.help) throw new UsageError(LAUNCH_USAGE);
  let port = 0;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port < 1 || port > 65535) throw new UsageError(`--port must be a whole number from 1 to 65535, not "${values.port}".`);
  }
  const dataDir = values['data-dir'];
  if (dataDir !== undefined && dataDir.trim() === '') throw new UsageError('--data-dir needs a directory path.');
  const passphraseFile = values['passphrase-file'];
  if (passphraseFile !== undefined && passphraseFile.trim() === '') throw new UsageError('--passphrase-file needs a file path.');
  if (values.join !== undefined && values.join.trim() === '') throw new UsageError('--join needs the enrollment code the administrator gave you.');
  if ((values.host !== undefined || values.pin !== undefined) && values.join === undefined) throw new UsageError('--host and --pin go with --join CODE.');
  if (values.join !== undefined && values.demo) throw new UsageError('The demo office cannot join an office host.');
  return {
    ...(values.join !== undefined ? { join: { code: values.join, ...(values.host ? { host: values.host } : {}), ...(values.pin ? { pin: values.pin } : {}) } } : {}),
    demo: values.demo,
    dataDir: dataDir ? resolve(dataDir) : defaultDataDir(values.demo),
    port,
    open: values.open,
    passphraseFile: passphraseFile ? resolve(passphraseFile) : undefined,
  };
}

/**
 * Electron's argv also carries Chromium and debugger switches (and the app path) that are not
 * ours; keep only the console's own flags, then parse them strictly as above.
 */
export function pickLaunchFlags(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--demo' || a === '--open' || a.startsWith('--data-dir=') || a.startsWith('--port=') || a.startsWith('--passphrase-file=')) out.push(a);
    else if ((a === '--data-dir' || a === '--port' || a === '--passphrase-file') && i + 1 < argv.length) out.push(a, argv[++i]!);
  }
  return out;
}
