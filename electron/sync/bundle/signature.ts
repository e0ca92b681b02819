// Who signed is decided only by the pinned keyring, and before the header JSON is parsed, so
// unauthenticated input meets nothing but the fixed-size framing. The key-id hint orders the
// candidates and must name the key that verified; the signed header's sender must name it too.
import { fail } from './errors';
import { KEYRING_PAYLOAD_TYPE, PURPOSES, SIGNER_PURPOSE, headerPayloadType } from './format';
import type { Container } from './container';
import type { BundleHeader } from './header';
import type { Keyring, KeyringKey } from './keyring';
import { fingerprint, publicKeyFromRaw, verifyBytes } from './keys';
import { pae } from './pae';

export interface VerifiedSignature { signer: KeyringKey; payloadType: string }

type Signed = Pick<Container, 'version' | 'headerBytes' | 'keyIdHint' | 'signature'>;

function verifiesWith(k: KeyringKey, type: string, c: Signed): boolean {
  return verifyBytes(publicKeyFromRaw('ed25519', Buffer.from(k.publicKey, 'hex')), pae(type, c.headerBytes), c.signature);
}

export function verifyHeaderSignature(c: Signed, keyring: Keyring): VerifiedSignature {
  const hint = c.keyIdHint.toString('hex');
  const candidates = keyring.keys().filter((k) => k.algorithm === 'ed25519')
    .sort((a, b) => Number(b.keyId === hint) - Number(a.keyId === hint));
  const headerTypes = PURPOSES.map((p) => headerPayloadType(p, c.version));
  for (const signer of candidates) {
    const payloadType = headerTypes.find((t) => verifiesWith(signer, t, c));
    // The hint is outside the signature: a hint that does not name the key that verified is an
    // altered file (bundle-security.md), never a bundle to record under the genuine one's hash.
    if (payloadType) return signer.keyId === hint ? { signer, payloadType } : fail('BUNDLE_KEY_HINT_MISMATCH');
  }
  if (candidates.some((k) => verifiesWith(k, KEYRING_PAYLOAD_TYPE, c))) fail('BUNDLE_PAYLOAD_TYPE_MISMATCH');
  if (c.signature.every((b) => b === 0)) fail('BUNDLE_SIGNATURE_MISSING');
  if (!keyring.get(hint)) fail('BUNDLE_KEY_UNKNOWN', { fingerprint: fingerprint(hint.slice(0, 16)) });
  return fail('BUNDLE_SIGNATURE_INVALID');
}

/** Checks that need the parsed header: type, revocation, key purpose, declared sender. */
export function checkSigner(v: VerifiedSignature, header: BundleHeader, version: number): void {
  if (v.payloadType !== headerPayloadType(header.purpose, version)) fail('BUNDLE_PAYLOAD_TYPE_MISMATCH');
  const { signer } = v;
  if (signer.status === 'revoked') fail('BUNDLE_KEY_REVOKED', { fingerprint: fingerprint(signer.keyId.slice(0, 16)) });
  if (signer.purpose !== SIGNER_PURPOSE[header.purpose]) fail('BUNDLE_KEY_WRONG_PURPOSE', { actual: signer.purpose, purpose: header.purpose });
  if (header.sender.keyId !== signer.keyId || header.sender.name !== signer.owner) fail('BUNDLE_SIGNER_MISMATCH');
}
