import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import type { ReportSeal } from '../../shared/domain/report';

// The report's authenticity, independent of any database: the QR text is
// "CDR1.<base64url(canonical seal JSON)>.<base64url(Ed25519 signature over the part before the dot)>".
// The seal carries the digest of the full canonical content, so the whole report is covered.

export const QR_PREFIX = 'CDR1';

/** JSON with object keys sorted at every level: one byte sequence per value, whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonicalJson: non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function digestOf(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('base64url');
}

export function signedPartOf(seal: ReportSeal): string {
  return `${QR_PREFIX}.${Buffer.from(canonicalJson(seal), 'utf8').toString('base64url')}`;
}

export function signSeal(seal: ReportSeal, privateKey: KeyObject): { qrText: string; signature: string } {
  const signed = signedPartOf(seal);
  const signature = sign(null, Buffer.from(signed, 'utf8'), privateKey).toString('base64url');
  return { qrText: `${signed}.${signature}`, signature };
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 16 Crockford base-32 characters (80 bits) of SHA-256 over the signature, as XXXX-XXXX-XXXX-XXXX. */
export function verifyCodeOf(signatureB64url: string): string {
  const bytes = createHash('sha256').update(Buffer.from(signatureB64url, 'base64url')).digest().subarray(0, 10);
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += CROCKFORD[(acc >> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  return out.match(/.{4}/g)!.join('-');
}

/** What a person typed: case and separators do not matter, every other character does. */
export function normaliseCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export interface ParsedQr {
  seal: ReportSeal;
  signedPart: string;
  signature: string;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

function isSeal(v: unknown): v is ReportSeal {
  if (!v || typeof v !== 'object') return false;
  const s = v as Record<string, unknown>;
  return (
    s.v === 1 &&
    ['n', 'o', 't', 's', 'i', 'd', 'k'].every((k) => typeof s[k] === 'string') &&
    Array.isArray(s.c) &&
    s.c.every((x) => Number.isInteger(x)) &&
    // The kind of an entity report (issue 24); a personal seal has none, as before.
    (s.r === undefined || s.r === 'e' || s.r === 's') &&
    (s.f === undefined || (Array.isArray(s.f) && s.f.every((x) => typeof x === 'string'))) &&
    (s.p === undefined || typeof s.p === 'string')
  );
}

/** null when the text is not a CreditDesk report QR at all. */
export function parseQrText(text: string): ParsedQr | null {
  const parts = text.trim().split('.');
  if (parts.length !== 3 || parts[0] !== QR_PREFIX) return null;
  const [, body, signature] = parts as [string, string, string];
  if (!B64URL.test(body) || !B64URL.test(signature)) return null;
  // base64url leaves spare bits in the last character; only the canonical spelling is accepted, so
  // that changing any one character of the printed text always breaks verification.
  if (Buffer.from(signature, 'base64url').toString('base64url') !== signature) return null;
  try {
    const seal: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    if (!isSeal(seal)) return null;
    // Re-encoding must give the same text: otherwise two QR texts could carry one signature.
    if (signedPartOf(seal) !== `${QR_PREFIX}.${body}`) return null;
    return { seal, signedPart: `${QR_PREFIX}.${body}`, signature };
  } catch {
    return null;
  }
}

export function signatureValid(signedPart: string, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(signedPart, 'utf8'), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64url'));
  } catch {
    return false;
  }
}
