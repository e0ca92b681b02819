// The inner manifest (inside the ciphertext): what the bundle holds, checked against caps
// before any file body is read.
import { checkFileName, collisionKey } from './archiveNames';
import { fail } from './errors';
import { detail, type DetailCode } from '../../../shared/i18n/refusalDetails';
import type { Limits } from './format';
import { MANIFEST_VERSION } from './format';
import { isPlainObject } from './jsonLimits';

export type Encoding = 'identity' | 'gzip';

export interface ManifestEntry {
  name: string;
  /** Size and SHA-256 of the file after decompression. */
  size: number;
  sha256: string;
  encoding: Encoding;
  schema: string;
  schemaVersion: number;
  records: number;
}

export interface Manifest { manifestVersion: number; bundleId: string; files: ManifestEntry[] }

export type SchemaSupport = (schema: string, version: number) => boolean;

const bad = (code: DetailCode, params: Record<string, string | number> = {}): never => fail('BUNDLE_MANIFEST_MALFORMED', detail(code, params));

function entryOf(v: unknown): ManifestEntry {
  if (!isPlainObject(v)) return bad('entry_not_object');
  const { name, size, sha256, encoding, schema, schemaVersion, records } = v;
  if (typeof name !== 'string') return bad('entry_name_missing');
  checkFileName(name);
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) return bad('entry_field', { field: 'size', file: name });
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return bad('entry_field', { field: 'sha256', file: name });
  if (encoding !== 'identity' && encoding !== 'gzip') return bad('entry_encoding', { file: name });
  if (typeof schema !== 'string' || !/^[a-z][a-z0-9-]{0,63}$/.test(schema)) return bad('entry_field', { field: 'schema', file: name });
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion) || schemaVersion < 1) return bad('entry_field', { field: 'schemaVersion', file: name });
  if (typeof records !== 'number' || !Number.isSafeInteger(records) || records < 0) return bad('entry_field', { field: 'records', file: name });
  return { name, size, sha256, encoding, schema, schemaVersion, records };
}

export function validateManifest(v: unknown, bundleId: string, limits: Limits, supports: SchemaSupport): Manifest {
  if (!isPlainObject(v) || !Array.isArray(v.files)) return bad('manifest_not_object');
  if (v.manifestVersion !== MANIFEST_VERSION) return bad('manifest_version', { version: MANIFEST_VERSION });
  if (v.bundleId !== bundleId) return bad('manifest_other_bundle');
  if (v.files.length > limits.maxFiles) fail('BUNDLE_CONTENT_TOO_LARGE', { limit: limits.maxFiles, unit: 'files' });
  const files = v.files.map(entryOf);
  const seen = new Set<string>();
  let total = 0;
  let records = 0;
  for (const f of files) {
    const key = collisionKey(f.name);
    if (seen.has(key)) fail('BUNDLE_DUPLICATE_ENTRY', { name: f.name });
    seen.add(key);
    if (f.size > limits.maxFileBytes) fail('BUNDLE_FILE_TOO_LARGE', { name: f.name, limit: limits.maxFileBytes });
    total += f.size;
    records += f.records;
    if (!supports(f.schema, f.schemaVersion)) fail('BUNDLE_UNKNOWN_SCHEMA', { name: f.name, schema: f.schema, version: f.schemaVersion });
  }
  if (total > limits.maxTotalBytes) fail('BUNDLE_CONTENT_TOO_LARGE', { limit: limits.maxTotalBytes, unit: 'bytes' });
  if (records > limits.maxRecords) fail('BUNDLE_CONTENT_TOO_LARGE', { limit: limits.maxRecords, unit: 'records' });
  return { manifestVersion: MANIFEST_VERSION, bundleId, files };
}
