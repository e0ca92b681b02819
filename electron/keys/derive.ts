import { hkdfSync } from 'node:crypto';

// Every key the office uses at rest comes from its one data-encryption key (DEK) through HKDF, one
// label per purpose, so no two purposes ever share key material and the key file wraps 32 bytes.

export interface OfficeKeys {
  /** SQLCipher raw key for every database file of the office. */
  db: Buffer;
  /** AES-256-GCM key for attachment files. */
  attachments: Buffer;
  /** HMAC-SHA-256 key of the audit chain. */
  audit: Buffer;
  /** AES-256-GCM key that seals the private key files in keys/. */
  seal: Buffer;
  /** HMAC-SHA-256 key of the tokens that make a browser or window a known login source (loginDevices.ts). */
  loginDevices: Buffer;
  /** Short public name of the DEK (not secret): ties a key file to its data directory. */
  keyId: string;
  /** The demo office, whose passphrase is printed; never a real office. */
  demo: boolean;
  unlockedBy: 'passphrase' | 'os-keystore';
}

function hkdf(dek: Buffer, label: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dek, Buffer.alloc(0), `creditdesk ${label} v1`, 32));
}

export function deriveOfficeKeys(dek: Buffer, meta: Pick<OfficeKeys, 'demo' | 'unlockedBy'>): OfficeKeys {
  return {
    db: hkdf(dek, 'database'),
    attachments: hkdf(dek, 'attachments'),
    audit: hkdf(dek, 'audit-chain'),
    seal: hkdf(dek, 'key-files'),
    loginDevices: hkdf(dek, 'login-devices'),
    keyId: officeKeyIdOf(dek),
    ...meta,
  };
}

export function officeKeyIdOf(dek: Buffer): string {
  return hkdf(dek, 'key-id').toString('hex').slice(0, 16);
}
