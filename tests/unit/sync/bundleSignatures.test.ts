// bundle-security.md, "Signatures and keys": one test per bad bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBundle, signKeyring, keyringKeyFor, generateSigningKeyPair } from '../../../electron/sync/bundle/index';
import { writeBundle } from '../../support/bundleBytes';
import type { KeyringDocument, SignedKeyring } from '../../../electron/sync/bundle/index';
import { headerPayloadType, KEYRING_PAYLOAD_TYPE, PREAMBLE_BYTES } from '../../../electron/sync/bundle/format';
import { refuses } from './expect';
import {
  OFFICE, ctx, exportKey, goodBundle, headerText, keyringDoc1, resign, revokedKey, root1, root2, strangerKey,
  update2Key, updateKey, updateOptions,
} from './fixtures';

const sigOffset = (b: Buffer): number => PREAMBLE_BYTES + Buffer.byteLength(headerText(b)) + 1 + 32;

test('signature missing: file ends after the header', async () => {
  const b = await goodBundle();
  refuses(() => openBundle(b.subarray(0, PREAMBLE_BYTES + Buffer.byteLength(headerText(b))), ctx()), 'BUNDLE_SIGNATURE_MISSING');
});

test('signature missing: signature count zero', async () => {
  const b = await goodBundle();
  b[PREAMBLE_BYTES + Buffer.byteLength(headerText(b))] = 0;
  refuses(() => openBundle(b, ctx()), 'BUNDLE_SIGNATURE_MISSING');
});

test('one bit of the signature flipped', async () => {
  const b = await goodBundle();
  const at = sigOffset(b) + 10;
  b[at] = (b[at] ?? 0) ^ 0x01;
  refuses(() => openBundle(b, ctx()), 'BUNDLE_SIGNATURE_INVALID');
});

test('one byte of the signed header flipped', async () => {
  const b = await goodBundle();
  // Flip a byte inside the sender name so the JSON stays well formed: only the signature can tell.
  const at = PREAMBLE_BYTES + Buffer.from(headerText(b)).indexOf('"platform"') + 1;
  b[at] = 'P'.charCodeAt(0);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_SIGNATURE_INVALID');
});

test('signed by an unknown key', async () => {
  const b = resign(await goodBundle(), (h) => { h.sender.keyId = strangerKey.keyId; }, { key: strangerKey });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_KEY_UNKNOWN');
});

test('signed by a revoked key', async () => {
  const b = resign(await goodBundle(), (h) => { h.sender.keyId = revokedKey.keyId; }, { key: revokedKey });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_KEY_REVOKED');
});

test('signed by a key of another purpose (office export key signing an update)', async () => {
  const b = resign(await goodBundle(), (h) => { h.sender = { name: OFFICE, keyId: exportKey.keyId }; }, { key: exportKey });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_KEY_WRONG_PURPOSE');
});

test('signed over another payload type (export header type, and keyring type)', async () => {
  const bundle1 = await goodBundle();
  refuses(() => openBundle(resign(bundle1, () => {}, { type: headerPayloadType('export') }), ctx()), 'BUNDLE_PAYLOAD_TYPE_MISMATCH');
  const bundle2 = await goodBundle();
  refuses(() => openBundle(resign(bundle2, () => {}, { type: KEYRING_PAYLOAD_TYPE }), ctx()), 'BUNDLE_PAYLOAD_TYPE_MISMATCH');
});

test('key-id hint naming a pinned key while an unknown key signed', async () => {
  const b = resign(await goodBundle(), () => {}, { key: strangerKey, hint: updateKey.keyId });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_SIGNATURE_INVALID');
});

test('header naming one pinned key while another pinned key signed', async () => {
  const b = resign(await goodBundle(), () => {}, { key: update2Key, hint: update2Key.keyId });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_SIGNER_MISMATCH');
});

test('key-id hint naming one pinned key while another signed: refused, whatever the header says', async () => {
  // The hint is outside the signature, so changing it leaves the bundle hash as it was: accepting
  // it would record an altered file under the genuine bundle's hash.
  const bundle3 = await goodBundle();
  refuses(() => openBundle(resign(bundle3, () => {}, { key: updateKey, hint: update2Key.keyId }), ctx()), 'BUNDLE_KEY_HINT_MISMATCH');
  const bundle4 = await goodBundle();
  refuses(() => openBundle(resign(bundle4, () => {}, { key: update2Key, hint: updateKey.keyId }), ctx()), 'BUNDLE_KEY_HINT_MISMATCH');
});

test('hint bytes changed in a genuine bundle: refused, not recorded under its hash', async () => {
  const b = await goodBundle();
  const at = PREAMBLE_BYTES + Buffer.byteLength(headerText(b)) + 1;
  b[at] = (b[at] ?? 0) ^ 0xff;
  refuses(() => openBundle(b, ctx()), 'BUNDLE_KEY_HINT_MISMATCH');
});

test('a header byte flipped so the JSON breaks reads as "signature invalid": the header is never parsed first', async () => {
  const b = await goodBundle();
  b[PREAMBLE_BYTES] = '['.charCodeAt(0);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_SIGNATURE_INVALID');
});

const root3 = generateSigningKeyPair();
const root4 = generateSigningKeyPair();

function doc(version: number, roots = [root3, root4]): KeyringDocument {
  return {
    ...keyringDoc1,
    version,
    issuedAt: '2026-11-20T00:00:00.000Z',
    keys: [...keyringDoc1.keys.filter((k) => k.purpose !== 'keyring-root'), ...roots.map((r) => keyringKeyFor(r, 'keyring-root', 'platform'))],
  };
}

async function keyringBundle(signed: SignedKeyring): Promise<Buffer> {
  return (await writeBundle(updateOptions({
    purpose: 'keyring',
    channel: 'keyring',
    sender: { name: 'platform', key: root1 },
    files: [{ name: 'keyring.jsonl', schema: 'keyring', schemaVersion: 1, records: [signed] }],
  }))).bytes;
}

test('keyring update N+1 signed by N and N+1 is accepted', async () => {
  const opened = openBundle(await keyringBundle(signKeyring(doc(2), [root1, root2, root3, root4])), ctx());
  assert.equal(opened.newKeyring?.version, 2);
  assert.ok(opened.newKeyring?.get(root3.keyId));
});

test('keyring update N+1 without signatures from N', async () => {
  const bundle5 = await keyringBundle(signKeyring(doc(2), [root3, root4]));
  refuses(() => openBundle(bundle5, ctx()), 'BUNDLE_KEYRING_UNSIGNED_BY_CURRENT');
});

test('keyring update N+1 with a duplicated signature from N counts it once', async () => {
  const bundle6 = await keyringBundle(signKeyring(doc(2), [root1, root1, root3, root4]));
  refuses(() => openBundle(bundle6, ctx()), 'BUNDLE_KEYRING_UNSIGNED_BY_CURRENT');
});

test('keyring update N+1 without signatures from its own new roots', async () => {
  const bundle7 = await keyringBundle(signKeyring(doc(2), [root1, root2]));
  refuses(() => openBundle(bundle7, ctx()), 'BUNDLE_KEYRING_UNSIGNED_BY_NEW');
});

test('keyring update jumping to N+2', async () => {
  const bundle8 = await keyringBundle(signKeyring(doc(3), [root1, root2, root3, root4]));
  refuses(() => openBundle(bundle8, ctx()), 'BUNDLE_KEYRING_VERSION_JUMP');
});

test('keyring rollback to the same version', async () => {
  const bundle9 = await keyringBundle(signKeyring(doc(1, [root1, root2]), [root1, root2]));
  refuses(() => openBundle(bundle9, ctx()), 'BUNDLE_KEYRING_ROLLBACK');
});

test('bundle made under a newer keyring than the office holds', async () => {
  const bundle10 = await goodBundle({ keyringVersion: 2 });
  refuses(() => openBundle(bundle10, ctx()), 'BUNDLE_KEYRING_OUTDATED');
});
