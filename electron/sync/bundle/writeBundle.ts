// The one bundle writer (issue 26: there were two), for the office's export, the reference
// platform, the tools and the tests alike. It streams: each content file is encoded (and
// gzipped if asked) to a part file as its rows come, the archive is sealed chunk by chunk into a
// ciphertext part, and only then is the header, which binds the ciphertext's length and hash,
// signed and the bundle assembled, flushed and renamed into place, so a crash or a full disk never
// leaves a half bundle under the final name (bundle-security.md property 9). Memory is a batch of
// rows, a chunk and a copy buffer. Every file call is asynchronous: the office's export runs on
// the thread that serves the console.
import { createHash, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { checkFileName } from './archiveNames';
import { encodeContainer } from './container';
import { ARCHIVE_MAGIC, CHUNK_SIZE, ENCRYPTION_ALG, FORMAT_VERSION, MANIFEST_VERSION, headerPayloadType } from './format';
import type { Purpose } from './format';
import { canonicalJson, encodeHeader } from './header';
import type { BundleHeader } from './header';
import { keyIdOf, publicKeyFromRaw, rawPublicKey, sha256Hex, signBytes } from './keys';
import type { SigningKeyPair } from './keys';
import type { ManifestEntry } from './manifest';
import { pae } from './pae';
import { StreamSealer, senderStreamKeys } from './stream';

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

export interface StreamedFileInput {
  name: string;
  schema: string;
  schemaVersion: number;
  /** How many rows `rows` yields: the envelope line states it before the first row. */
  records: number;
  rows: () => AsyncIterable<unknown>;
  compress?: boolean;
}

export interface WrittenBundle { header: BundleHeader; bundleHash: string }

const COPY_PIECE = 1024 * 1024;
/** Characters of JSON Lines gathered before a write (UTF-16 units; CJK makes the bytes up to 3x). */
const BATCH_CHARS = 256 * 1024;

async function* fileBytes(path: string): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(COPY_PIECE);
    for (let { bytesRead } = await fh.read(buf, 0, COPY_PIECE); bytesRead > 0; { bytesRead } = await fh.read(buf, 0, COPY_PIECE)) {
      yield Buffer.from(buf.subarray(0, bytesRead));
    }
  } finally {
    await fh.close();
  }
}

async function writeAll(fh: FileHandle, bytes: Buffer): Promise<void> {
  for (let off = 0; off < bytes.length;) off += (await fh.write(bytes, off)).bytesWritten;
}

/** One content file to its part file: the JSON Lines, an envelope line first, gzip if asked. */
async function writePart(f: StreamedFileInput, part: string): Promise<ManifestEntry> {
  checkFileName(f.name);
  const hash = createHash('sha256');
  let size = 0;
  let count = 0;
  // Rows are gathered into pieces of about BATCH_CHARS characters before they reach gzip: a write
  // per row cost a threadpool round trip per ~500 bytes (the publish's largest cost, on the pool
  // sqlite3 reads on too). The bytes, and so the hash and size, are the same.
  async function* pieces(): AsyncGenerator<Buffer> {
    let held: string[] = [];
    let heldChars = 0;
    const take = () => {
      const b = Buffer.from(held.join(''), 'utf8');
      held = [];
      heldChars = 0;
      hash.update(b);
      size += b.length;
      return b;
    };
    const add = (value: unknown) => {
      const line = `${JSON.stringify(value)}\n`;
      held.push(line);
      heldChars += line.length;
    };
    add({ schema: f.schema, schemaVersion: f.schemaVersion, records: f.records });
    for await (const row of f.rows()) {
      count++;
      add(row);
      if (heldChars >= BATCH_CHARS) yield take();
    }
    if (held.length > 0) yield take();
  }
  const out = createWriteStream(part, { mode: 0o600 });
  if (f.compress) await pipeline(Readable.from(pieces()), createGzip(), out);
  else await pipeline(Readable.from(pieces()), out);
  if (count !== f.records) throw new Error(`${f.name}: ${count} rows came, ${f.records} were declared`);
  return { name: f.name, size, sha256: hash.digest('hex'), encoding: f.compress ? 'gzip' : 'identity', schema: f.schema, schemaVersion: f.schemaVersion, records: f.records };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
}

/** The key the bundle is encrypted to, and its id as the header names it. */
export function recipientKeyOf(o: BundleEnvelopeOptions): { key: KeyObject; keyId: string } {
  const key = Buffer.isBuffer(o.recipient.publicKey) ? publicKeyFromRaw('x25519', o.recipient.publicKey) : o.recipient.publicKey;
  return { key, keyId: keyIdOf(rawPublicKey(key)) };
}

/**
 * The signed front of a bundle (preamble, header, signature block) for a ciphertext of this length
 * and hash: the one place a header is made and signed.
 */
export function signedFront(o: BundleEnvelopeOptions, bundleId: string, sealed: { ephemeralPublic: Buffer; keyCheck: Buffer }, ciphertext: { length: number; sha256: string }): { front: Buffer; header: BundleHeader; bundleHash: string } {
  const header: BundleHeader = {
    format: 'creditdesk-bundle', formatVersion: FORMAT_VERSION, bundleId, purpose: o.purpose, channel: o.channel, sequence: o.sequence, prevHash: o.prevHash,
    createdAt: o.createdAt.toISOString(), expiresAt: o.expiresAt.toISOString(),
    sender: { name: o.sender.name, keyId: o.sender.key.keyId }, recipient: { name: o.recipient.name, keyId: recipientKeyOf(o).keyId },
    keyringVersion: o.keyringVersion,
    encryption: { alg: ENCRYPTION_ALG, chunkSize: CHUNK_SIZE, ephemeralPublicKey: sealed.ephemeralPublic.toString('hex'), keyCheck: sealed.keyCheck.toString('hex') },
    ciphertext,
  };
  const headerBytes = encodeHeader(header);
  const signature = signBytes(o.sender.key, pae(headerPayloadType(o.purpose), headerBytes));
  const front = encodeContainer(headerBytes, Buffer.from(o.sender.key.keyId, 'hex'), signature, Buffer.alloc(0));
  return { front, header, bundleHash: sha256Hex(headerBytes) };
}

/** Seals the parts into the ciphertext file; its length and hash are what the header binds. */
async function sealParts(cipherPath: string, payloadKey: Buffer, manifest: Buffer, parts: { entry: ManifestEntry; path: string }[]): Promise<{ length: number; sha256: string }> {
  const fh = await open(cipherPath, 'wx', 0o600);
  const hash = createHash('sha256');
  let length = 0;
  try {
    // The sealer hands over whole chunks synchronously; they are written after each push, so at
    // most one push's chunks (a copy piece) wait in memory.
    let sealed: Buffer[] = [];
    const sealer = new StreamSealer(payloadKey, (chunk) => {
      hash.update(chunk);
      length += chunk.length;
      sealed.push(chunk);
    });
    const push = async (data: Buffer) => {
      sealer.push(data);
      const out = sealed;
      sealed = [];
      for (const chunk of out) await writeAll(fh, chunk);
    };
    await push(Buffer.concat([ARCHIVE_MAGIC, u32(manifest.length), manifest]));
    for (const { entry, path } of parts) {
      const name = Buffer.from(entry.name, 'utf8');
      const head = Buffer.alloc(2 + name.length + 8);
      head.writeUInt16BE(name.length, 0);
      name.copy(head, 2);
      head.writeBigUInt64BE(BigInt((await stat(path)).size), 2 + name.length);
      await push(head);
      for await (const piece of fileBytes(path)) await push(piece);
    }
    sealer.end();
    for (const chunk of sealed) await writeAll(fh, chunk);
  } finally {
    await fh.close();
  }
  return { length, sha256: hash.digest('hex') };
}

/** Writes the bundle at `path` (temp parts beside it, flushed, renamed); returns its header and hash. */
export async function writeBundleFile(path: string, o: BundleEnvelopeOptions, files: readonly StreamedFileInput[]): Promise<WrittenBundle> {
  const work = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.parts`);
  await mkdir(work, { recursive: true, mode: 0o700 });
  try {
    const bundleId = o.bundleId ?? randomBytes(16).toString('hex');
    const parts: { entry: ManifestEntry; path: string }[] = [];
    for (const [i, f] of files.entries()) {
      const part = join(work, `${i}.part`);
      parts.push({ entry: await writePart(f, part), path: part });
    }
    const manifest = Buffer.from(canonicalJson({ manifestVersion: MANIFEST_VERSION, bundleId, files: parts.map((p) => p.entry) }), 'utf8');
    const recipient = recipientKeyOf(o);
    const keys = senderStreamKeys(recipient.key, { purpose: o.purpose, bundleId, senderKeyId: o.sender.key.keyId, recipientKeyId: recipient.keyId });
    const cipherPath = join(work, 'ciphertext');
    const ciphertext = await sealParts(cipherPath, keys.payloadKey, manifest, parts);
    const { front, header, bundleHash } = signedFront(o, bundleId, keys, ciphertext);
    const tmp = join(work, 'bundle');
    const fh = await open(tmp, 'wx', 0o600);
    try {
      await writeAll(fh, front);
      for await (const piece of fileBytes(cipherPath)) await writeAll(fh, piece);
      // On the thread pool: a flush of a large bundle can take a disk's while.
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
    await syncDirectory(dirname(path));
    return { header, bundleHash };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Makes the rename durable before anyone records the bundle as written (bundle-format.md §14). A
 * failed flush is thrown, never swallowed: the bundle may not survive a power cut. Windows alone
 * cannot open a directory (NTFS journals the rename), so there its refusal to open one is no error.
 */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle;
  try {
    handle = await open(dir, 'r');
  } catch (e) {
    if (process.platform === 'win32') return;
    throw e;
  }
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A content file whose rows are already in memory (an export's, a tool's, a test's). */
export interface BundleFileInput { name: string; schema: string; schemaVersion: number; records: readonly unknown[]; compress?: boolean }

/** Such a file as the writer's source. */
export function inMemory(f: BundleFileInput): StreamedFileInput {
  const { records, ...rest } = f;
  return { ...rest, records: records.length, rows: async function* rows() { yield* records; } };
}
