// Pinned trust after TUF's root role: a versioned keyring, provisioned once and confirmed by a
// person, replaced only by version N+1 signed by a threshold of N's root keys and of N+1's own.
import { fail } from './errors';
import { DEFAULT_LIMITS, KEYRING_PAYLOAD_TYPE, KEY_PURPOSES } from './format';
import type { KeyPurpose } from './format';
import { canonicalJson } from './header';
import { JsonLimitError, decodeUtf8, isPlainObject, parseStrictJson } from './jsonLimits';
import { keyIdOf, publicKeyFromRaw, signBytes, verifyBytes } from './keys';
import type { KeyAlgorithm, KeyPair } from './keys';
import { pae } from './pae';
import { detail, type DetailCode } from '../../../shared/i18n/refusalDetails';
import { jsonDetail } from './jsonDetail';

export interface KeyringKey {
  keyId: string;
  algorithm: KeyAlgorithm;
  purpose: KeyPurpose;
  /** "platform" or an office code such as 370306-02; bundles name their sender by it. */
  owner: string;
  publicKey: string;
  status: 'active' | 'revoked';
}

export interface KeyringDocument { version: number; issuedAt: string; rootThreshold: number; keys: KeyringKey[] }

/** A DSSE envelope around the canonical keyring document. */
export interface SignedKeyring { payloadType: string; payload: string; signatures: { keyId: string; sig: string }[] }

const ENCRYPTION_PURPOSES: ReadonlySet<KeyPurpose> = new Set(['platform-encryption', 'office-encryption']);
const MAX_SIGNATURES = 16;

const bad = (code: DetailCode, params: Record<string, string | number> = {}): never => fail('BUNDLE_KEYRING_MALFORMED', detail(code, params));

function checkKey(k: unknown): KeyringKey {
  if (!isPlainObject(k)) return bad('key_not_object');
  const { keyId, algorithm, purpose, owner, publicKey, status } = k;
  if (typeof publicKey !== 'string' || !/^[0-9a-f]{64}$/.test(publicKey)) return bad('key_public_hex');
  if (keyId !== keyIdOf(Buffer.from(publicKey, 'hex'))) return bad('key_id_mismatch');
  if (!(KEY_PURPOSES as readonly unknown[]).includes(purpose)) return bad('key_purpose_unknown', { purpose: String(purpose) });
  const want: KeyAlgorithm = ENCRYPTION_PURPOSES.has(purpose as KeyPurpose) ? 'x25519' : 'ed25519';
  if (algorithm !== want) return bad('key_algorithm', { purpose: String(purpose), want: String(want) });
  if (typeof owner !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(owner)) return bad('key_owner');
  if (status !== 'active' && status !== 'revoked') return bad('key_status');
  return { keyId, algorithm: want, purpose: purpose as KeyPurpose, owner, publicKey, status };
}

export function validateKeyringDocument(v: unknown): KeyringDocument {
  if (!isPlainObject(v) || !Array.isArray(v.keys)) return bad('keyring_not_object');
  const { version, issuedAt, rootThreshold } = v;
  if (!Number.isSafeInteger(version) || (version as number) < 1) return bad('keyring_version');
  if (typeof issuedAt !== 'string' || Number.isNaN(Date.parse(issuedAt))) return bad('keyring_issued_at');
  if (v.keys.length > DEFAULT_LIMITS.maxKeyringKeys) return bad('keyring_too_many_keys');
  const keys = v.keys.map(checkKey);
  if (new Set(keys.map((k) => k.keyId)).size !== keys.length) return bad('keyring_key_twice');
  const roots = keys.filter((k) => k.purpose === 'keyring-root' && k.status === 'active').length;
  if (!Number.isSafeInteger(rootThreshold) || (rootThreshold as number) < 1 || (rootThreshold as number) > roots) {
    return bad('keyring_threshold');
  }
  return { version: version as number, issuedAt, rootThreshold: rootThreshold as number, keys };
}

export class Keyring {
  readonly version: number;
  private readonly byId: Map<string, KeyringKey>;
  constructor(readonly document: KeyringDocument, readonly payload: Buffer) {
    this.version = document.version;
    this.byId = new Map(document.keys.map((k) => [k.keyId, k]));
  }
  get(keyId: string): KeyringKey | undefined { return this.byId.get(keyId); }
  keys(): readonly KeyringKey[] { return this.document.keys; }
  activeRoots(): KeyringKey[] { return this.document.keys.filter((k) => k.purpose === 'keyring-root' && k.status === 'active'); }
  find(owner: string, purpose: KeyPurpose): KeyringKey | undefined {
    return this.document.keys.find((k) => k.owner === owner && k.purpose === purpose && k.status === 'active');
  }
}

export function signKeyring(doc: KeyringDocument, signers: readonly KeyPair[]): SignedKeyring {
  const payload = Buffer.from(canonicalJson(validateKeyringDocument(doc)), 'utf8');
  const message = pae(KEYRING_PAYLOAD_TYPE, payload);
  return {
    payloadType: KEYRING_PAYLOAD_TYPE,
    payload: payload.toString('base64'),
    signatures: signers.map((s) => ({ keyId: s.keyId, sig: signBytes(s, message).toString('base64') })),
  };
}

function parseEnvelope(input: unknown): { doc: KeyringDocument; payload: Buffer; sigs: Buffer[] } {
  let env: unknown = input;
  try {
    if (Buffer.isBuffer(input)) env = parseStrictJson(decodeUtf8(input), DEFAULT_LIMITS);
    if (!isPlainObject(env) || env.payloadType !== KEYRING_PAYLOAD_TYPE || typeof env.payload !== 'string' || !Array.isArray(env.signatures)) {
      return bad('keyring_not_signed');
    }
    if (env.signatures.length > MAX_SIGNATURES) return bad('keyring_too_many_signatures');
    const payload = Buffer.from(env.payload, 'base64');
    const sigs = env.signatures.map((s: unknown) => Buffer.from(isPlainObject(s) && typeof s.sig === 'string' ? s.sig : '', 'base64'));
    return { doc: validateKeyringDocument(parseStrictJson(decodeUtf8(payload), DEFAULT_LIMITS)), payload, sigs };
  } catch (e) {
    if (e instanceof JsonLimitError) return fail('BUNDLE_KEYRING_MALFORMED', jsonDetail(e));
    throw e;
  }
}

/** Distinct root keys with a valid signature; the signature's key id is never consulted. */
function countSigners(roots: readonly KeyringKey[], message: Buffer, sigs: readonly Buffer[]): number {
  return roots.filter((k) => {
    const pub = publicKeyFromRaw('ed25519', Buffer.from(k.publicKey, 'hex'));
    return sigs.some((sig) => verifyBytes(pub, message, sig));
  }).length;
}

/** First provisioning: only self-consistency can be checked; a person confirms the fingerprint. */
export function loadPinnedKeyring(input: unknown): Keyring {
  const { doc, payload, sigs } = parseEnvelope(input);
  const ring = new Keyring(doc, payload);
  if (countSigners(ring.activeRoots(), pae(KEYRING_PAYLOAD_TYPE, payload), sigs) < doc.rootThreshold) {
    fail('BUNDLE_KEYRING_UNSIGNED_BY_NEW', { threshold: doc.rootThreshold });
  }
  return ring;
}

export function verifyKeyringUpdate(current: Keyring, input: unknown): Keyring {
  const { doc, payload, sigs } = parseEnvelope(input);
  if (doc.version <= current.version) fail('BUNDLE_KEYRING_ROLLBACK', { version: doc.version, local: current.version });
  if (doc.version !== current.version + 1) {
    fail('BUNDLE_KEYRING_VERSION_JUMP', { version: doc.version, local: current.version, next: current.version + 1 });
  }
  const message = pae(KEYRING_PAYLOAD_TYPE, payload);
  const threshold = current.document.rootThreshold;
  if (countSigners(current.activeRoots(), message, sigs) < threshold) {
    fail('BUNDLE_KEYRING_UNSIGNED_BY_CURRENT', { version: current.version, threshold });
  }
  const next = new Keyring(doc, payload);
  if (countSigners(next.activeRoots(), message, sigs) < doc.rootThreshold) {
    fail('BUNDLE_KEYRING_UNSIGNED_BY_NEW', { threshold: doc.rootThreshold });
  }
  return next;
}

export function keyringKeyFor(pair: KeyPair, purpose: KeyPurpose, owner: string): KeyringKey {
  return { keyId: pair.keyId, algorithm: pair.algorithm, purpose, owner, publicKey: pair.rawPublic.toString('hex'), status: 'active' };
}
