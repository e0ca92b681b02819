// Bundles for tests, made by the one writer (electron/sync/bundle/writeBundle.ts) and read back,
// and a sealer for inner archives the writer would never make (a malformed manifest, an entry
// named twice), whose header is made and signed by the writer's own signedFront.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { BundleHeader } from '../../electron/sync/bundle/header';
import { sha256Hex } from '../../electron/sync/bundle/keys';
import { encryptToRecipient } from '../../electron/sync/bundle/stream';
import { inMemory, recipientKeyOf, signedFront, writeBundleFile, type BundleEnvelopeOptions, type BundleFileInput } from '../../electron/sync/bundle/writeBundle';

export interface WriteBundleOptions extends BundleEnvelopeOptions { files: readonly BundleFileInput[] }
export interface BundleBytes { bytes: Buffer; header: BundleHeader; bundleHash: string }

/** A bundle as the writer writes it, in memory. */
export async function writeBundle(o: WriteBundleOptions): Promise<BundleBytes> {
  const dir = await mkdtemp(join(tmpdir(), 'cd-bundle-'));
  try {
    const path = join(dir, 'b.cdbundle');
    const { files, ...envelope } = o;
    const written = await writeBundleFile(path, envelope, files.map(inMemory));
    return { bytes: await readFile(path), ...written };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Encrypts an already-built inner archive, whatever it holds, and signs the header. */
export function sealBundle(o: BundleEnvelopeOptions, plaintext: Buffer): BundleBytes {
  const bundleId = o.bundleId ?? randomBytes(16).toString('hex');
  const recipient = recipientKeyOf(o);
  const sealed = encryptToRecipient(recipient.key, { purpose: o.purpose, bundleId, senderKeyId: o.sender.key.keyId, recipientKeyId: recipient.keyId }, plaintext);
  const { front, header, bundleHash } = signedFront(o, bundleId, sealed, { length: sealed.ciphertext.length, sha256: sha256Hex(sealed.ciphertext) });
  return { bytes: Buffer.concat([front, sealed.ciphertext]), header, bundleHash };
}
