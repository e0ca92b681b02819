import { readFileSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { DEMO_PASSPHRASE, officeKeyFileExists, officeKeyFileInfo, checkNewPassphrase, type OfficeUnlock } from '../keys/officeKeyFile';

// Where browser mode and the staff command line get the office unlock passphrase, in this order:
// --passphrase-file FILE (scripts, services), CREDITDESK_PASSPHRASE (tests), the printed demo
// passphrase for the demo office, and otherwise a hidden prompt on the terminal. It is never stored.

export const PASSPHRASE_ENV = 'CREDITDESK_PASSPHRASE';

export interface PassphraseSource {
  passphraseFile?: string | undefined;
  demo: boolean;
}

export interface PassphraseIo {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  /** Where prompts and the demo notice go (stderr: stdout carries the URL for scripts). */
  say(line: string): void;
}

const defaultIo = (): PassphraseIo => ({ env: process.env, stdin: process.stdin, say: (l) => console.error(l) });

export function readPassphraseFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new AppError('UNLOCK_REFUSED', `The passphrase file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`, { file });
  }
  // The first line is the passphrase; editors add a final newline.
  return text.split(/\r?\n/)[0] ?? '';
}

/** Reads one line from a terminal without echoing it. */
export function promptHidden(stdin: NodeJS.ReadStream, question: string, write: (s: string) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    write(question);
    let value = '';
    const wasRaw = stdin.isRaw;
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (err: Error | null) => {
      stdin.setRawMode(wasRaw);
      stdin.pause();
      stdin.removeListener('data', onData);
      write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(null);
        if (ch === '\u0003') return done(new AppError('UNLOCK_REFUSED', 'Cancelled: the office was not unlocked.'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The passphrase unlock for this data directory, asking the person only when nothing else gave one. */
export async function passphraseUnlock(dataDir: string, src: PassphraseSource, io: PassphraseIo = defaultIo()): Promise<OfficeUnlock> {
  if (src.passphraseFile) return { kind: 'passphrase', passphrase: readPassphraseFile(src.passphraseFile) };
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv) return { kind: 'passphrase', passphrase: fromEnv };
  const exists = officeKeyFileExists(dataDir);
  if (exists ? officeKeyFileInfo(dataDir).demo : src.demo) {
    io.say(`Demo office: its data is encrypted with the public demo passphrase "${DEMO_PASSPHRASE}" (demo data only).`);
    return { kind: 'passphrase', passphrase: DEMO_PASSPHRASE };
  }
  if (!io.stdin.isTTY) {
    throw new AppError(
      'UNLOCK_REFUSED',
      `The office in ${dataDir} is unlocked with its passphrase: run this from a terminal to type it, or give --passphrase-file FILE (or ${PASSPHRASE_ENV}).`,
      { dataDir },
    );
  }
  const write = (s: string) => process.stderr.write(s);
  if (exists) return { kind: 'passphrase', passphrase: await promptHidden(io.stdin, `Office unlock passphrase for ${dataDir}: `, write) };
  io.say(`A new office in ${dataDir}: choose its unlock passphrase (at least 12 characters). It is never stored; without it the data cannot be read.`);
  const first = await promptHidden(io.stdin, 'New office passphrase: ', write);
  checkNewPassphrase(first, false);
  const again = await promptHidden(io.stdin, 'Type it again: ', write);
  if (again !== first) throw new AppError('UNLOCK_REFUSED', 'The two passphrases differ; nothing was created.');
  return { kind: 'passphrase', passphrase: first };
}
