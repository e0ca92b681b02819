import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { fileExists } from '../files/fileExists';
import { writeOwnerOnlyFileAsync } from '../keys/ownerOnly';
import { seal, unseal } from '../keys/sealedBytes';

// What a joined window keeps in its own data directory: its private key, its certificate, the
// office CA and the host's address and pin, sealed together with its own office key (the
// passphrase or OS keystore of this workstation, electron/keys). The pin is sealed too, so that
// "accept the new key anyway" cannot be done by editing a file: only a new enrolment changes it.
// office-window.json beside it is a readable copy for people and support, never read back.

export const WINDOW_FILE = 'office-window.json';
const WINDOW_KEY = 'window-key.pem';
const PURPOSE = 'key-file window-client';

export interface WindowIdentity {
  format: 'creditdesk-window';
  formatVersion: 1;
  host: { address: string; port: number; pin: string };
  windowId: string;
  number: number;
  name: string;
  certificatePem: string;
  caPem: string;
}

export async function writeWindowIdentity(dataDir: string, sealKey: Buffer, identity: WindowIdentity, keyPem: string): Promise<void> {
  await writeOwnerOnlyFileAsync(join(dataDir, 'keys', WINDOW_KEY), seal(sealKey, PURPOSE, Buffer.from(JSON.stringify({ keyPem, identity }), 'utf8')));
  await writeOwnerOnlyFileAsync(join(dataDir, WINDOW_FILE), `${JSON.stringify(identity, null, 2)}\n`);
}

/** Whether this data directory has joined an office host (its console is then that host's window). */
export function joinedAnOffice(dataDir: string): Promise<boolean> {
  return fileExists(join(dataDir, 'keys', WINDOW_KEY));
}

/** The window's identity and key, or null when this data directory has not joined an office. */
export async function readWindowIdentity(dataDir: string, sealKey: Buffer): Promise<{ identity: WindowIdentity; keyPem: string } | null> {
  const file = join(dataDir, 'keys', WINDOW_KEY);
  if (!(await fileExists(file))) return null;
  const plain = unseal(sealKey, PURPOSE, await readFile(file));
  if (!plain) throw new AppError('UNLOCK_REFUSED', `The window's key in ${dataDir}/keys is not sealed by this workstation's office key (altered, or copied from another computer).`, { dataDir });
  const { keyPem, identity } = JSON.parse(plain.toString('utf8')) as { keyPem: string; identity: WindowIdentity };
  if (identity.format !== 'creditdesk-window' || identity.formatVersion !== 1) throw new AppError('UNLOCK_REFUSED', `${file} is not a CreditDesk window key.`, { file });
  return { identity, keyPem };
}
