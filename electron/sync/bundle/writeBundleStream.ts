// A bundle written as a stream, for sources too large to hold (the reference platform publishing a
// city): each content file is encoded and compressed to a part file as its rows come, the archive
// is sealed chunk by chunk into a ciphertext part, and only then is the header (which binds the
// ciphertext's length and hash) signed and the bundle assembled, flushed and renamed into place.
// Memory is a batch of rows, a chunk and a copy buffer; the bytes are those writeBundle would write.
import { createHash, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { closeSync, createWriteStream, fsync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { checkFileName } from './archiveNames';
import { encodeContainer } from './container';
import { ARCHIVE_MAGIC, CHUNK_SIZE, ENCRYPTION_ALG, FORMAT_VERSION, MANIFEST_VERSION, headerPayloadType } from './format';
import { canonicalJson, encodeHeader } from './header';
import type { BundleHeader } from './header';
import { keyIdOf, publicKeyFromRaw, rawPublicKey, sha256Hex, signBytes } from './keys';
import type { ManifestEntry } from './manifest';
import { pae } from './pae';
import { StreamSealer, senderStreamKeys } from './stream';
import type { BundleEnvelopeOptions } from './writeBundle';

export interface StreamedFileInput {
  name: string;
  schema: string;
  schemaVersion: number;
  /** How many rows `rows` yields: the envelope line states it before the first row. */
  records: number;
  rows: () => AsyncIterable<unknown>;
  compress?: boolean;
}

const fsyncAsync = promisify(fsync);
const COPY_PIECE = 1024 * 1024;
/** Characters of JSON Lines gathered before a write (UTF-16 units; CJK makes the bytes up to 3x). */
const BATCH_CHARS = 256 * 1024;

function* fileBytes(path: string): Generator<Buffer> {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(COPY_PIECE);
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) yield Buffer.from(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}

/** One content file to its part file: the JSON Lines as writeBundle encodes them, gzip if asked. */
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

/** Writes the bundle at `path` (temp parts beside it, flushed, renamed); returns its header and hash. */
export async function writeBundleFileStreaming(path: string, o: BundleEnvelopeOptions, files: readonly StreamedFileInput[]): Promise<{ header: BundleHeader; bundleHash: string }> {
  const work = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.parts`);
  mkdirSync(work, { recursive: true, mode: 0o700 });
  try {
    const bundleId = o.bundleId ?? randomBytes(16).toString('hex');
    const entries: ManifestEntry[] = [];
    for (const [i, f] of files.entries()) entries.push(await writePart(f, join(work, `${i}.part`)));
    const manifest = Buffer.from(canonicalJson({ manifestVersion: MANIFEST_VERSION, bundleId, files: entries }), 'utf8');

    const recipientKey: KeyObject = Buffer.isBuffer(o.recipient.publicKey) ? publicKeyFromRaw('x25519', o.recipient.publicKey) : o.recipient.publicKey;
    const recipientKeyId = keyIdOf(rawPublicKey(recipientKey));
    const keys = senderStreamKeys(recipientKey, { purpose: o.purpose, bundleId, senderKeyId: o.sender.key.keyId, recipientKeyId });
    const cipherPath = join(work, 'ciphertext');
    const cfd = openSync(cipherPath, 'wx', 0o600);
    const cipherHash = createHash('sha256');
    let cipherLength = 0;
    try {
      const sealer = new StreamSealer(keys.payloadKey, (sealed) => {
        cipherHash.update(sealed);
        cipherLength += sealed.length;
        for (let off = 0; off < sealed.length;) off += writeSync(cfd, sealed, off);
      });
      sealer.push(Buffer.concat([ARCHIVE_MAGIC, u32(manifest.length), manifest]));
      for (const [i, e] of entries.entries()) {
        const name = Buffer.from(e.name, 'utf8');
        const head = Buffer.alloc(2 + name.length + 8);
        head.writeUInt16BE(name.length, 0);
        name.copy(head, 2);
        head.writeBigUInt64BE(BigInt(statSync(join(work, `${i}.part`)).size), 2 + name.length);
        sealer.push(head);
        for (const piece of fileBytes(join(work, `${i}.part`))) sealer.push(piece);
      }
      sealer.end();
    } finally {
      closeSync(cfd);
    }

    const header: BundleHeader = {
      format: 'creditdesk-bundle', formatVersion: FORMAT_VERSION, bundleId, purpose: o.purpose, channel: o.channel, sequence: o.sequence, prevHash: o.prevHash,
      createdAt: o.createdAt.toISOString(), expiresAt: o.expiresAt.toISOString(),
      sender: { name: o.sender.name, keyId: o.sender.key.keyId }, recipient: { name: o.recipient.name, keyId: recipientKeyId },
      keyringVersion: o.keyringVersion,
      encryption: { alg: ENCRYPTION_ALG, chunkSize: CHUNK_SIZE, ephemeralPublicKey: keys.ephemeralPublic.toString('hex'), keyCheck: keys.keyCheck.toString('hex') },
      ciphertext: { length: cipherLength, sha256: cipherHash.digest('hex') },
    };
    const headerBytes = encodeHeader(header);
    const signature = signBytes(o.sender.key, pae(headerPayloadType(o.purpose), headerBytes));
    const tmp = join(work, 'bundle');
    const fd = openSync(tmp, 'wx', 0o600);
    try {
      const front = encodeContainer(headerBytes, Buffer.from(o.sender.key.keyId, 'hex'), signature, Buffer.alloc(0));
      for (let off = 0; off < front.length;) off += writeSync(fd, front, off);
      for (const piece of fileBytes(cipherPath)) for (let off = 0; off < piece.length;) off += writeSync(fd, piece, off);
      // On the thread pool: a flush of a large bundle can take a disk's while, and the office's
      // export runs beside the counter (issue 26).
      await fsyncAsync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
    return { header, bundleHash: sha256Hex(headerBytes) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
