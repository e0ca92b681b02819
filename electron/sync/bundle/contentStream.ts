// The content of a checked bundle read as a stream: chunks are decrypted one at a time from the
// file, the inner archive (§8) and its JSON Lines files (§9) are parsed as the bytes arrive, and
// each record is handed to the caller, who may pause the stream by returning a promise. Memory is
// a chunk, a line and whatever the caller keeps, whatever the bundle's size. The checks are those
// of readArchive and parseJsonLines, in the same words; a file's size and hash are known at its
// end, so a caller must not commit anything before the stream has ended without a refusal.
import { createHash } from 'node:crypto';
import { constants, createGunzip } from 'node:zlib';
import type { Gunzip } from 'node:zlib';
import { badManifest, entryName, manifestExtent, readManifest } from './archive';
import { checkFileName } from './archiveNames';
import { fail } from './errors';
import { detail, type DetailCode } from '../../../shared/i18n/refusalDetails';
import type { Limits } from './format';
import { parseLine, toEnvelope } from './jsonLines';
import type { ContentEnvelope } from './jsonLines';
import type { Manifest, ManifestEntry, SchemaSupport } from './manifest';
import type { CheckedEnvelope } from './readBundle';
import { openStreamChunks } from './stream';

export interface ContentHandlers {
  /** The manifest, once read and checked, before any file. */
  onManifest?(manifest: Manifest): void | Promise<void>;
  /** One record of a file (its line number counts the envelope as line 1; `bytes`: the line's length). */
  onRecord(entry: ManifestEntry, value: unknown, line: number, bytes: number): void | Promise<void>;
  /** After a file's last record, once its size and hash are checked. */
  onFileEnd?(entry: ManifestEntry): void | Promise<void>;
}

/** Bytes of compressed input inflated at a time: bounds the output of one step (deflate expands at most ~1,000×). */
const INFLATE_PIECE = 16 * 1024;
const READ_PIECE = 256 * 1024;

/** The decrypted payload as a byte reader over the chunk stream. */
class PlainReader {
  private readonly chunks: Generator<Buffer>;
  private buf: Buffer = Buffer.alloc(0);
  private done = false;

  constructor(env: CheckedEnvelope) {
    this.chunks = openStreamChunks(env.payloadKey, env.source, env.ciphertextOffset, env.ciphertextLength);
  }

  private fill(n: number): void {
    while (this.buf.length < n && !this.done) {
      const r = this.chunks.next();
      if (r.done) this.done = true;
      else this.buf = this.buf.length === 0 ? r.value : Buffer.concat([this.buf, r.value]);
    }
  }

  atEnd(): boolean {
    this.fill(1);
    return this.buf.length === 0;
  }

  exact(n: number, short: DetailCode): Buffer {
    this.fill(n);
    if (this.buf.length < n) badManifest(short);
    const out = this.buf.subarray(0, n);
    this.buf = this.buf.subarray(n);
    return out;
  }

  some(max: number): Buffer {
    this.fill(1);
    const out = this.buf.subarray(0, Math.min(max, this.buf.length));
    this.buf = this.buf.subarray(out.length);
    return out;
  }
}

/** gunzip in steps: each step's output is taken before the next input goes in. */
class Inflater {
  private readonly z: Gunzip = createGunzip();
  private outs: Buffer[] = [];
  private error: Error | null = null;

  constructor(private readonly name: string) {
    this.z.on('data', (d: Buffer) => this.outs.push(d));
    this.z.on('error', (e: Error) => (this.error = e));
  }

  private settle(start: (done: () => void) => void): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => resolve();
      this.z.once('error', done);
      start(() => {
        this.z.off('error', done);
        resolve();
      });
    });
  }

  async write(piece: Buffer): Promise<Buffer[]> {
    if (!this.error) {
      this.z.write(piece);
      await this.settle((done) => this.z.flush(constants.Z_SYNC_FLUSH, done));
    }
    return this.take();
  }

  async end(): Promise<Buffer[]> {
    if (!this.error) await this.settle((done) => { this.z.once('end', done); this.z.end(); });
    return this.take();
  }

  private take(): Buffer[] {
    if (this.error) fail('BUNDLE_FILE_HASH_MISMATCH', { name: this.name });
    const out = this.outs;
    this.outs = [];
    return out;
  }
}

/** Splits a file into lines as bytes arrive; the first line is the envelope (§9). */
class LineReader {
  private partial: Buffer[] = [];
  private partialBytes = 0;
  private line = 0;
  private envelope: ContentEnvelope | null = null;
  private records = 0;

  constructor(private readonly entry: ManifestEntry, private readonly lim: Limits, private readonly onRecord: ContentHandlers['onRecord']) {}

  async push(data: Buffer): Promise<void> {
    let pos = 0;
    while (pos < data.length) {
      const nl = data.indexOf(0x0a, pos);
      if (nl < 0) {
        this.keep(data.subarray(pos));
        return;
      }
      const piece = data.subarray(pos, nl);
      const bytes = this.partialBytes === 0 ? piece : Buffer.concat([...this.partial, piece]);
      this.partial = [];
      this.partialBytes = 0;
      await this.take(bytes);
      pos = nl + 1;
    }
  }

  private keep(b: Buffer): void {
    this.partialBytes += b.length;
    if (this.partialBytes > this.lim.maxLineBytes) fail('BUNDLE_JSON_TOO_LONG', { name: this.entry.name, line: this.line + 1 });
    this.partial.push(Buffer.from(b));
  }

  private async take(bytes: Buffer): Promise<void> {
    const name = this.entry.name;
    this.line++;
    if (bytes.length > this.lim.maxLineBytes) fail('BUNDLE_JSON_TOO_LONG', { name, line: this.line });
    const value = parseLine(name, this.line, bytes, this.lim);
    if (this.envelope === null) {
      this.envelope = toEnvelope(name, value);
      if (this.envelope.records > this.lim.maxRecords) fail('BUNDLE_CONTENT_TOO_LARGE', { limit: this.lim.maxRecords, unit: 'records' });
      if (this.envelope.schema !== this.entry.schema || this.envelope.schemaVersion !== this.entry.schemaVersion) {
        fail('BUNDLE_MANIFEST_MALFORMED', detail('schema_differs', { file: name }));
      }
      return;
    }
    if (this.records >= this.envelope.records) fail('BUNDLE_RECORD_COUNT_MISMATCH', { name });
    this.records++;
    const r = this.onRecord(this.entry, value, this.line, bytes.length);
    if (r) await r;
  }

  async end(): Promise<void> {
    if (this.partialBytes > 0) {
      const rest = Buffer.concat(this.partial);
      this.partial = [];
      this.partialBytes = 0;
      await this.take(rest);
    }
    if (this.envelope === null) fail('BUNDLE_JSON_INVALID', { name: this.entry.name, line: 1, ...detail('file_empty') });
    if (this.records !== this.envelope.records || this.records !== this.entry.records) fail('BUNDLE_RECORD_COUNT_MISMATCH', { name: this.entry.name });
  }
}

async function readEntry(r: PlainReader, entry: ManifestEntry, storedLen: number, lim: Limits, h: ContentHandlers): Promise<void> {
  const hash = createHash('sha256');
  let size = 0;
  const lines = new LineReader(entry, lim, h.onRecord);
  const take = async (data: Buffer) => {
    size += data.length;
    // A bomb stops as soon as it exceeds what was promised.
    if (size > entry.size) fail(entry.encoding === 'gzip' ? 'BUNDLE_COMPRESSION_BOMB' : 'BUNDLE_FILE_SIZE_MISMATCH', { name: entry.name });
    hash.update(data);
    await lines.push(data);
  };
  const inflater = entry.encoding === 'gzip' ? new Inflater(entry.name) : null;
  for (let remaining = storedLen; remaining > 0;) {
    const piece = r.some(Math.min(remaining, inflater ? INFLATE_PIECE : READ_PIECE));
    if (piece.length === 0) badManifest('entry_cut_short');
    remaining -= piece.length;
    if (inflater) for (const out of await inflater.write(piece)) await take(out);
    else await take(piece);
  }
  if (inflater) for (const out of await inflater.end()) await take(out);
  if (size !== entry.size) fail('BUNDLE_FILE_SIZE_MISMATCH', { name: entry.name });
  if (hash.digest('hex') !== entry.sha256) fail('BUNDLE_FILE_HASH_MISMATCH', { name: entry.name });
  await lines.end();
  await h.onFileEnd?.(entry);
}

/** Streams the content of a checked envelope; returns the manifest once everything has passed. */
export async function streamContent(env: CheckedEnvelope, supports: SchemaSupport, h: ContentHandlers): Promise<Manifest> {
  const lim = env.limits;
  const r = new PlainReader(env);
  const head = r.exact(12, 'inner_unrecognised');
  const end = manifestExtent(head, lim)!;
  const manifest = readManifest(Buffer.concat([head, r.exact(end - 12, 'manifest_length')]), env.header.bundleId, lim, supports);
  await h.onManifest?.(manifest);
  const declared = new Map(manifest.files.map((f) => [f.name, f]));
  const seen = new Set<string>();
  while (!r.atEnd()) {
    const nameLen = r.exact(2, 'entry_cut_short').readUInt16BE(0);
    const rest = r.exact(nameLen + 8, 'entry_cut_short');
    const name = entryName(rest.subarray(0, nameLen));
    checkFileName(name);
    const entry = declared.get(name);
    if (!entry) return fail('BUNDLE_FILE_UNLISTED', { name });
    if (seen.has(name)) fail('BUNDLE_DUPLICATE_ENTRY', { name });
    seen.add(name);
    const storedLen = rest.readBigUInt64BE(nameLen);
    // Length checks before the body is touched: identity must match exactly, gzip may not exceed the per-file cap.
    if (entry.encoding === 'identity' && storedLen !== BigInt(entry.size)) fail('BUNDLE_FILE_SIZE_MISMATCH', { name });
    if (storedLen > BigInt(lim.maxFileBytes)) fail('BUNDLE_FILE_TOO_LARGE', { name, limit: lim.maxFileBytes });
    await readEntry(r, entry, Number(storedLen), lim, h);
  }
  for (const f of manifest.files) if (!seen.has(f.name)) fail('BUNDLE_FILE_MISSING', { name: f.name });
  return manifest;
}
