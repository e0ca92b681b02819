// The signed header. Writers emit canonical JSON (sorted keys, no spaces); readers verify the
// signature over the exact bytes received and never re-serialize (DSSE).
import { fail } from './errors';
import { detail, type DetailCode } from '../../../shared/i18n/refusalDetails';
import { jsonDetail } from './jsonDetail';
import { ENCRYPTION_ALG, CHUNK_SIZE, FORMAT_VERSION, PURPOSES } from './format';
import type { Limits, Purpose } from './format';
import { JsonLimitError, decodeUtf8, isPlainObject, parseStrictJson } from './jsonLimits';

export interface Party { name: string; keyId: string }

export interface BundleHeader {
  format: 'creditdesk-bundle';
  formatVersion: number;
  bundleId: string;
  purpose: Purpose;
  channel: string;
  sequence: number;
  prevHash: string | null;
  createdAt: string;
  expiresAt: string;
  sender: Party;
  recipient: Party;
  keyringVersion: number;
  encryption: { alg: string; chunkSize: number; ephemeralPublicKey: string; keyCheck: string };
  ciphertext: { length: number; sha256: string };
  crit?: string[];
}

/** Extensions this reader understands when a sender marks them critical (none in v1). */
export const UNDERSTOOD_CRITICAL: ReadonlySet<string> = new Set();

const HEX32 = /^[0-9a-f]{64}$/;
const BUNDLE_ID = /^[0-9a-f]{32}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{3})?Z$/;

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function encodeHeader(h: BundleHeader): Buffer {
  return Buffer.from(canonicalJson(h), 'utf8');
}

function bad(code: DetailCode, params: Record<string, string | number> = {}): never {
  return fail('BUNDLE_HEADER_MALFORMED', detail(code, params));
}

function exactKeys(v: unknown, keys: string[], field: string): Record<string, unknown> {
  if (!isPlainObject(v)) bad('field_not_object', { field });
  const got = Object.keys(v).sort().join(',');
  if (got !== [...keys].sort().join(',')) bad('field_keys', { field, keys: keys.join(', ') });
  return v;
}

function str(v: unknown, re: RegExp, field: string): string {
  if (typeof v !== 'string' || !re.test(v)) bad('field_form', { field });
  return v;
}

function int(v: unknown, field: string, min: number): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < min) bad('field_int', { field, min });
  return v;
}

function time(v: unknown, field: string): string {
  const s = str(v, TIME, field);
  if (Number.isNaN(Date.parse(s))) bad('field_time', { field });
  return s;
}

function party(v: unknown, field: string): Party {
  const o = exactKeys(v, ['name', 'keyId'], field);
  return { name: str(o.name, NAME, `${field}.name`), keyId: str(o.keyId, HEX32, `${field}.keyId`) };
}

/** Strict parse: duplicate keys, unknown critical extensions and wrong types are refused. */
export function parseHeader(bytes: Buffer, limits: Limits): BundleHeader {
  let raw: unknown;
  try {
    raw = parseStrictJson(decodeUtf8(bytes), limits);
  } catch (e) {
    if (e instanceof JsonLimitError && e.problem === 'duplicate-key') fail('BUNDLE_HEADER_DUPLICATE_KEY', { key: e.key ?? '' });
    return fail('BUNDLE_HEADER_MALFORMED', jsonDetail(e));
  }
  if (!isPlainObject(raw)) return bad('header_not_object');
  const crit = raw.crit;
  if (crit !== undefined) {
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((c) => typeof c === 'string')) bad('crit_list');
    for (const c of crit as string[]) if (!UNDERSTOOD_CRITICAL.has(c)) fail('BUNDLE_UNKNOWN_CRITICAL', { field: c });
  }
  if (raw.format !== 'creditdesk-bundle') bad('header_format');
  if (raw.formatVersion !== FORMAT_VERSION) bad('header_format_version', { version: FORMAT_VERSION });
  if (typeof raw.purpose !== 'string' || !(PURPOSES as readonly string[]).includes(raw.purpose)) bad('purpose_unknown');
  const enc = exactKeys(raw.encryption, ['alg', 'chunkSize', 'ephemeralPublicKey', 'keyCheck'], 'encryption');
  if (enc.alg !== ENCRYPTION_ALG || enc.chunkSize !== CHUNK_SIZE) bad('encryption_unsupported');
  const ct = exactKeys(raw.ciphertext, ['length', 'sha256'], 'ciphertext');
  const sequence = int(raw.sequence, 'sequence', 1);
  const prevHash = raw.prevHash === null ? null : str(raw.prevHash, HEX32, 'prevHash');
  const header: BundleHeader = {
    format: 'creditdesk-bundle',
    formatVersion: FORMAT_VERSION,
    bundleId: str(raw.bundleId, BUNDLE_ID, 'bundleId'),
    purpose: raw.purpose as Purpose,
    channel: str(raw.channel, /^[a-z0-9][a-z0-9-]{0,31}$/, 'channel'),
    sequence,
    prevHash,
    createdAt: time(raw.createdAt, 'createdAt'),
    expiresAt: time(raw.expiresAt, 'expiresAt'),
    sender: party(raw.sender, 'sender'),
    recipient: party(raw.recipient, 'recipient'),
    keyringVersion: int(raw.keyringVersion, 'keyringVersion', 1),
    encryption: {
      alg: ENCRYPTION_ALG,
      chunkSize: CHUNK_SIZE,
      ephemeralPublicKey: str(enc.ephemeralPublicKey, HEX32, 'encryption.ephemeralPublicKey'),
      keyCheck: str(enc.keyCheck, HEX32, 'encryption.keyCheck'),
    },
    ciphertext: { length: int(ct.length, 'ciphertext.length', 1), sha256: str(ct.sha256, HEX32, 'ciphertext.sha256') },
  };
  if (crit !== undefined) header.crit = crit as string[];
  if (Date.parse(header.expiresAt) <= Date.parse(header.createdAt)) bad('expires_before_created');
  if (Date.parse(header.expiresAt) - Date.parse(header.createdAt) > limits.maxValidityMs) bad('validity_too_long');
  if ((sequence === 1) !== (prevHash === null)) bad('prev_hash_first');
  return header;
}
