import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rosterKeys } from '../store/syncStore';
import type { CoreContext } from './context';

// The office's Ed25519 signing key. The private key lives in <dataDir>/keys/office-signing.pem,
// readable by the owner only; in Electron the shell installs a wrapper (OS keystore via
// safeStorage) so that the file alone is useless on another machine or account.

export interface KeyWrapper {
  wrap(pem: string): Buffer;
  unwrap(data: Buffer): string;
}

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

const WRAPPED_MAGIC = 'CREDITDESK-WRAPPED-KEY v1\n';
export const KEY_FILE = 'office-signing.pem';

let wrapper: KeyWrapper | null = null;
const cache = new Map<string, OfficeKey>();

/** Called once by the Electron shell; browser mode and tests keep the plain 0600 file. */
export function useKeyWrapper(w: KeyWrapper | null): void {
  wrapper = w;
  cache.clear();
}

/** Short, stable name of a public key: the first 16 hex digits of SHA-256 over its SPKI DER. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

function readPrivatePem(file: string): string {
  const raw = readFileSync(file);
  if (raw.subarray(0, WRAPPED_MAGIC.length).toString('utf8') === WRAPPED_MAGIC) {
    if (!wrapper) throw new Error('The office signing key is wrapped by the OS keystore; open it in the desktop app.');
    return wrapper.unwrap(Buffer.from(raw.subarray(WRAPPED_MAGIC.length).toString('utf8'), 'base64'));
  }
  return raw.toString('utf8');
}

function writePrivatePem(file: string, pem: string): void {
  const body = wrapper ? Buffer.concat([Buffer.from(WRAPPED_MAGIC), Buffer.from(wrapper.wrap(pem).toString('base64'))]) : Buffer.from(pem);
  // 'wx': two processes racing on first use must not overwrite each other's key.
  writeFileSync(file, body, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
}

/** The office key, created on first need. */
export function officeSigningKey(ctx: Pick<CoreContext, 'dataDir'>): OfficeKey {
  const cached = cache.get(ctx.dataDir);
  if (cached) return cached;
  const dir = join(ctx.dataDir, 'keys');
  const file = join(dir, KEY_FILE);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('ed25519');
    try {
      writePrivatePem(file, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  const privateKey = createPrivateKey(readPrivatePem(file));
  const publicKey = createPublicKey(privateKey);
  const key: OfficeKey = { keyId: keyIdOf(publicKey), privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
  cache.set(ctx.dataDir, key);
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
