// Inner container: magic, manifest, then one length-prefixed entry per file. Each entry carries
// its own length so that "bigger than declared" is caught before the body is read, and nothing
// is ever extracted to disk.
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { checkFileName } from './archiveNames';
import { fail } from './errors';
import { ARCHIVE_MAGIC, MANIFEST_VERSION } from './format';
import type { Limits } from './format';
import { canonicalJson } from './header';
import { decodeUtf8, parseStrictJson } from './jsonLimits';
import { detail, type DetailCode } from '../../../shared/i18n/refusalDetails';
import { jsonDetail } from './jsonDetail';
import { validateManifest } from './manifest';
import type { Manifest, ManifestEntry, SchemaSupport } from './manifest';

export interface ArchiveInput { name: string; schema: string; schemaVersion: number; records: number; data: Buffer; compress?: boolean }
export interface RawEntry { name: string; stored: Buffer }
export interface ArchiveFile { entry: ManifestEntry; data: Buffer }

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** Low-level: any manifest, any entries (tests use it to build hostile archives). */
export function encodeArchiveParts(manifest: unknown, entries: readonly RawEntry[]): Buffer {
  const m = Buffer.from(canonicalJson(manifest), 'utf8');
  const parts = [ARCHIVE_MAGIC, u32(m.length), m];
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const head = Buffer.alloc(2 + name.length + 8);
    head.writeUInt16BE(name.length, 0);
    name.copy(head, 2);
    head.writeBigUInt64BE(BigInt(e.stored.length), 2 + name.length);
    parts.push(head, e.stored);
  }
  return Buffer.concat(parts);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n, 0);
  return b;
}

export function buildArchive(bundleId: string, files: readonly ArchiveInput[]): Buffer {
  const entries: RawEntry[] = [];
  const manifest: Manifest = { manifestVersion: MANIFEST_VERSION, bundleId, files: [] };
  for (const f of files) {
    checkFileName(f.name);
    const stored = f.compress ? gzipSync(f.data) : f.data;
    manifest.files.push({
      name: f.name, size: f.data.length, sha256: sha256(f.data), encoding: f.compress ? 'gzip' : 'identity',
      schema: f.schema, schemaVersion: f.schemaVersion, records: f.records,
    });
    entries.push({ name: f.name, stored });
  }
  return encodeArchiveParts(manifest, entries);
}

export function entryName(bytes: Buffer): string {
  try {
    return decodeUtf8(bytes);
  } catch {
    return fail('BUNDLE_BAD_FILE_NAME', { name: bytes.toString('hex') });
  }
}

function inflate(entry: ManifestEntry, stored: Buffer): Buffer {
  try {
    // The cap is the declared size: a bomb stops as soon as it exceeds what was promised.
    return gunzipSync(stored, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') fail('BUNDLE_COMPRESSION_BOMB', { name: entry.name });
    return fail('BUNDLE_FILE_HASH_MISMATCH', { name: entry.name });
  }
}

export const badManifest = (code: DetailCode): never => fail('BUNDLE_MANIFEST_MALFORMED', detail(code));

/**
 * How many leading plaintext bytes hold the magic and the manifest, or null while fewer than 12
 * bytes are known. Lets a preview decrypt only the first chunks.
 */
export function manifestExtent(head: Buffer, limits: Limits): number | null {
  if (head.length < 12) return null;
  if (!head.subarray(0, 8).equals(ARCHIVE_MAGIC)) badManifest('inner_unrecognised');
  const mLen = head.readUInt32BE(8);
  if (mLen > limits.maxManifestBytes) badManifest('manifest_length');
  return 12 + mLen;
}

/** The manifest alone, from the leading plaintext bytes (at least manifestExtent of them). */
export function readManifest(plain: Buffer, bundleId: string, limits: Limits, supports: SchemaSupport): Manifest {
  if (plain.length < 12) badManifest('inner_unrecognised');
  const end = manifestExtent(plain, limits)!;
  if (end > plain.length) badManifest('manifest_length');
  let raw: unknown;
  try {
    raw = parseStrictJson(decodeUtf8(plain.subarray(12, end)), limits);
  } catch (e) {
    return fail('BUNDLE_MANIFEST_MALFORMED', jsonDetail(e));
  }
  return validateManifest(raw, bundleId, limits, supports);
}

export function readArchive(plain: Buffer, bundleId: string, limits: Limits, supports: SchemaSupport): { manifest: Manifest; files: Map<string, ArchiveFile> } {
  const bad = badManifest;
  const manifest = readManifest(plain, bundleId, limits, supports);
  const mLen = plain.readUInt32BE(8);
  const declared = new Map(manifest.files.map((f) => [f.name, f]));
  const files = new Map<string, ArchiveFile>();
  let off = 12 + mLen;
  while (off < plain.length) {
    if (off + 2 > plain.length) bad('entry_cut_short');
    const nameLen = plain.readUInt16BE(off);
    if (off + 2 + nameLen + 8 > plain.length) bad('entry_cut_short');
    const name = entryName(plain.subarray(off + 2, off + 2 + nameLen));
    checkFileName(name);
    const entry = declared.get(name);
    if (!entry) return fail('BUNDLE_FILE_UNLISTED', { name });
    if (files.has(name)) fail('BUNDLE_DUPLICATE_ENTRY', { name });
    const storedLen = plain.readBigUInt64BE(off + 2 + nameLen);
    // Length checks before the body is touched: identity must match exactly, gzip may not
    // exceed the per-file cap.
    if (entry.encoding === 'identity' && storedLen !== BigInt(entry.size)) fail('BUNDLE_FILE_SIZE_MISMATCH', { name });
    if (storedLen > BigInt(limits.maxFileBytes)) fail('BUNDLE_FILE_TOO_LARGE', { name, limit: limits.maxFileBytes });
    const start = off + 2 + nameLen + 8;
    const end = start + Number(storedLen);
    if (end > plain.length) bad('entry_cut_short');
    const stored = plain.subarray(start, end);
    const data = entry.encoding === 'gzip' ? inflate(entry, stored) : stored;
    if (data.length !== entry.size) fail('BUNDLE_FILE_SIZE_MISMATCH', { name });
    if (sha256(data) !== entry.sha256) fail('BUNDLE_FILE_HASH_MISMATCH', { name });
    files.set(name, { entry, data });
    off = end;
  }
  for (const f of manifest.files) if (!files.has(f.name)) fail('BUNDLE_FILE_MISSING', { name: f.name });
  return { manifest, files };
}
