// Writer used by both sides. Exports go to disk as temp file + fsync + rename, so a crash or a
// full disk never leaves a half bundle under the final name (bundle-security.md property 9).
import { randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { buildArchive } from './archive';
import { encodeContainer } from './container';
import { CHUNK_SIZE, ENCRYPTION_ALG, FORMAT_VERSION, headerPayloadType } from './format';
import type { Purpose } from './format';
import { encodeHeader } from './header';
import type { BundleHeader } from './header';
import { encodeJsonLines } from './jsonLines';
import { keyIdOf, publicKeyFromRaw, rawPublicKey, sha256Hex, signBytes } from './keys';
import type { SigningKeyPair } from './keys';
import { pae } from './pae';
import { encryptToRecipient } from './stream';

export interface BundleFileInput {
  name: string;
  schema: string;
  schemaVersion: number;
  records: readonly unknown[];
  compress?: boolean;
}

export interface BundleEnvelopeOptions {
  purpose: Purpose;
  channel: string;
  sequence: number;
  prevHash: string | null;
  createdAt: Date;
  expiresAt: Date;
  sender: { name: string; key: SigningKeyPair };
  recipient: { name: string; publicKey: KeyObject | Buffer };
  keyringVersion: number;
  bundleId?: string;
}

export interface WriteBundleOptions extends BundleEnvelopeOptions { files: readonly BundleFileInput[] }

export interface WrittenBundle { bytes: Buffer; header: BundleHeader; bundleHash: string }

/** Encrypts an already-built inner archive and signs the header. */
export function sealBundle(o: BundleEnvelopeOptions, plaintext: Buffer): WrittenBundle {
  const recipientKey = Buffer.isBuffer(o.recipient.publicKey) ? publicKeyFromRaw('x25519', o.recipient.publicKey) : o.recipient.publicKey;
  const recipientKeyId = keyIdOf(rawPublicKey(recipientKey));
  const bundleId = o.bundleId ?? randomBytes(16).toString('hex');
  const binding = { purpose: o.purpose, bundleId, senderKeyId: o.sender.key.keyId, recipientKeyId };
  const sealed = encryptToRecipient(recipientKey, binding, plaintext);
  const header: BundleHeader = {
    format: 'creditdesk-bundle',
    formatVersion: FORMAT_VERSION,
    bundleId,
    purpose: o.purpose,
    channel: o.channel,
    sequence: o.sequence,
    prevHash: o.prevHash,
    createdAt: o.createdAt.toISOString(),
    expiresAt: o.expiresAt.toISOString(),
    sender: { name: o.sender.name, keyId: o.sender.key.keyId },
    recipient: { name: o.recipient.name, keyId: recipientKeyId },
    keyringVersion: o.keyringVersion,
    encryption: {
      alg: ENCRYPTION_ALG,
      chunkSize: CHUNK_SIZE,
      ephemeralPublicKey: sealed.ephemeralPublic.toString('hex'),
      keyCheck: sealed.keyCheck.toString('hex'),
    },
    ciphertext: { length: sealed.ciphertext.length, sha256: sha256Hex(sealed.ciphertext) },
  };
  const headerBytes = encodeHeader(header);
  const signature = signBytes(o.sender.key, pae(headerPayloadType(o.purpose), headerBytes));
  const bytes = encodeContainer(headerBytes, Buffer.from(o.sender.key.keyId, 'hex'), signature, sealed.ciphertext);
  return { bytes, header, bundleHash: sha256Hex(headerBytes) };
}

export function writeBundle(o: WriteBundleOptions): WrittenBundle {
  const bundleId = o.bundleId ?? randomBytes(16).toString('hex');
  const archive = buildArchive(bundleId, o.files.map((f) => ({
    name: f.name,
    schema: f.schema,
    schemaVersion: f.schemaVersion,
    records: f.records.length,
    data: encodeJsonLines(f.schema, f.schemaVersion, f.records),
    ...(f.compress ? { compress: true } : {}),
  })));
  return sealBundle({ ...o, bundleId }, archive);
}

/** Writes next to the target, flushes, then renames; the temp file never outlives a failure. */
export function writeBundleFile(path: string, o: WriteBundleOptions): WrittenBundle {
  const written = writeBundle(o);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      for (let off = 0; off < written.bytes.length;) off += writeSync(fd, written.bytes, off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  syncDirectory(dirname(path));
  return written;
}

function syncDirectory(dir: string): void {
  // Makes the rename durable on POSIX; Windows cannot open a directory, and NTFS journals it.
  try {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch {
    /* best effort */
  }
}
