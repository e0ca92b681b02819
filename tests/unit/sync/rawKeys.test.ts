import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { publicKeyFromRaw, rawPublicKey } from '../../../electron/sync/bundle/keys';

// Raw 32-byte keys are what keyrings and headers carry. They are read through DER (a JWK export of
// an Ed25519 key can deadlock Node 20 under garbage collection); the published test vectors pin
// that the bytes read are the key's own.
const VECTORS = {
  // RFC 8032 §7.1, test 1.
  ed25519: { pkcs8: '302e020100300506032b657004220420', secret: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', public: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a' },
  // RFC 7748 §6.1, Alice.
  x25519: { pkcs8: '302e020100300506032b656e04220420', secret: '77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a', public: '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a' },
} as const;

for (const algorithm of ['ed25519', 'x25519'] as const) {
  test(`${algorithm}: the raw key is the published public key, from the private or the public half, and round-trips`, () => {
    const v = VECTORS[algorithm];
    const privateKey = createPrivateKey({ key: Buffer.from(v.pkcs8 + v.secret, 'hex'), format: 'der', type: 'pkcs8' });
    assert.equal(rawPublicKey(privateKey).toString('hex'), v.public);
    assert.equal(rawPublicKey(createPublicKey(privateKey)).toString('hex'), v.public);
    assert.ok(publicKeyFromRaw(algorithm, Buffer.from(v.public, 'hex')).equals(createPublicKey(privateKey)));
    const fresh = algorithm === 'ed25519' ? generateKeyPairSync('ed25519').publicKey : generateKeyPairSync('x25519').publicKey;
    assert.ok(publicKeyFromRaw(algorithm, rawPublicKey(fresh)).equals(fresh));
  });
}

test('a key of another kind is refused, not misread', () => {
  assert.throws(() => rawPublicKey(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey), /not an OKP key/);
  assert.throws(() => publicKeyFromRaw('ed25519', Buffer.alloc(31)), /32 bytes/);
});
