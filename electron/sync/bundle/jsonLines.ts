// Content-file envelope: JSON Lines whose first line names the schema and the record count.
// Lines are split on the raw bytes so a large file never becomes one giant string.
import { fail } from './errors';
import { detail } from '../../../shared/i18n/refusalDetails';
import { jsonDetail } from './jsonDetail';
import { JsonLimitError, decodeUtf8, isPlainObject, parseStrictJson } from './jsonLimits';

export interface JsonLinesLimits { maxJsonDepth: number; maxStringLength: number; maxLineBytes: number; maxRecords: number }

export interface ContentEnvelope { schema: string; schemaVersion: number; records: number }

export interface ParsedContent { envelope: ContentEnvelope; records: unknown[] }

export function encodeJsonLines(schema: string, schemaVersion: number, records: readonly unknown[]): Buffer {
  const lines = [JSON.stringify({ schema, schemaVersion, records: records.length })];
  for (const r of records) lines.push(JSON.stringify(r));
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}

export function parseLine(name: string, line: number, bytes: Buffer, lim: JsonLinesLimits): unknown {
  if (bytes.length > lim.maxLineBytes) fail('BUNDLE_JSON_TOO_LONG', { name, line });
  try {
    return parseStrictJson(decodeUtf8(bytes), lim);
  } catch (e) {
    if (!(e instanceof JsonLimitError)) {
      fail('BUNDLE_JSON_INVALID', { name, line, ...jsonDetail(e) });
    }
    if (e.problem === 'too-deep') fail('BUNDLE_JSON_TOO_DEEP', { name, line });
    if (e.problem === 'too-long') fail('BUNDLE_JSON_TOO_LONG', { name, line });
    return fail('BUNDLE_JSON_INVALID', { name, line, ...jsonDetail(e) });
  }
}

export function toEnvelope(name: string, v: unknown): ContentEnvelope {
  const keys = isPlainObject(v) ? Object.keys(v).sort().join(',') : '';
  if (!isPlainObject(v) || keys !== 'records,schema,schemaVersion'
    || typeof v.schema !== 'string' || !Number.isSafeInteger(v.schemaVersion)
    || !Number.isSafeInteger(v.records) || (v.records as number) < 0) {
    return fail('BUNDLE_JSON_INVALID', { name, line: 1, ...detail('envelope_shape') });
  }
  return { schema: v.schema, schemaVersion: v.schemaVersion as number, records: v.records as number };
}

/** Parse a content file; every line is checked against the depth, length and count caps. */
export function parseJsonLines(name: string, data: Buffer, lim: JsonLinesLimits): ParsedContent {
  let pos = 0;
  let line = 0;
  let envelope: ContentEnvelope | null = null;
  const records: unknown[] = [];
  while (pos < data.length) {
    let end = data.indexOf(0x0a, pos);
    if (end < 0) end = data.length;
    line++;
    if (end - pos > lim.maxLineBytes) fail('BUNDLE_JSON_TOO_LONG', { name, line });
    const value = parseLine(name, line, data.subarray(pos, end), lim);
    pos = end + 1;
    if (envelope === null) {
      envelope = toEnvelope(name, value);
      if (envelope.records > lim.maxRecords) fail('BUNDLE_CONTENT_TOO_LARGE', { limit: lim.maxRecords, unit: 'records' });
      continue;
    }
    if (records.length >= envelope.records) fail('BUNDLE_RECORD_COUNT_MISMATCH', { name });
    records.push(value);
  }
  if (envelope === null) return fail('BUNDLE_JSON_INVALID', { name, line: 1, ...detail('file_empty') });
  if (records.length !== envelope.records) fail('BUNDLE_RECORD_COUNT_MISMATCH', { name });
  return { envelope, records };
}

