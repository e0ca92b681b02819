// Who signed: decided only by the pinned keyring. The key-id hint just orders the candidates;
// the signed header's sender must then name the key that actually verified.
import { fail } from './errors';
import { PURPOSES, SIGNER_PURPOSE, headerPayloadType } from './format';
import type { Container } from './container';
import type { BundleHeader } from './header';
import type { Keyring, KeyringKey } from './keyring';
import { fingerprint, publicKeyFromRaw, verifyBytes } from './keys';
import { pae } from './pae';

function verifiesWith(k: KeyringKey, type: string, c: Container): boolean {
  return verifyBytes(publicKeyFromRaw('ed25519', Buffer.from(k.publicKey, 'hex')), pae(type, c.headerBytes), c.signature);
}

export function verifyHeaderSignature(c: Container, header: BundleHeader, keyring: Keyring): KeyringKey {
  const hint = c.keyIdHint.toString('hex');
  const candidates = keyring.keys().filter((k) => k.algorithm === 'ed25519')
    .sort((a, b) => Number(b.keyId === hint) - Number(a.keyId === hint));
  const expected = headerPayloadType(header.purpose, c.version);
  const signer = candidates.find((k) => verifiesWith(k, expected, c));
  if (!signer) {
    const otherTypes = PURPOSES.map((p) => headerPayloadType(p, c.version)).filter((t) => t !== expected);
    if (candidates.some((k) => otherTypes.some((t) => verifiesWith(k, t, c)))) fail('BUNDLE_PAYLOAD_TYPE_MISMATCH');
    if (c.signature.every((b) => b === 0)) fail('BUNDLE_SIGNATURE_MISSING');
    if (!keyring.get(hint)) fail('BUNDLE_KEY_UNKNOWN', { fingerprint: fingerprint(hint.slice(0, 16)) });
    fail('BUNDLE_SIGNATURE_INVALID');
  }
  if (signer.status === 'revoked') fail('BUNDLE_KEY_REVOKED', { fingerprint: fingerprint(signer.keyId.slice(0, 16)) });
  const required = SIGNER_PURPOSE[header.purpose];
  if (signer.purpose !== required) fail('BUNDLE_KEY_WRONG_PURPOSE', { actual: signer.purpose, purpose: header.purpose });
  if (header.sender.keyId !== signer.keyId || header.sender.name !== signer.owner) fail('BUNDLE_SIGNER_MISMATCH');
  return signer;
}
