// Verification order (bundle-security.md property 5): framing and caps, signature against
// pinned keys, header, signer purpose, recipient, keyring version, sequence and freshness, ciphertext
// length and hash, key check — and only then decryption, manifest, files and content.
import type { KeyObject } from 'node:crypto';
import { manifestExtent, readArchive, readManifest } from './archive';
import type { ArchiveFile } from './archive';
import { classify, trustedNow, verdictError } from './channel';
import type { ChannelKey, ChannelState } from './channel';
import { readContainerHead, sourceOf } from './container';
import type { ByteSource } from './container';
import { createHash } from 'node:crypto';
import { fail } from './errors';
import { detail } from '../../../shared/i18n/refusalDetails';
import { resolveLimits } from './format';
import type { Limits, Purpose } from './format';
import { parseHeader } from './header';
import type { BundleHeader } from './header';
import { parseJsonLines } from './jsonLines';
import { verifyKeyringUpdate } from './keyring';
import type { Keyring } from './keyring';
import { fingerprint, keyIdOf, publicKeyFromRaw, rawPublicKey, sha256Hex, verifyBytes } from './keys';
import { pae } from './pae';
import { headerPayloadType } from './format';
import type { Manifest, SchemaSupport } from './manifest';
import { checkSigner, verifyHeaderSignature } from './signature';
import { openStream, openStreamPrefix, recipientPayloadKey } from './stream';

export interface OpenContext {
  keyring: Keyring;
  recipient: { name: string; privateKey: KeyObject };
  /** Last applied state for the bundle's (sender, recipient, channel); null if none yet. */
  channelState: (key: ChannelKey) => ChannelState | null;
  /** System clock; the trusted now is the later of this and newestVerifiedCreatedAt. */
  now: Date;
  newestVerifiedCreatedAt?: Date | null;
  expectPurpose?: Purpose;
  /**
   * Called with the purpose once the signature verified and the header parsed, before anything
   * else is looked at: a caller's own rule about which purposes it takes.
   */
  checkPurpose?: (purpose: Purpose) => void;
  supportsSchema: SchemaSupport;
  limits?: Partial<Limits>;
}

export interface OpenedFile extends ArchiveFile { records: unknown[] }

/** What the checks before decryption established (bundle-security.md 5). */
export interface CheckedEnvelope {
  header: BundleHeader;
  bundleHash: string;
  channel: ChannelKey;
  trustedNow: Date;
  limits: Limits;
  /** The bundle's bytes; the ciphertext is `ciphertextLength` bytes from `ciphertextOffset`. */
  source: ByteSource;
  ciphertextOffset: number;
  ciphertextLength: number;
  payloadKey: Buffer;
}

/** Pieces in which a file's ciphertext is hashed (memory stays at one piece). */
const HASH_PIECE = 4 * 1024 * 1024;

export interface OpenedBundle {
  header: BundleHeader;
  bundleHash: string;
  channel: ChannelKey;
  trustedNow: Date;
  manifest: Manifest;
  files: Map<string, OpenedFile>;
  /** Set for keyring bundles: the verified next keyring, to be stored by the caller. */
  newKeyring?: Keyring;
}

export const KEYRING_FILE = 'keyring.jsonl';

/**
 * The header of a bundle whose signature verifies under a pinned key, for labelling a history
 * row; null when it does not verify (an unauthenticated header is never read, not even for a label).
 */
export function verifiedHeader(input: Buffer | string, keyring: Keyring, limits?: Partial<Limits>): { header: BundleHeader; bundleHash: string } | null {
  try {
    const lim = resolveLimits(limits);
    const c = headOf(input, lim);
    verifyHeaderSignature(c, keyring);
    return { header: parseHeader(c.headerBytes, lim), bundleHash: sha256Hex(c.headerBytes) };
  } catch {
    return null;
  }
}

/**
 * The header of a bundle whose signature verifies under one given key (not the keyring), for
 * recognising a file the office itself signed, such as its own export picked for import.
 */
export function headerSignedBy(input: Buffer | string, rawEd25519: Buffer, purpose: Purpose, limits?: Partial<Limits>): BundleHeader | null {
  try {
    const lim = resolveLimits(limits);
    const c = headOf(input, lim);
    if (!verifyBytes(publicKeyFromRaw('ed25519', rawEd25519), pae(headerPayloadType(purpose, c.version), c.headerBytes), c.signature)) return null;
    return parseHeader(c.headerBytes, lim);
  } catch {
    return null;
  }
}

/** For tools and tests that make bundles: the header as written, without any check. */
export function inspectBundle(input: Buffer | string, limits?: Partial<Limits>): { header: BundleHeader; bundleHash: string; keyIdHint: string } {
  const lim = resolveLimits(limits);
  const c = headOf(input, lim);
  return { header: parseHeader(c.headerBytes, lim), bundleHash: sha256Hex(c.headerBytes), keyIdHint: c.keyIdHint.toString('hex') };
}

/**
 * Every check that needs no decryption, in the order of docs/bundle-format.md §11: framing and
 * caps, signature (before the header is parsed), header, signer, the caller's purpose rule, the
 * file's own length against the signed length (a damaged or concatenated file is named as such
 * before any channel rule speaks), recipient, keyring version, sequence and freshness,
 * ciphertext hash, key check.
 */
export function checkEnvelope(input: Buffer | string | ByteSource, ctx: OpenContext): CheckedEnvelope {
  const lim = resolveLimits(ctx.limits);
  const src = sourceOf(input, lim);
  const c = readContainerHead(src, lim);
  const signature = verifyHeaderSignature(c, ctx.keyring);
  const header = parseHeader(c.headerBytes, lim);
  checkSigner(signature, header, c.version);
  ctx.checkPurpose?.(header.purpose);
  if (ctx.expectPurpose && header.purpose !== ctx.expectPurpose) fail('BUNDLE_WRONG_PURPOSE', { actual: header.purpose, expected: ctx.expectPurpose });
  if (c.ciphertextLength < header.ciphertext.length) fail('BUNDLE_TRUNCATED');
  if (c.ciphertextLength > header.ciphertext.length) fail('BUNDLE_TRAILING_DATA');
  const bundleHash = sha256Hex(c.headerBytes);

  const ourKeyId = keyIdOf(rawPublicKey(ctx.recipient.privateKey));
  if (header.recipient.name !== ctx.recipient.name) fail('BUNDLE_RECIPIENT_MISMATCH', { recipient: header.recipient.name });
  if (header.recipient.keyId !== ourKeyId) fail('BUNDLE_RECIPIENT_KEY_MISMATCH', { fingerprint: fingerprint(header.recipient.keyId.slice(0, 16)) });
  if (header.keyringVersion > ctx.keyring.version) fail('BUNDLE_KEYRING_OUTDATED', { version: header.keyringVersion, local: ctx.keyring.version });

  const channel: ChannelKey = { sender: header.sender.name, recipient: header.recipient.name, channel: header.channel };
  const now = trustedNow(ctx.now, ctx.newestVerifiedCreatedAt);
  const claims = { sequence: header.sequence, prevHash: header.prevHash, bundleHash, createdAt: new Date(header.createdAt), expiresAt: new Date(header.expiresAt) };
  const refusal = verdictError(classify(ctx.channelState(channel), claims, now, lim.maxFutureSkewMs), claims);
  if (refusal) throw refusal;

  const hash = createHash('sha256');
  for (let off = 0; off < c.ciphertextLength; off += HASH_PIECE) hash.update(src.read(c.ciphertextOffset + off, Math.min(HASH_PIECE, c.ciphertextLength - off)));
  if (hash.digest('hex') !== header.ciphertext.sha256) fail('BUNDLE_CIPHERTEXT_HASH_MISMATCH');
  const binding = { purpose: header.purpose, bundleId: header.bundleId, senderKeyId: header.sender.keyId, recipientKeyId: ourKeyId };
  const payloadKey = recipientPayloadKey(ctx.recipient.privateKey, Buffer.from(header.encryption.ephemeralPublicKey, 'hex'),
    Buffer.from(header.encryption.keyCheck, 'hex'), binding);
  return { header, bundleHash, channel, trustedNow: now, limits: lim, source: src, ciphertextOffset: c.ciphertextOffset, ciphertextLength: c.ciphertextLength, payloadKey };
}

/** The ciphertext whole (tools, tests and the reference platform; the office streams it). */
const ciphertextOf = (env: CheckedEnvelope): Buffer => env.source.read(env.ciphertextOffset, env.ciphertextLength);

/** The manifest only (what a preview shows), decrypting no more chunks than it spans. */
export function previewManifest(env: CheckedEnvelope, supportsSchema: SchemaSupport): Manifest {
  const head = openStreamPrefix(env.payloadKey, env.source, env.ciphertextOffset, env.ciphertextLength, (h) => manifestExtent(h, env.limits));
  try {
    return readManifest(head, env.header.bundleId, env.limits, supportsSchema);
  } finally {
    head.fill(0);
  }
}

/** Decrypts and checks the whole content: archive, manifest, files, JSON lines, record counts. */
export function openContent(env: CheckedEnvelope, ctx: Pick<OpenContext, 'keyring' | 'supportsSchema'>): OpenedBundle {
  const { header, limits: lim } = env;
  const plain = openStream(env.payloadKey, ciphertextOf(env));
  try {
    const { manifest, files: archived } = readArchive(plain, header.bundleId, lim, ctx.supportsSchema);
    const files = new Map<string, OpenedFile>();
    for (const [name, f] of archived) {
      const parsed = parseJsonLines(name, f.data, lim);
      if (parsed.envelope.schema !== f.entry.schema || parsed.envelope.schemaVersion !== f.entry.schemaVersion) {
        fail('BUNDLE_MANIFEST_MALFORMED', detail('schema_differs', { file: name }));
      }
      if (parsed.records.length !== f.entry.records) fail('BUNDLE_RECORD_COUNT_MISMATCH', { name });
      files.set(name, { ...f, records: parsed.records });
    }
    const opened: OpenedBundle = { header, bundleHash: env.bundleHash, channel: env.channel, trustedNow: env.trustedNow, manifest, files };
    if (header.purpose === 'keyring') opened.newKeyring = keyringFrom(files, ctx.keyring);
    return opened;
  } catch (e) {
    plain.fill(0); // best effort: no plaintext lingers after a refusal
    throw e;
  }
}

export function openBundle(input: Buffer | string, ctx: OpenContext): OpenedBundle {
  const src = sourceOf(input, resolveLimits(ctx.limits));
  try {
    return openContent(checkEnvelope(src, ctx), ctx);
  } finally {
    src.close();
  }
}

/** The header bytes, hint and signature of a bundle, read from its first bytes only. */
function headOf(input: Buffer | string, lim: Limits): ReturnType<typeof readContainerHead> {
  const src = sourceOf(input, lim);
  try {
    return readContainerHead(src, lim);
  } finally {
    src.close();
  }
}

function keyringFrom(files: Map<string, OpenedFile>, current: Keyring): Keyring {
  const f = files.get(KEYRING_FILE);
  if (!f || f.entry.schema !== 'keyring' || f.records.length !== 1 || files.size !== 1) {
    return fail('BUNDLE_KEYRING_MALFORMED', detail('keyring_bundle_shape', { file: KEYRING_FILE }));
  }
  return verifyKeyringUpdate(current, f.records[0]);
}
