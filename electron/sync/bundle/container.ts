// Outer byte layout (docs/bundle-format.md §2). Only framing is decided here; every length is
// checked against a cap before anything is sliced, so a hostile length field costs nothing.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { fail } from './errors';
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

export function splitContainer(bytes: Buffer, limits: Limits): Container {
  if (bytes.length === 0) fail('BUNDLE_EMPTY');
  if (bytes.length > limits.maxBundleBytes) fail('BUNDLE_TOO_LARGE', { limit: limits.maxBundleBytes });
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) fail('BUNDLE_BAD_MAGIC');
  if (bytes.length < PREAMBLE_BYTES) fail('BUNDLE_TRUNCATED');
  const version = bytes.readUInt16BE(8);
  if (!SUPPORTED_FORMAT_VERSIONS.includes(version)) fail('BUNDLE_UNSUPPORTED_VERSION', { version });
  // Flags are reserved for critical features; a reader that does not know a set bit must stop.
  if (bytes.readUInt16BE(10) !== 0) fail('BUNDLE_UNKNOWN_CRITICAL', { field: `flags 0x${bytes.readUInt16BE(10).toString(16)}` });
  const headerLen = bytes.readUInt32BE(12);
  if (headerLen === 0 || headerLen > limits.maxHeaderBytes) fail('BUNDLE_HEADER_TOO_LARGE');
  const headerEnd = PREAMBLE_BYTES + headerLen;
  if (bytes.length < headerEnd) fail('BUNDLE_TRUNCATED');
  if (bytes.length === headerEnd || bytes[headerEnd] === 0) fail('BUNDLE_SIGNATURE_MISSING');
  if (bytes[headerEnd] !== 1) fail('BUNDLE_HEADER_MALFORMED', { detail: 'format 1 carries exactly one signature' });
  if (bytes.length < headerEnd + SIGNATURE_BLOCK_BYTES) fail('BUNDLE_TRUNCATED');
  const hint = headerEnd + 1;
  return {
    version,
    headerBytes: bytes.subarray(PREAMBLE_BYTES, headerEnd),
    keyIdHint: bytes.subarray(hint, hint + KEY_ID_BYTES),
    signature: bytes.subarray(hint + KEY_ID_BYTES, hint + KEY_ID_BYTES + SIGNATURE_BYTES),
    ciphertext: bytes.subarray(headerEnd + SIGNATURE_BLOCK_BYTES),
  };
}

/** Reads a bundle file, refusing by size before allocating. */
export function loadBundleBytes(input: Buffer | string, limits: Limits): Buffer {
  if (Buffer.isBuffer(input)) return input;
  const fd = openSync(input, 'r');
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) fail('BUNDLE_BAD_MAGIC');
    if (st.size === 0) fail('BUNDLE_EMPTY');
    if (st.size > limits.maxBundleBytes) fail('BUNDLE_TOO_LARGE', { limit: limits.maxBundleBytes });
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < buf.length) {
      const n = readSync(fd, buf, off, buf.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return buf.subarray(0, off);
  } finally {
    closeSync(fd);
  }
}
