import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppError } from '../../shared/errors';
import type { OfficeKeys } from './derive';
import { seal, unseal } from './sealedBytes';
import { writeOwnerOnlyFile } from './ownerOnly';

// The unlocked keys of each open data directory. Key files and attachments are read deep inside
// modules that only know the data directory (the sync keys, the report key), so the keys are found
// by directory rather than threaded through every signature. openCore registers, close forgets.

const open = new Map<string, OfficeKeys>();

export function registerOfficeKeys(dataDir: string, keys: OfficeKeys): void {
  open.set(resolve(dataDir), keys);
}

export function forgetOfficeKeys(dataDir: string): void {
  open.delete(resolve(dataDir));
}

export function officeKeysOf(dataDir: string): OfficeKeys {
  const keys = open.get(resolve(dataDir));
  if (!keys) throw new AppError('UNLOCK_REFUSED', `The office in ${dataDir} is not unlocked: open it with its passphrase or OS keystore first.`);
  return keys;
}

/** Writes a private key file sealed with the office's key-file key; `purpose` names what it is. */
export function writeSealedKeyFile(dataDir: string, file: string, purpose: string, plain: string, opts: { exclusive?: boolean } = {}): void {
  writeOwnerOnlyFile(file, seal(officeKeysOf(dataDir).seal, `key-file ${purpose}`, Buffer.from(plain, 'utf8')), opts);
}

export function readSealedKeyFile(dataDir: string, file: string, purpose: string): string {
  const plain = unseal(officeKeysOf(dataDir).seal, `key-file ${purpose}`, readFileSync(file));
  if (!plain) {
    throw new AppError('UNLOCK_REFUSED', `The key file ${file} is not sealed by this office's key (altered, plaintext, or copied from another office).`, { file });
  }
  return plain.toString('utf8');
}
