import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { officeKeysOf, readSealedKeyFile, writeSealedKeyFile } from '../../keys/officeSeal';
import { ownerOnlyDir } from '../../keys/ownerOnly';
import { rosterKeys } from '../../store/syncStore';
import type { CoreContext } from '../context';

// The office's Ed25519 signing key. The private key lives in <dataDir>/keys/office-signing.pem,
// sealed (AES-256-GCM) with a key derived from the office's data-encryption key, which only the OS
// keystore or the office unlock passphrase opens (electron/keys): the file alone is useless.

export interface OfficeKey {
  keyId: string;
  privateKey: KeyObject;
  publicKeyPem: string;
}

/** A public key the console accepts signatures from: today only its own; the platform roster adds others. */
export interface TrustedKey {
  keyId: string;
  officeCode: string;
  officeName: string | null;
  publicKeyPem: string;
}

export const KEY_FILE = 'office-signing.pem';
const PURPOSE = 'office-signing';

const cache = new WeakMap<object, OfficeKey>();

/** Short, stable name of a public key: the first 16 hex digits of SHA-256 over its SPKI DER. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

/**
 * Creates the office signing key when the office has none yet. The core calls it once at start
 * (openCore): start-up may write; a read (verifying a report, signing a checkpoint) never creates
 * a key as a side effect.
 */
export function ensureOfficeSigningKey(ctx: Pick<CoreContext, 'dataDir'>): void {
  const dir = join(ctx.dataDir, 'keys');
  const file = join(dir, KEY_FILE);
  ownerOnlyDir(dir);
  if (existsSync(file)) return;
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    // Exclusive: two processes starting at once must not overwrite each other's key.
    writeSealedKeyFile(ctx.dataDir, file, PURPOSE, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { exclusive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** The office key, as created at start; a missing file is an error, never a reason to make one. */
export function officeSigningKey(ctx: Pick<CoreContext, 'dataDir'>): OfficeKey {
  // Cached per unlock of the office: a locked office has no signing key, and each opening reads
  // (and checks) the sealed file afresh.
  const cacheKey = officeKeysOf(ctx.dataDir);
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const file = join(ctx.dataDir, 'keys', KEY_FILE);
  if (!existsSync(file)) throw new Error(`The office signing key ${file} is missing; restart the console to create one, or restore the keys from a backup.`);
  const privateKey = createPrivateKey(readSealedKeyFile(ctx.dataDir, file, PURPOSE));
  const publicKey = createPublicKey(privateKey);
  const key: OfficeKey = { keyId: keyIdOf(publicKey), privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  cache.set(cacheKey, key);
  return key;
}

/**
 * Keys whose signatures verify here: the office's own, and the active keys of the platform's
 * roster of other offices (kept by the sync module). A revoked roster key is not trusted.
 */
export async function trustedOfficeKeys(ctx: Pick<CoreContext, 'dataDir' | 'office' | 'db'>): Promise<TrustedKey[]> {
  const own = officeSigningKey(ctx);
  const keys: TrustedKey[] = [{ keyId: own.keyId, officeCode: ctx.office.code, officeName: ctx.office.name, publicKeyPem: own.publicKeyPem }];
  for (const k of await rosterKeys(ctx.db)) {
    if (k.status !== 'active' || k.key_id === own.keyId) continue;
    keys.push({ keyId: k.key_id, officeCode: k.office_code, officeName: k.office_name, publicKeyPem: k.public_key_pem });
  }
  return keys;
}
