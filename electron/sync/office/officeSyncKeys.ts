// The office's two sync keys, one per purpose (TUF): X25519 to receive update bundles and Ed25519
// to sign exports. Kept as PKCS#8 PEM beside the report key in <dataDir>/keys/, owner-only and
// sealed with the office's key-file key (electron/keys/officeSeal), so a copied file is useless. They
// are distinct from the report-signing key so that a leaked export key cannot forge reports.
import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readSealedKeyFile, writeSealedKeyFile } from '../../keys/officeSeal';
import { ownerOnlyDir } from '../../keys/ownerOnly';
import { exportPrivateKeyPem, generateEncryptionKeyPair, generateSigningKeyPair, importKeyPairPem } from '../bundle/index';
import type { EncryptionKeyPair, SigningKeyPair } from '../bundle/index';

export const ENCRYPTION_KEY_FILE = 'sync-encryption.pem';
export const EXPORT_SIGNING_KEY_FILE = 'sync-export-signing.pem';

export interface OfficeSyncKeys { encryption: EncryptionKeyPair; exportSigning: SigningKeyPair }

const keyDir = (dataDir: string): string => join(dataDir, 'keys');

function loadOrCreate<T>(dataDir: string, name: string, make: () => T & { privateKey: KeyObject }, pem: (k: T) => string): T {
  const file = join(keyDir(dataDir), name);
  if (!existsSync(file)) {
    const k = make();
    try {
      writeSealedKeyFile(dataDir, file, name, pem(k), { exclusive: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  return importKeyPairPem(readSealedKeyFile(dataDir, file, name)) as unknown as T;
}

/** Creates the keys on first need (provisioning) and loads them afterwards. */
export function officeSyncKeys(dataDir: string): OfficeSyncKeys {
  ownerOnlyDir(keyDir(dataDir));
  const encryption = loadOrCreate<EncryptionKeyPair>(dataDir, ENCRYPTION_KEY_FILE, generateEncryptionKeyPair, exportPrivateKeyPem);
  const exportSigning = loadOrCreate<SigningKeyPair>(dataDir, EXPORT_SIGNING_KEY_FILE, generateSigningKeyPair, exportPrivateKeyPem);
  if (encryption.algorithm !== 'x25519' || exportSigning.algorithm !== 'ed25519') throw new Error('sync key files hold the wrong key types');
  return { encryption, exportSigning };
}
