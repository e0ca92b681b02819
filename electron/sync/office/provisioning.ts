// First-run trust (bundle-security.md property 1): the platform's trust file is read, its
// fingerprint shown to a person who compares it with the platform's printed sheet, and only then
// pinned. The office's sync keys are generated and an enrollment request written for the platform.
import { createPublicKey } from 'node:crypto';
import { fingerprint, loadPinnedKeyring, parseStrictJson, sha256Hex, publicKeyFromRaw, keyIdOf } from '../bundle/index';
import { signBytes, verifyBytes } from '../bundle/keys';
import type { Keyring, SignedKeyring } from '../bundle/index';
import { BundleError, DEFAULT_LIMITS } from '../bundle/index';
import { syncFail } from '../content/syncError';
import { pae } from '../bundle/pae';

export const TRUST_FORMAT = 'creditdesk-trust';
export const ENROLLMENT_FORMAT = 'creditdesk-enrollment';
export const ENROLLMENT_PAYLOAD_TYPE = 'application/vnd.creditdesk.enrollment.v1+json';
const MAX_TRUST_BYTES = 256 * 1024;

export interface TrustPreview {
  keyringVersion: number;
  /** What the person compares: SHA-256 of the signed keyring document, grouped. */
  fingerprint: string;
  keys: { purpose: string; owner: string; fingerprint: string; status: string }[];
}

// Each refusal names the problem in both languages: the console shows the Chinese one in a Chinese UI.
function parseJsonFile(bytes: Buffer, what: string, whatZh: string): Record<string, unknown> {
  if (bytes.length === 0 || bytes.length > MAX_TRUST_BYTES) syncFail('SYNC_TRUST_FILE_INVALID', { detail: `${what} is empty or too large`, detailZh: `${whatZh}为空或过大` });
  let v: unknown;
  try {
    v = parseStrictJson(bytes.toString('utf8'), DEFAULT_LIMITS);
  } catch (e) {
    syncFail('SYNC_TRUST_FILE_INVALID', { detail: `${what} is not valid JSON (${(e as Error).message})`, detailZh: `${whatZh}不是有效的 JSON 文件，可能已损坏或选错了文件` });
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return syncFail('SYNC_TRUST_FILE_INVALID', { detail: `${what} is not a JSON object`, detailZh: `${whatZh}的内容格式不对` });
  return v as Record<string, unknown>;
}

export function keyringFingerprint(k: Keyring): string {
  return fingerprint(sha256Hex(k.payload));
}

/** Parses and checks a trust file; nothing is stored. */
export function readTrustFile(bytes: Buffer): { keyring: Keyring; envelope: SignedKeyring; preview: TrustPreview } {
  const doc = parseJsonFile(bytes, 'the trust file', '所选文件');
  if (doc.format !== TRUST_FORMAT || doc.formatVersion !== 1 || typeof doc.keyring !== 'object') {
    syncFail('SYNC_TRUST_FILE_INVALID', { detail: 'it is not a CreditDesk platform trust file (format creditdesk-trust, version 1)', detailZh: '所选文件不是本系统平台发放的信任文件' });
  }
  let keyring: Keyring;
  try {
    keyring = loadPinnedKeyring(doc.keyring);
  } catch (e) {
    if (e instanceof BundleError) syncFail('SYNC_TRUST_FILE_INVALID', { detail: e.message, detailZh: e.messageZh.replace(/。$/, '') });
    throw e;
  }
  if (!keyring.find('platform', 'platform-update-signing') || !keyring.find('platform', 'platform-encryption')) {
    syncFail('SYNC_TRUST_FILE_INVALID', { detail: 'the keyring has no active platform update-signing or encryption key', detailZh: '密钥环中没有有效的平台更新签名密钥或加密密钥' });
  }
  return {
    keyring,
    envelope: doc.keyring as SignedKeyring,
    preview: {
      keyringVersion: keyring.version,
      fingerprint: keyringFingerprint(keyring),
      keys: keyring.keys().map((k) => ({ purpose: k.purpose, owner: k.owner, fingerprint: fingerprint(k.keyId), status: k.status })),
    },
  };
}

/** The person typed (part of) the fingerprint from the printed sheet: at least 8 groups must match. */
export function fingerprintConfirmed(typed: string, expected: string): boolean {
  const a = typed.replace(/[\s:-]/g, '').toUpperCase();
  const b = expected.replace(/\s/g, '');
  return a.length >= 32 && b.startsWith(a);
}

export interface EnrollmentBody {
  format: typeof ENROLLMENT_FORMAT;
  formatVersion: 1;
  officeCode: string;
  officeName: string;
  createdAt: string;
  keyringVersion: number;
  trustFingerprint: string;
  encryptionKey: string;
  exportSigningKey: string;
  reportSigningKey: { keyId: string; publicKeyPem: string };
}

/** DSSE-style: the payload bytes are signed by the export key (proof that the office holds it). */
export interface EnrollmentRequest { payloadType: string; payload: string; signature: string }

export function makeEnrollmentRequest(body: EnrollmentBody, exportKey: Parameters<typeof signBytes>[0]): Buffer {
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  const req: EnrollmentRequest = {
    payloadType: ENROLLMENT_PAYLOAD_TYPE,
    payload: payload.toString('base64'),
    signature: signBytes(exportKey, pae(ENROLLMENT_PAYLOAD_TYPE, payload)).toString('base64'),
  };
  return Buffer.from(`${JSON.stringify(req, null, 2)}\n`, 'utf8');
}

/** Used by the platform: checks the request's shape and its self-signature. */
export function readEnrollmentRequest(bytes: Buffer): EnrollmentBody {
  const req = parseJsonFile(bytes, 'the enrollment request', '注册申请');
  if (req.payloadType !== ENROLLMENT_PAYLOAD_TYPE || typeof req.payload !== 'string' || typeof req.signature !== 'string') {
    syncFail('SYNC_TRUST_FILE_INVALID', { detail: 'not a CreditDesk enrollment request', detailZh: '不是本系统的注册申请' });
  }
  const payload = Buffer.from(req.payload as string, 'base64');
  const body = parseJsonFile(payload, 'the enrollment request payload', '注册申请内容') as unknown as EnrollmentBody;
  const hex = /^[0-9a-f]{64}$/;
  if (body.format !== ENROLLMENT_FORMAT || body.formatVersion !== 1 || !/^\d{6}-\d{2}$/.test(String(body.officeCode))
    || typeof body.officeName !== 'string' || !hex.test(String(body.encryptionKey)) || !hex.test(String(body.exportSigningKey))
    || typeof body.reportSigningKey?.publicKeyPem !== 'string') {
    syncFail('SYNC_TRUST_FILE_INVALID', { detail: 'the enrollment request is incomplete', detailZh: '注册申请内容不完整' });
  }
  const pub = publicKeyFromRaw('ed25519', Buffer.from(body.exportSigningKey, 'hex'));
  if (!verifyBytes(pub, pae(ENROLLMENT_PAYLOAD_TYPE, payload), Buffer.from(req.signature as string, 'base64'))) {
    syncFail('SYNC_TRUST_FILE_INVALID', { detail: 'the enrollment request signature does not verify', detailZh: '注册申请的签名校验失败' });
  }
  createPublicKey(body.reportSigningKey.publicKeyPem); // throws on a malformed PEM
  return body;
}

export const enrollmentKeyIds = (b: EnrollmentBody) => ({
  encryption: keyIdOf(Buffer.from(b.encryptionKey, 'hex')),
  exportSigning: keyIdOf(Buffer.from(b.exportSigningKey, 'hex')),
});
