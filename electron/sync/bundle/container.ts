// Outer byte layout (docs/bundle-format.md §2). Only framing is decided here; every length is
// checked against a cap before anything is sliced, so a hostile length field costs nothing.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fail } from './errors';
import { detail } from '../../../shared/i18n/refusalDetails';
import {
  FORMAT_VERSION, KEY_ID_BYTES, MAGIC, PREAMBLE_BYTES, SIGNATURE_BLOCK_BYTES, SIGNATURE_BYTES, SUPPORTED_FORMAT_VERSIONS,
} from './format';
import type { Limits } from './format';

export interface Container {
  version: number;
  headerBytes: Buffer;
  keyIdHint: Buffer;
  signature: Buffer;
  ciphertext: Buffer;
}

export function encodeContainer(headerBytes: Buffer, keyIdHint: Buffer, signature: Buffer, ciphertext: Buffer, version = FORMAT_VERSION): Buffer {
  const pre = Buffer.alloc(PREAMBLE_BYTES);
  MAGIC.copy(pre, 0);
  pre.writeUInt16BE(version, 8);
  pre.writeUInt16BE(0, 10);
  pre.writeUInt32BE(headerBytes.length, 12);
  return Buffer.concat([pre, headerBytes, Buffer.from([1]), keyIdHint, signature, ciphertext]);
}

/**
 * Where a bundle's bytes come from: a buffer (an upload, a test) or a file read piece by piece, so
 * that checking a bundle never needs the whole of it in memory.
 */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset` (fewer only at the end of the source). */
  read(offset: number, length: number): Buffer;
  close(): void;
}

export function bufferSource(bytes: Buffer): ByteSource {
  return { size: bytes.length, read: (offset, length) => bytes.subarray(offset, offset + length), close: () => undefined };
}

/** Opens a bundle file, refusing by its size before anything is read. */
export function fileSource(path: string, limits: Limits): ByteSource {
  const fd = openSync(path, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) fail('BUNDLE_BAD_MAGIC');
    if (st.size === 0) fail('BUNDLE_EMPTY');
    if (st.size > limits.maxBundleBytes) fail('BUNDLE_TOO_LARGE', { limit: limits.maxBundleBytes });
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  const size = fstatSync(fd).size;
  return {
    size,
    read(offset, length) {
      const buf = Buffer.allocUnsafe(Math.max(0, Math.min(length, size - offset)));
      let off = 0;
      while (off < buf.length) {
        const n = readSync(fd, buf, off, buf.length - off, offset + off);
        if (n === 0) break;
        off += n;
      }
      return buf.subarray(0, off);
    },
    close: () => closeSync(fd),
  };
}

export function sourceOf(input: Buffer | string | ByteSource, limits: Limits): ByteSource {
  if (Buffer.isBuffer(input)) return bufferSource(input);
  return typeof input === 'string' ? fileSource(input, limits) : input;
}

/**
 * The length of the JSON object the header bytes begin with, found by its braces (strings skipped),
 * or null when it does not begin with one or does not end within `bytes`. Writers emit canonical
 * JSON, so the header is exactly this object (docs/bundle-format.md §2).
 */
export function headerObjectLength(bytes: Buffer): number | null {
  if (bytes[0] !== 0x7b) return null;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if ((c === 0x7d || c === 0x5d) && --depth === 0) return i + 1;
  }
  return null;
}

/** The container without its ciphertext: where the ciphertext starts and how long the file says it is. */
export interface ContainerHead extends Omit<Container, 'ciphertext'> {
  ciphertextOffset: number;
  ciphertextLength: number;
}

/** Framing from the first bytes only; every length is checked against a cap before it is read. */
export function readContainerHead(src: ByteSource, limits: Limits): ContainerHead {
  const size = src.size;
  if (size === 0) fail('BUNDLE_EMPTY');
  if (size > limits.maxBundleBytes) fail('BUNDLE_TOO_LARGE', { limit: limits.maxBundleBytes });
  const pre = src.read(0, PREAMBLE_BYTES);
  if (pre.length < MAGIC.length || !pre.subarray(0, MAGIC.length).equals(MAGIC)) fail('BUNDLE_BAD_MAGIC');
  if (pre.length < PREAMBLE_BYTES) fail('BUNDLE_TRUNCATED');
  const version = pre.readUInt16BE(8);
  if (!SUPPORTED_FORMAT_VERSIONS.includes(version)) fail('BUNDLE_UNSUPPORTED_VERSION', { version });
  // Flags are reserved for critical features; a reader that does not know a set bit must stop.
  if (pre.readUInt16BE(10) !== 0) fail('BUNDLE_UNKNOWN_CRITICAL', { field: `flags 0x${pre.readUInt16BE(10).toString(16)}` });
  const headerLen = pre.readUInt32BE(12);
  if (headerLen === 0 || headerLen > limits.maxHeaderBytes) fail('BUNDLE_HEADER_TOO_LARGE');
  const headerEnd = PREAMBLE_BYTES + headerLen;
  // A length that does not end on the header's closing brace, followed by a signature count, was
  // altered (issue 29: a flipped length byte read as "one signature only" or as a cut file). Named
  // so only when the header object itself is intact and followed by one signature: a byte flipped
  // inside the header is left to the signature check.
  const framed = src.read(PREAMBLE_BYTES, Math.min(Math.max(headerLen, limits.maxHeaderBytes) + 1, size - PREAMBLE_BYTES));
  const declaredFits = framed.length >= headerLen && framed[headerLen - 1] === 0x7d && (framed.length === headerLen || framed[headerLen] === 0 || framed[headerLen] === 1);
  if (!declaredFits) {
    const actual = headerObjectLength(framed.subarray(0, limits.maxHeaderBytes));
    if (actual !== null && actual !== headerLen && framed[actual] === 1) fail('BUNDLE_HEADER_LENGTH_MISMATCH', { declared: headerLen, actual });
  }
  if (size < headerEnd) fail('BUNDLE_TRUNCATED');
  const rest = src.read(PREAMBLE_BYTES, headerLen + SIGNATURE_BLOCK_BYTES);
  if (size === headerEnd || rest[headerLen] === 0) fail('BUNDLE_SIGNATURE_MISSING');
  if (rest[headerLen] !== 1) fail('BUNDLE_HEADER_MALFORMED', detail('signature_count'));
  if (size < headerEnd + SIGNATURE_BLOCK_BYTES) fail('BUNDLE_TRUNCATED');
  const hint = headerLen + 1;
  return {
    version,
    headerBytes: rest.subarray(0, headerLen),
    keyIdHint: rest.subarray(hint, hint + KEY_ID_BYTES),
    signature: rest.subarray(hint + KEY_ID_BYTES, hint + KEY_ID_BYTES + SIGNATURE_BYTES),
    ciphertextOffset: headerEnd + SIGNATURE_BLOCK_BYTES,
    ciphertextLength: size - headerEnd - SIGNATURE_BLOCK_BYTES,
  };
}

export function splitContainer(bytes: Buffer, limits: Limits): Container {
  const head = readContainerHead(bufferSource(bytes), limits);
  return { version: head.version, headerBytes: head.headerBytes, keyIdHint: head.keyIdHint, signature: head.signature, ciphertext: bytes.subarray(head.ciphertextOffset) };
}
