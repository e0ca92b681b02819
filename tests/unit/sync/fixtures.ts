// A small world for bundle tests: platform and two offices, keyring v1, and helpers that
// rebuild bundles the way a malicious or buggy sender holding real keys could.
import { generateEncryptionKeyPair, generateSigningKeyPair, keyringKeyFor, loadPinnedKeyring, signKeyring } from '../../../electron/sync/bundle/index';
import type { ChannelState, Keyring, KeyringDocument, OpenContext } from '../../../electron/sync/bundle/index';
import { sealBundle, writeBundle, type WriteBundleOptions } from '../../support/bundleBytes';
import { encodeContainer, splitContainer } from '../../../electron/sync/bundle/container';
import { resolveLimits, headerPayloadType } from '../../../electron/sync/bundle/format';
import { encodeHeader, parseHeader } from '../../../electron/sync/bundle/header';
import type { BundleHeader } from '../../../electron/sync/bundle/header';
import { sha256Hex, signBytes } from '../../../electron/sync/bundle/keys';
import type { SigningKeyPair } from '../../../electron/sync/bundle/keys';
import { pae } from '../../../electron/sync/bundle/pae';
import { deriveStreamKeys, openStream, recipientPayloadKey } from '../../../electron/sync/bundle/stream';
import { rawPublicKey } from '../../../electron/sync/bundle/keys';
import { encodeArchiveParts } from '../../../electron/sync/bundle/archive';
import type { RawEntry } from '../../../electron/sync/bundle/archive';
import { encodeJsonLines } from '../../../electron/sync/bundle/jsonLines';
import { diffieHellman, generateKeyPairSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export const OFFICE = '370306-02';
export const OTHER_OFFICE = '370306-05';
export const T0 = new Date('2026-11-21T08:00:00.000Z');
export const DAY = 86_400_000;

export const root1 = generateSigningKeyPair();
export const root2 = generateSigningKeyPair();
export const updateKey = generateSigningKeyPair();
export const update2Key = generateSigningKeyPair();
export const revokedKey = generateSigningKeyPair();
export const exportKey = generateSigningKeyPair();
export const officeEnc = generateEncryptionKeyPair();
export const otherEnc = generateEncryptionKeyPair();
export const strangerKey = generateSigningKeyPair();

export const keyringDoc1: KeyringDocument = {
  version: 1,
  issuedAt: '2026-11-01T00:00:00.000Z',
  rootThreshold: 2,
  keys: [
    keyringKeyFor(root1, 'keyring-root', 'platform'),
    keyringKeyFor(root2, 'keyring-root', 'platform'),
    keyringKeyFor(updateKey, 'platform-update-signing', 'platform'),
    keyringKeyFor(update2Key, 'platform-update-signing', 'platform'),
    { ...keyringKeyFor(revokedKey, 'platform-update-signing', 'platform'), status: 'revoked' },
    keyringKeyFor(exportKey, 'office-export-signing', OFFICE),
    keyringKeyFor(officeEnc, 'office-encryption', OFFICE),
    keyringKeyFor(otherEnc, 'office-encryption', OTHER_OFFICE),
  ],
};
export const signedKeyring1 = signKeyring(keyringDoc1, [root1, root2]);
export const keyring1: Keyring = loadPinnedKeyring(signedKeyring1);

export const SUBJECTS = [{ id: 's1', name: '张三' }, { id: 's2', name: '李四' }];

export function updateOptions(over: Partial<WriteBundleOptions> = {}): WriteBundleOptions {
  return {
    purpose: 'update',
    channel: 'update',
    sequence: 1,
    prevHash: null,
    createdAt: T0,
    expiresAt: new Date(T0.getTime() + 7 * DAY),
    sender: { name: 'platform', key: updateKey },
    recipient: { name: OFFICE, publicKey: officeEnc.publicKey },
    keyringVersion: 1,
    files: [{ name: 'subjects.jsonl', schema: 'subjects', schemaVersion: 1, records: SUBJECTS }],
    ...over,
  };
}

export function ctx(over: Partial<OpenContext> & { state?: ChannelState | null } = {}): OpenContext {
  const { state = null, ...rest } = over;
  return {
    keyring: keyring1,
    recipient: { name: OFFICE, privateKey: officeEnc.privateKey },
    channelState: () => state,
    now: new Date(T0.getTime() + 3600_000),
    supportsSchema: (schema, version) => ['subjects', 'records', 'keyring'].includes(schema) && version === 1,
    ...rest,
  };
}

export const goodBundle = async (over: Partial<WriteBundleOptions> = {}): Promise<Buffer> => (await writeBundle(updateOptions(over))).bytes;

/** Re-sign a bundle after changing its header: what a sender with a real key could produce. */
export function resign(bytes: Buffer, edit: (h: BundleHeader) => void, opts: { key?: SigningKeyPair; type?: string; ciphertext?: Buffer; hint?: string } = {}): Buffer {
  const c = splitContainer(bytes, resolveLimits());
  const h = parseHeader(c.headerBytes, resolveLimits());
  const ciphertext = opts.ciphertext ?? c.ciphertext;
  h.ciphertext = { length: ciphertext.length, sha256: sha256Hex(ciphertext) };
  edit(h);
  const headerBytes = encodeHeader(h);
  const key = opts.key ?? updateKey;
  const sig = signBytes(key, pae(opts.type ?? headerPayloadType(h.purpose), headerBytes));
  return encodeContainer(headerBytes, Buffer.from(opts.hint ?? key.keyId, 'hex'), sig, ciphertext);
}

/** Re-sign raw header bytes as given (for duplicate keys and other non-canonical headers). */
export function withRawHeader(bytes: Buffer, headerText: string, key: SigningKeyPair = updateKey): Buffer {
  const c = splitContainer(bytes, resolveLimits());
  const headerBytes = Buffer.from(headerText, 'utf8');
  const sig = signBytes(key, pae(headerPayloadType('update'), headerBytes));
  return encodeContainer(headerBytes, Buffer.from(key.keyId, 'hex'), sig, c.ciphertext);
}

export function headerOf(bytes: Buffer): BundleHeader {
  return parseHeader(splitContainer(bytes, resolveLimits()).headerBytes, resolveLimits());
}

export function headerText(bytes: Buffer): string {
  return splitContainer(bytes, resolveLimits()).headerBytes.toString('utf8');
}

/** Decrypts a good bundle and re-encrypts its plaintext with a custom chunk layout. */
export function restream(bytes: Buffer, make: (key: Buffer, plain: Buffer) => Buffer, to: KeyObject = officeEnc.publicKey): Buffer {
  const c = splitContainer(bytes, resolveLimits());
  const h = parseHeader(c.headerBytes, resolveLimits());
  const binding = { purpose: h.purpose, bundleId: h.bundleId, senderKeyId: h.sender.keyId, recipientKeyId: h.recipient.keyId };
  const oldKey = recipientPayloadKey(officeEnc.privateKey, Buffer.from(h.encryption.ephemeralPublicKey, 'hex'), Buffer.from(h.encryption.keyCheck, 'hex'), binding);
  const plain = openStream(oldKey, c.ciphertext);
  const eph = generateKeyPairSync('x25519');
  const ephRaw = rawPublicKey(eph.publicKey);
  const keys = deriveStreamKeys(diffieHellman({ privateKey: eph.privateKey, publicKey: to }), ephRaw, rawPublicKey(to), binding);
  const ciphertext = make(keys.payloadKey, plain);
  return resign(bytes, (x) => {
    x.encryption.ephemeralPublicKey = ephRaw.toString('hex');
    x.encryption.keyCheck = keys.keyCheck.toString('hex');
  }, { ciphertext });
}

export function bigRecords(n = 3000): { id: string; text: string }[] {
  return Array.from({ length: n }, (_, i) => ({ id: `r${i}`, text: `信用记录 ${i} `.repeat(4) }));
}

export const BUNDLE_ID = 'ab'.repeat(16);

/** Seals an arbitrary inner archive (manifest + entries) into an otherwise valid bundle. */
export function contentBundle(files: unknown[], entries: RawEntry[]): Buffer {
  const { files: _ignored, ...envelope } = updateOptions();
  return sealBundle({ ...envelope, bundleId: BUNDLE_ID }, encodeArchiveParts({ manifestVersion: 1, bundleId: BUNDLE_ID, files }, entries)).bytes;
}

export function entryFor(name: string, data: Buffer, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, size: data.length, sha256: sha256Hex(data), encoding: 'identity', schema: 'subjects', schemaVersion: 1, records: 2, ...over };
}

export const SUBJECTS_DATA = encodeJsonLines('subjects', 1, SUBJECTS);
