// Constants shared by writer, reader and docs/bundle-format.md; change them only with a new
// format version, because the platform side implements the same numbers from the document.

export const MAGIC = Buffer.from('CDBUNDLE', 'ascii');
export const FORMAT_VERSION = 1;
export const SUPPORTED_FORMAT_VERSIONS: readonly number[] = [1];

/** magic(8) + version(2) + flags(2) + header length(4) */
export const PREAMBLE_BYTES = 16;
/** signature count(1) + key id hint(32) + Ed25519 signature(64) */
export const SIGNATURE_BLOCK_BYTES = 97;
export const KEY_ID_BYTES = 32;
export const SIGNATURE_BYTES = 64;

export const CHUNK_SIZE = 64 * 1024;
export const TAG_BYTES = 16;
export const ENCRYPTION_ALG = 'X25519-HKDF-SHA256-AES256GCM-64K';

export const ARCHIVE_MAGIC = Buffer.from('CDARCHV1', 'ascii');
export const MANIFEST_VERSION = 1;

export const PURPOSES = ['update', 'export', 'keyring'] as const;
export type Purpose = (typeof PURPOSES)[number];

export const KEY_PURPOSES = [
  'keyring-root',
  'platform-update-signing',
  'office-export-signing',
  'platform-encryption',
  'office-encryption',
] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

/** Which keyring purpose may sign a bundle of a given purpose (minisign-style namespacing). */
export const SIGNER_PURPOSE: Record<Purpose, KeyPurpose> = {
  update: 'platform-update-signing',
  export: 'office-export-signing',
  keyring: 'keyring-root',
};

/** DSSE payload types; they carry the format version so a v1 signature cannot verify as v2. */
export function headerPayloadType(purpose: Purpose, version = FORMAT_VERSION): string {
  return `application/vnd.creditdesk.bundle-header.${purpose}.v${version}+json`;
}
export const KEYRING_PAYLOAD_TYPE = 'application/vnd.creditdesk.keyring.v1+json';

export interface Limits {
  maxBundleBytes: number;
  maxHeaderBytes: number;
  maxManifestBytes: number;
  maxFiles: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  maxRecords: number;
  maxJsonDepth: number;
  maxStringLength: number;
  maxLineBytes: number;
  maxFutureSkewMs: number;
  maxValidityMs: number;
  maxKeyringKeys: number;
}

// The office reads a bundle as a stream (contentStream.ts), so memory does not grow with these
// caps: they are sized for a snapshot of a city of 10 million subjects (about 50 million records)
// and still refuse a declared size of terabytes before a byte of it is read.
const GiB = 1024 * 1024 * 1024;
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBundleBytes: 64 * GiB,
  maxHeaderBytes: 64 * 1024,
  maxManifestBytes: 1024 * 1024,
  maxFiles: 256,
  maxFileBytes: 32 * GiB,
  maxTotalBytes: 48 * GiB,
  maxRecords: 100_000_000,
  maxJsonDepth: 32,
  maxStringLength: 64 * 1024,
  maxLineBytes: 1024 * 1024,
  maxFutureSkewMs: 24 * 3600_000,
  maxValidityMs: 400 * 24 * 3600_000,
  maxKeyringKeys: 64,
});

export function resolveLimits(partial?: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...partial };
}
