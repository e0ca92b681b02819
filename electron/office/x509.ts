// tsyringe, which @peculiar/x509 uses inside, needs the Reflect metadata polyfill loaded first.
import 'reflect-metadata';
import { createHash, webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// Node's own WebCrypto, so every key is Node's (the DOM's Crypto type is not in the core's lib).
(x509.cryptoProvider as unknown as { set(value: unknown): void }).set(webcrypto);

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

export { x509 };

/** ECDSA P-256 with SHA-256: what Node's OpenSSL and Electron's BoringSSL both accept for TLS 1.3. */
export const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/**
 * Every certificate of the office is valid from 2020 to 9999 ("no well-defined expiration",
 * RFC 5280 4.1.2.5). The host trusts a window by its row in the enrolled list, which a revoke
 * changes at once, and a window trusts the host by its pinned key; a date would add nothing but a
 * dependency on each machine's clock (TLS checks dates against the machine's, not the office's).
 */
export const CERT_NOT_BEFORE = new Date('2020-01-01T00:00:00Z');
export const CERT_NOT_AFTER = new Date('9999-12-31T23:59:59Z');

export async function newEcKeyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']);
}

export async function privateKeyPem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END PRIVATE KEY-----\n`;
}

export async function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return webcrypto.subtle.importKey('pkcs8', der, EC_P256, false, ['sign']);
}

/** The pin of a public key: SHA-256 over its SubjectPublicKeyInfo DER, as 64 hex digits. */
export function spkiPin(spkiDer: ArrayBuffer | Uint8Array): string {
  return createHash('sha256').update(new Uint8Array(spkiDer)).digest('hex');
}

/** A random positive serial number of 16 bytes (RFC 5280 allows 20; the top bit clear keeps it positive). */
export function randomSerial(): string {
  const b = webcrypto.getRandomValues(new Uint8Array(16));
  b[0] = b[0]! & 0x7f | 0x01;
  return Buffer.from(b).toString('hex');
}
