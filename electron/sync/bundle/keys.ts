import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

export type KeyAlgorithm = 'ed25519' | 'x25519';

export interface KeyPair {
  algorithm: KeyAlgorithm;
  keyId: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  /** 32-byte raw public key, the form stored in keyrings and headers. */
  rawPublic: Buffer;
}
export type SigningKeyPair = KeyPair & { algorithm: 'ed25519' };
export type EncryptionKeyPair = KeyPair & { algorithm: 'x25519' };

// SubjectPublicKeyInfo (DER) of an Ed25519 / X25519 key is this fixed prefix and the 32 raw bytes
// (RFC 8410). Raw keys go through DER, not JWK: on Node 20, exporting an Ed25519 key as JWK can
// deadlock the process when a garbage collection runs during the export (ExportJWKEdKey allocates
// while holding the key's mutex, and a collected KeyGenJob waits on that mutex) — seen as a test
// process stuck in futex_wait forever.
const SPKI_PREFIX: Record<KeyAlgorithm, Buffer> = {
  ed25519: Buffer.from('302a300506032b6570032100', 'hex'),
  x25519: Buffer.from('302a300506032b656e032100', 'hex'),
};

/** Key id = SHA-256 of the raw 32-byte public key, lowercase hex (bundle-security.md §1). */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function keyIdOf(rawPublic: Buffer): string {
  return createHash('sha256').update(rawPublic).digest('hex');
}

/** Grouped upper-case hex, for a person to read aloud when pinning a key. */
export function fingerprint(keyId: string): string {
  return (keyId.toUpperCase().match(/.{1,4}/g) ?? []).join(' ');
}

export function shortFingerprint(keyId: string): string {
  return fingerprint(keyId.slice(0, 16));
}

export function rawPublicKey(key: KeyObject): Buffer {
  const type = key.asymmetricKeyType;
  if (type !== 'ed25519' && type !== 'x25519') throw new Error('not an OKP key');
  // A private key is accepted too (its public half is read), as the JWK export allowed.
  const der = (key.type === 'private' ? createPublicKey(key) : key).export({ format: 'der', type: 'spki' });
  const prefix = SPKI_PREFIX[type];
  if (der.length !== prefix.length + 32 || !der.subarray(0, prefix.length).equals(prefix)) throw new Error('unexpected public key encoding');
  return Buffer.from(der.subarray(prefix.length));
}

export function publicKeyFromRaw(algorithm: KeyAlgorithm, raw: Buffer): KeyObject {
  if (raw.length !== 32) throw new Error('raw public key must be 32 bytes');
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX[algorithm], raw]), format: 'der', type: 'spki' });
}

function pairFrom(algorithm: KeyAlgorithm, privateKey: KeyObject): KeyPair {
  const publicKey = createPublicKey(privateKey);
  const rawPublic = rawPublicKey(publicKey);
  return { algorithm, keyId: keyIdOf(rawPublic), publicKey, privateKey, rawPublic };
}

export function generateSigningKeyPair(): SigningKeyPair {
  return pairFrom('ed25519', generateKeyPairSync('ed25519').privateKey) as SigningKeyPair;
}

export function generateEncryptionKeyPair(): EncryptionKeyPair {
  return pairFrom('x25519', generateKeyPairSync('x25519').privateKey) as EncryptionKeyPair;
}

/** PKCS#8 PEM round trip, so callers can keep private keys in their keystore. */
export function exportPrivateKeyPem(pair: KeyPair): string {
  return pair.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}

export function importKeyPairPem(pem: string): KeyPair {
  const privateKey = createPrivateKey(pem);
  const type = privateKey.asymmetricKeyType;
  if (type !== 'ed25519' && type !== 'x25519') throw new Error(`unsupported key type ${String(type)}`);
  return pairFrom(type, privateKey);
}

export function signBytes(pair: SigningKeyPair | KeyPair, message: Buffer): Buffer {
  return sign(null, message, pair.privateKey);
}

export function verifyBytes(publicKey: KeyObject, message: Buffer, signature: Buffer): boolean {
  if (signature.length !== 64) return false;
  try {
    return verify(null, message, publicKey, signature);
  } catch {
    return false;
  }
}
