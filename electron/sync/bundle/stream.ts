// age-style payload encryption (https://age-encryption.org/v1): a fresh X25519 key per bundle,
// HKDF-SHA-256 bound to both public keys and to who/what the bundle is, then AES-256-GCM over
// 64 KiB chunks whose nonce carries a counter and a final flag, so reordering, truncation and
// splicing fail. GCM is not key-committing, so a separate key check tells "wrong key" apart
// from "damaged chunk" before any chunk is opened.
import { createCipheriv, createDecipheriv, createHmac, diffieHellman, generateKeyPairSync, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { fail } from './errors';
import { CHUNK_SIZE, TAG_BYTES } from './format';
import type { Purpose } from './format';
import { publicKeyFromRaw, rawPublicKey } from './keys';
import type { ByteSource } from './container';

export interface StreamBinding { purpose: Purpose; bundleId: string; senderKeyId: string; recipientKeyId: string }

const KEY_CHECK_LABEL = Buffer.from('creditdesk-bundle key check v1', 'ascii');

export function hkdfInfo(b: StreamBinding): Buffer {
  return Buffer.from(`creditdesk-bundle/v1 ${b.purpose} ${b.bundleId} ${b.senderKeyId} ${b.recipientKeyId}`, 'ascii');
}

export function deriveStreamKeys(shared: Buffer, ephemeralPublic: Buffer, recipientPublic: Buffer, b: StreamBinding): { payloadKey: Buffer; keyCheck: Buffer } {
  const okm = Buffer.from(hkdfSync('sha256', shared, Buffer.concat([ephemeralPublic, recipientPublic]), hkdfInfo(b), 64));
  const keyCheck = createHmac('sha256', okm.subarray(32)).update(KEY_CHECK_LABEL).digest();
  return { payloadKey: okm.subarray(0, 32), keyCheck };
}

function sharedSecret(privateKey: KeyObject, publicKey: KeyObject): Buffer {
  // OpenSSL refuses small-order points (the result would be all zeros); check again anyway.
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey });
  } catch {
    return fail('BUNDLE_BAD_EPHEMERAL_KEY');
  }
  if (shared.every((b) => b === 0)) fail('BUNDLE_BAD_EPHEMERAL_KEY');
  return shared;
}

export function nonceFor(index: number, final: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 3);
  nonce[11] = final ? 1 : 0;
  return nonce;
}

export function sealChunk(key: Buffer, index: number, final: boolean, plain: Buffer): Buffer {
  const c = createCipheriv('aes-256-gcm', key, nonceFor(index, final), { authTagLength: TAG_BYTES });
  return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
}

/** Whole chunk or nothing: update() output is held until final() has checked the tag. */
export function openChunk(key: Buffer, index: number, final: boolean, sealed: Buffer): Buffer | null {
  if (sealed.length < TAG_BYTES) return null;
  const d = createDecipheriv('aes-256-gcm', key, nonceFor(index, final), { authTagLength: TAG_BYTES });
  d.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const held = d.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  try {
    d.final();
  } catch {
    return null;
  }
  return held;
}

/** Non-final chunks are exactly CHUNK_SIZE; the final one may be shorter (or empty if alone). */
export function sealStream(key: Buffer, plaintext: Buffer): Buffer {
  const parts: Buffer[] = [];
  let index = 0;
  for (let off = 0; ; off += CHUNK_SIZE, index++) {
    const final = plaintext.length - off <= CHUNK_SIZE;
    parts.push(sealChunk(key, index, final, plaintext.subarray(off, off + CHUNK_SIZE)));
    if (final) return Buffer.concat(parts);
  }
}

/** One chunk, or the precise refusal; the alternative reading is never released. */
function openChunkOrFail(key: Buffer, index: number, last: boolean, sealed: Buffer): Buffer {
  const plain = openChunk(key, index, last, sealed);
  if (plain !== null) return plain;
  if (last && openChunk(key, index, false, sealed) !== null) fail('BUNDLE_STREAM_TRUNCATED');
  if (!last && openChunk(key, index, true, sealed) !== null) fail('BUNDLE_STREAM_AFTER_FINAL');
  return fail('BUNDLE_CHUNK_AUTH_FAILED', { chunk: index + 1 });
}

/**
 * Opens chunks from the start only until `needed(head)` is satisfied (it returns how many leading
 * bytes it wants, or null while it cannot tell yet): a preview reads the manifest without
 * decrypting the whole payload. Each chunk is released only after its tag verified.
 */
export function openStreamPrefix(key: Buffer, src: ByteSource, start: number, length: number, needed: (head: Buffer) => number | null): Buffer {
  const full = CHUNK_SIZE + TAG_BYTES;
  const parts: Buffer[] = [];
  let have = 0;
  for (let off = 0, index = 0; ; index++) {
    const last = length - off <= full;
    const sealed = src.read(start + off, last ? length - off : full);
    const plain = openChunkOrFail(key, index, last, sealed);
    parts.push(plain);
    have += plain.length;
    off += sealed.length;
    const head = Buffer.concat(parts);
    const want = needed(head);
    if (last || (want !== null && have >= want)) return head;
  }
}

/**
 * The plaintext chunk by chunk, read from `src` as it goes: memory is one chunk whatever the size.
 * Each chunk is yielded only after its tag verified; order, truncation and a second final chunk
 * fail as in openStream.
 */
export function* openStreamChunks(key: Buffer, src: ByteSource, start: number, length: number): Generator<Buffer> {
  const full = CHUNK_SIZE + TAG_BYTES;
  for (let off = 0, index = 0; ; index++) {
    const last = length - off <= full;
    const sealed = src.read(start + off, last ? length - off : full);
    yield openChunkOrFail(key, index, last, sealed);
    off += sealed.length;
    if (last) return;
  }
}

/** Releases each chunk to onChunk only after its tag verified; returns the joined plaintext. */
export function openStream(key: Buffer, ciphertext: Buffer, onChunk?: (plain: Buffer, index: number) => void): Buffer {
  const full = CHUNK_SIZE + TAG_BYTES;
  const parts: Buffer[] = [];
  for (let off = 0, index = 0; ; index++) {
    const last = ciphertext.length - off <= full;
    const sealed = ciphertext.subarray(off, last ? ciphertext.length : off + full);
    const plain = openChunkOrFail(key, index, last, sealed);
    onChunk?.(plain, index);
    parts.push(plain);
    off += sealed.length;
    if (last) return Buffer.concat(parts);
  }
}

export interface Sealed { ephemeralPublic: Buffer; keyCheck: Buffer; ciphertext: Buffer }

/** A fresh ephemeral key and the payload key it gives for this recipient and binding. */
export function senderStreamKeys(recipientPublic: KeyObject, b: StreamBinding): { ephemeralPublic: Buffer; keyCheck: Buffer; payloadKey: Buffer } {
  const eph = generateKeyPairSync('x25519');
  const ephemeralPublic = rawPublicKey(eph.publicKey);
  const shared = sharedSecret(eph.privateKey, recipientPublic);
  return { ephemeralPublic, ...deriveStreamKeys(shared, ephemeralPublic, rawPublicKey(recipientPublic), b) };
}

export function encryptToRecipient(recipientPublic: KeyObject, b: StreamBinding, plaintext: Buffer): Sealed {
  const { ephemeralPublic, keyCheck, payloadKey } = senderStreamKeys(recipientPublic, b);
  return { ephemeralPublic, keyCheck, ciphertext: sealStream(payloadKey, plaintext) };
}

/**
 * Seals plaintext as it comes, chunk by chunk, holding back one chunk to know which is final:
 * memory is two chunks whatever the size. `write` receives each sealed chunk in order.
 */
export class StreamSealer {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private held: Buffer | null = null;
  private index = 0;

  constructor(private readonly key: Buffer, private readonly write: (sealed: Buffer) => void) {}

  push(data: Buffer): void {
    this.pending.push(data);
    this.pendingBytes += data.length;
    if (this.pendingBytes <= CHUNK_SIZE) return;
    // One copy per push, then chunks are sliced off it (not a copy per chunk).
    const all = Buffer.concat(this.pending);
    let off = 0;
    while (all.length - off > CHUNK_SIZE) {
      if (this.held) this.write(sealChunk(this.key, this.index++, false, this.held));
      this.held = all.subarray(off, off + CHUNK_SIZE);
      off += CHUNK_SIZE;
    }
    this.pending = [all.subarray(off)];
    this.pendingBytes = all.length - off;
  }

  end(): void {
    const rest = Buffer.concat(this.pending);
    if (this.held && rest.length === 0) {
      this.write(sealChunk(this.key, this.index++, true, this.held));
      return;
    }
    if (this.held) this.write(sealChunk(this.key, this.index++, false, this.held));
    this.write(sealChunk(this.key, this.index++, true, rest));
  }
}

/** Derives the payload key and confirms it before any chunk is touched. */
export function recipientPayloadKey(recipientPrivate: KeyObject, ephemeralPublic: Buffer, keyCheck: Buffer, b: StreamBinding): Buffer {
  if (ephemeralPublic.every((x) => x === 0)) fail('BUNDLE_BAD_EPHEMERAL_KEY');
  const shared = sharedSecret(recipientPrivate, publicKeyFromRaw('x25519', ephemeralPublic));
  const recipientPublic = rawPublicKey(recipientPrivate);
  const keys = deriveStreamKeys(shared, ephemeralPublic, recipientPublic, b);
  if (keyCheck.length !== 32 || !timingSafeEqual(keys.keyCheck, keyCheck)) fail('BUNDLE_KEY_CHECK_FAILED');
  return keys.payloadKey;
}
