// bundle-security.md, "Encryption and stream": one test per bad bundle. Where the signed
// ciphertext hash already catches an outsider's change, a second case re-signs the bundle (a
// sender holding a real key) to prove the chunk layer refuses it on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openBundle } from '../../../electron/sync/bundle/index';
import { BundleError } from '../../../electron/sync/bundle/errors';
import { CHUNK_SIZE, TAG_BYTES } from '../../../electron/sync/bundle/format';
import { openStream, sealChunk, sealStream } from '../../../electron/sync/bundle/stream';
import { refuses } from './expect';
import { bigRecords, ctx, goodBundle, otherEnc, restream, resign, headerOf } from './fixtures';

const FULL = CHUNK_SIZE + TAG_BYTES;
const big = await goodBundle({ files: [{ name: 'records.jsonl', schema: 'records', schemaVersion: 1, records: bigRecords() }] });

test('the multi-chunk fixture really spans several chunks', async () => {
  assert.ok(headerOf(big).ciphertext.length > 3 * FULL);
});

test('one ciphertext byte flipped: refused by the signed hash before decryption', async () => {
  const b = Buffer.from(big);
  b[b.length - 100] = (b[b.length - 100] ?? 0) ^ 0x40;
  refuses(() => openBundle(b, ctx()), 'BUNDLE_CIPHERTEXT_HASH_MISMATCH');
});

test('one ciphertext byte flipped under a valid signature: chunk refused, its plaintext never released', async () => {
  const b = restream(big, (key, plain) => {
    const ct = sealStream(key, plain);
    ct[FULL + 5] = (ct[FULL + 5] ?? 0) ^ 0x01;
    return ct;
  });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_CHUNK_AUTH_FAILED');
});

test('openStream releases only verified chunks', async () => {
  const key = Buffer.alloc(32, 7);
  const plain = Buffer.alloc(3 * CHUNK_SIZE + 10, 0x61);
  const ct = sealStream(key, plain);
  ct[FULL + 5] = (ct[FULL + 5] ?? 0) ^ 0x01;
  const released: number[] = [];
  assert.throws(() => openStream(key, ct, (_p, i) => released.push(i)), (e: unknown) => e instanceof BundleError && e.code === 'BUNDLE_CHUNK_AUTH_FAILED');
  assert.deepEqual(released, [0]);
  const first = Buffer.from(ct);
  first[3] = (first[3] ?? 0) ^ 0x01;
  released.length = 0;
  assert.throws(() => openStream(key, first, (_p, i) => released.push(i)));
  assert.deepEqual(released, []);
});

test('final chunk dropped', async () => {
  refuses(() => openBundle(big.subarray(0, big.length - 1000), ctx()), 'BUNDLE_TRUNCATED');
  const b = restream(big, (key, plain) => {
    const ct = sealStream(key, plain);
    return ct.subarray(0, Math.floor((ct.length - 1) / FULL) * FULL);
  });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_STREAM_TRUNCATED');
});

test('file truncated mid-chunk', async () => {
  refuses(() => openBundle(big.subarray(0, big.length - FULL - 77), ctx()), 'BUNDLE_TRUNCATED');
  const b = restream(big, (key, plain) => sealStream(key, plain).subarray(0, 2 * FULL + 500));
  refuses(() => openBundle(b, ctx()), 'BUNDLE_CHUNK_AUTH_FAILED');
});

test('two final chunks', async () => {
  const b = restream(big, (key, plain) => Buffer.concat([
    sealChunk(key, 0, true, plain.subarray(0, CHUNK_SIZE)),
    sealChunk(key, 1, true, plain.subarray(CHUNK_SIZE)),
  ]));
  refuses(() => openBundle(b, ctx()), 'BUNDLE_STREAM_AFTER_FINAL');
});

test('chunks swapped', async () => {
  const b = restream(big, (key, plain) => {
    const ct = sealStream(key, plain);
    return Buffer.concat([ct.subarray(FULL, 2 * FULL), ct.subarray(0, FULL), ct.subarray(2 * FULL)]);
  });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_CHUNK_AUTH_FAILED');
});

test('encrypted to another office\'s key while the header names this office', async () => {
  const b = restream(await goodBundle(), (key, plain) => sealStream(key, plain), otherEnc.publicKey);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_KEY_CHECK_FAILED');
});

test('all-zero ephemeral key', async () => {
  const b = resign(await goodBundle(), (h) => { h.encryption.ephemeralPublicKey = '00'.repeat(32); });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_BAD_EPHEMERAL_KEY');
});

test('small-order ephemeral key (u = 1)', async () => {
  const b = resign(await goodBundle(), (h) => { h.encryption.ephemeralPublicKey = '01' + '00'.repeat(31); });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_BAD_EPHEMERAL_KEY');
});
