import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors';
import { deriveOfficeKeys, officeKeyIdOf, type OfficeKeys } from './derive';
import { writeOwnerOnlyFile } from './ownerOnly';

// <dataDir>/keys/office.key: the office's random data-encryption key (DEK), wrapped by a key
// encryption key (KEK) that never touches the disk: the OS keystore (desktop app) or a key derived
// by scrypt from the office unlock passphrase. The file alone opens nothing.

export const OFFICE_KEY_FILE = 'office.key';
const FORMAT = 'creditdesk-office-key';

/** The OS keystore as the Electron shell offers it (safeStorage's async API); never imported here. */
export interface OsKeystore {
  backend: string;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(blob: Buffer): Promise<string>;
}

export type OfficeUnlock =
  | {
      kind: 'passphrase';
      passphrase: string;
      /**
       * scrypt cost as log2(N) for a key file created now (an existing file keeps its own). Only
       * the test suite lowers it; everything else gets the default.
       */
      scryptLogN?: number;
    }
  | { kind: 'os-keystore'; keystore: OsKeystore };

interface PassphraseSlot {
  kind: 'passphrase';
  kdf: { name: 'scrypt'; logN: number; r: number; p: number; salt: string };
  iv: string;
  tag: string;
  wrapped: string;
}
interface KeystoreSlot {
  kind: 'os-keystore';
  backend: string;
  blob: string;
}
interface KeyFileBody {
  format: typeof FORMAT;
  formatVersion: 1;
  keyId: string;
  demo: boolean;
  slots: (PassphraseSlot | KeystoreSlot)[];
}

// 128 MiB, once per start (not per login): 3.9–4.2 s measured on the shared 2-core build machine at
// load average 20; the cost a guesser pays per try.
export const DEFAULT_SCRYPT_LOG_N = 17;
export const MIN_PASSPHRASE_LENGTH = 12;
/** The demo office's passphrase is public (printed at start); it unlocks only a key file flagged demo. */
export const DEMO_PASSPHRASE = 'creditdesk-demo-office';

export function officeKeyPath(dataDir: string): string {
  return join(dataDir, 'keys', OFFICE_KEY_FILE);
}

function scrypt(passphrase: string, salt: Buffer, kdf: PassphraseSlot['kdf']): Promise<Buffer> {
  const N = 2 ** kdf.logN;
  const opts: ScryptOptions = { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r + 16 * 1024 * 1024 };
  // Async: scrypt runs on libuv's pool, never on the main thread.
  return new Promise((resolve, reject) => scryptCb(passphrase.normalize('NFC'), salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

function aad(keyId: string, demo: boolean): Buffer {
  return Buffer.from(`${FORMAT} v1 ${keyId} demo=${demo ? 1 : 0}`, 'utf8');
}

async function passphraseSlot(dek: Buffer, keyId: string, demo: boolean, passphrase: string, logN: number): Promise<PassphraseSlot> {
  const kdf = { name: 'scrypt' as const, logN, r: 8, p: 1, salt: randomBytes(16).toString('base64') };
  const kek = await scrypt(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, iv);
  c.setAAD(aad(keyId, demo));
  const wrapped = Buffer.concat([c.update(dek), c.final()]);
  return { kind: 'passphrase', kdf, iv: iv.toString('base64'), tag: c.getAuthTag().toString('base64'), wrapped: wrapped.toString('base64') };
}

async function openPassphraseSlot(slot: PassphraseSlot, body: KeyFileBody, passphrase: string): Promise<Buffer | null> {
  const kek = await scrypt(passphrase, Buffer.from(slot.kdf.salt, 'base64'), slot.kdf);
  const d = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
  d.setAAD(aad(body.keyId, body.demo));
  d.setAuthTag(Buffer.from(slot.tag, 'base64'));
  try {
    return Buffer.concat([d.update(Buffer.from(slot.wrapped, 'base64')), d.final()]);
  } catch {
    return null;
  }
}

function refuse(message: string, details: Record<string, unknown> = {}): never {
  throw new AppError('UNLOCK_REFUSED', message, details);
}

export function checkNewPassphrase(passphrase: string, demo: boolean): void {
  if (demo) return;
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new AppError('WEAK_PASSWORD', `The office passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters.`, { min: MIN_PASSPHRASE_LENGTH });
  }
  if (passphrase === DEMO_PASSPHRASE) throw new AppError('WEAK_PASSWORD', 'The demo passphrase is public; choose another for a real office.');
}

/** Creates the key file of a new office: a fresh DEK wrapped by the given unlock method. */
export async function createOfficeKeyFile(dataDir: string, unlock: OfficeUnlock, demo: boolean): Promise<OfficeKeys> {
  const dek = randomBytes(32);
  const keyId = officeKeyIdOf(dek);
  let slot: PassphraseSlot | KeystoreSlot;
  if (unlock.kind === 'passphrase') {
    checkNewPassphrase(unlock.passphrase, demo);
    slot = await passphraseSlot(dek, keyId, demo, unlock.passphrase, unlock.scryptLogN ?? DEFAULT_SCRYPT_LOG_N);
  } else {
    slot = { kind: 'os-keystore', backend: unlock.keystore.backend, blob: (await unlock.keystore.encrypt(dek.toString('base64'))).toString('base64') };
  }
  const body: KeyFileBody = { format: FORMAT, formatVersion: 1, keyId, demo, slots: [slot] };
  writeOwnerOnlyFile(officeKeyPath(dataDir), `${JSON.stringify(body, null, 2)}\n`, { exclusive: true });
  return deriveOfficeKeys(dek, { demo, unlockedBy: unlock.kind });
}

function readKeyFile(dataDir: string): KeyFileBody {
  const file = officeKeyPath(dataDir);
  let body: KeyFileBody;
  try {
    body = JSON.parse(readFileSync(file, 'utf8')) as KeyFileBody;
  } catch (err) {
    return refuse(`The office key file ${file} cannot be read (${(err as Error).message}); restore keys/${OFFICE_KEY_FILE} from the office's backup.`, { file });
  }
  if (body?.format !== FORMAT || body.formatVersion !== 1 || !Array.isArray(body.slots) || typeof body.keyId !== 'string') {
    refuse(`${file} is not a CreditDesk office key file.`, { file });
  }
  return body;
}

export function officeKeyFileExists(dataDir: string): boolean {
  return existsSync(officeKeyPath(dataDir));
}

/** The unlock methods an existing key file accepts, for the start-up prompt's wording. */
export function officeKeyFileInfo(dataDir: string): { demo: boolean; kinds: ('passphrase' | 'os-keystore')[] } {
  const body = readKeyFile(dataDir);
  return { demo: body.demo === true, kinds: body.slots.map((s) => s.kind) };
}

/** Unwraps the DEK; a wrong passphrase or a keystore of another machine/account is refused. */
export async function unlockOfficeKeyFile(dataDir: string, unlock: OfficeUnlock): Promise<OfficeKeys> {
  const body = readKeyFile(dataDir);
  const demo = body.demo === true;
  let dek: Buffer | null = null;
  if (unlock.kind === 'passphrase') {
    const slots = body.slots.filter((s): s is PassphraseSlot => s.kind === 'passphrase');
    if (slots.length === 0) {
      refuse("This office's key is held by the desktop app's OS keystore and has no unlock passphrase; open it in the desktop app.", { method: 'passphrase' });
    }
    if (!demo && unlock.passphrase === DEMO_PASSPHRASE) refuse('The demo passphrase does not open a real office.');
    for (const s of slots) dek ??= await openPassphraseSlot(s, body, unlock.passphrase);
    if (!dek) refuse('The office passphrase is wrong. Nothing was opened; try again.', { method: 'passphrase' });
  } else {
    const slots = body.slots.filter((s): s is KeystoreSlot => s.kind === 'os-keystore');
    if (slots.length === 0) refuse("This office is opened with its unlock passphrase, not the OS keystore: start with --passphrase-file or type it when asked.", { method: 'os-keystore' });
    for (const s of slots) {
      if (dek) break;
      try {
        dek = Buffer.from(await unlock.keystore.decrypt(Buffer.from(s.blob, 'base64')), 'base64');
      } catch {
        dek = null;
      }
    }
    if (!dek) refuse("The OS keystore of this computer and account cannot unwrap this office's key (was the data directory copied from another computer?).", { method: 'os-keystore' });
  }
  if (dek.length !== 32 || officeKeyIdOf(dek) !== body.keyId) refuse('The office key file is damaged: the unwrapped key does not match its id.');
  return deriveOfficeKeys(dek, { demo, unlockedBy: unlock.kind });
}
