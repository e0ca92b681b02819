import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { fileExists } from '../files/fileExists';
import { writeOwnerOnlyFileAsync } from '../keys/ownerOnly';
import { seal, unseal } from '../keys/sealedBytes';

// What a joined window keeps in its own data directory: its private key, sealed with its own
// office key (the passphrase or OS keystore of this workstation, electron/keys), and, in plain
// JSON beside it, its certificate, the office CA and the host's address and pin.

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
  await writeOwnerOnlyFileAsync(join(dataDir, 'keys', WINDOW_KEY), seal(sealKey, PURPOSE, Buffer.from(keyPem, 'utf8')));
  await writeOwnerOnlyFileAsync(join(dataDir, WINDOW_FILE), `${JSON.stringify(identity, null, 2)}\n`);
}

/** The window's identity and key, or null when this data directory has not joined an office. */
export async function readWindowIdentity(dataDir: string, sealKey: Buffer): Promise<{ identity: WindowIdentity; keyPem: string } | null> {
  const file = join(dataDir, WINDOW_FILE);
  if (!(await fileExists(file))) return null;
  const identity = JSON.parse(await readFile(file, 'utf8')) as WindowIdentity;
  if (identity.format !== 'creditdesk-window' || identity.formatVersion !== 1) throw new AppError('UNLOCK_REFUSED', `${file} is not a CreditDesk window file.`, { file });
  const key = unseal(sealKey, PURPOSE, await readFile(join(dataDir, 'keys', WINDOW_KEY)));
  if (!key) throw new AppError('UNLOCK_REFUSED', `The window's key in ${dataDir}/keys is not sealed by this workstation's office key.`, { dataDir });
  return { identity, keyPem: key.toString('utf8') };
}
