// The office's two sync keys, one per purpose (TUF): X25519 to receive update bundles and Ed25519
// to sign exports. Kept as PKCS#8 PEM beside the report key in <dataDir>/keys/, owner-only. They
// are distinct from the report-signing key so that a leaked export key cannot forge reports.
import type { KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportPrivateKeyPem, generateEncryptionKeyPair, generateSigningKeyPair, importKeyPairPem } from '../bundle/index';
import type { EncryptionKeyPair, SigningKeyPair } from '../bundle/index';

export const ENCRYPTION_KEY_FILE = 'sync-encryption.pem';
export const EXPORT_SIGNING_KEY_FILE = 'sync-export-signing.pem';

export interface OfficeSyncKeys { encryption: EncryptionKeyPair; exportSigning: SigningKeyPair }

const keyDir = (dataDir: string): string => join(dataDir, 'keys');

function loadOrCreate<T>(file: string, make: () => T & { privateKey: KeyObject }, pem: (k: T) => string): T {
  if (!existsSync(file)) {
    const k = make();
    try {
      writeFileSync(file, pem(k), { mode: 0o600, flag: 'wx' });
      chmodSync(file, 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return importKeyPairPem(readFileSync(file, 'utf8')) as unknown as T;
}

/** Creates the keys on first need (provisioning) and loads them afterwards. */
export function officeSyncKeys(dataDir: string): OfficeSyncKeys {
  mkdirSync(keyDir(dataDir), { recursive: true, mode: 0o700 });
  const encryption = loadOrCreate<EncryptionKeyPair>(join(keyDir(dataDir), ENCRYPTION_KEY_FILE), generateEncryptionKeyPair, exportPrivateKeyPem);
  const exportSigning = loadOrCreate<SigningKeyPair>(join(keyDir(dataDir), EXPORT_SIGNING_KEY_FILE), generateSigningKeyPair, exportPrivateKeyPem);
  if (encryption.algorithm !== 'x25519' || exportSigning.algorithm !== 'ed25519') throw new Error('sync key files hold the wrong key types');
  return { encryption, exportSigning };
}
