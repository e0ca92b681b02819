// bundle-security.md, "Binding and freshness": one test per bad bundle, plus the channel rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify, openBundle, trustedNow } from '../../../electron/sync/bundle/index';
import { writeBundle } from '../../support/bundleBytes';
import { refuses } from './expect';
import { DAY, OFFICE, OTHER_OFFICE, T0, ctx, goodBundle, otherEnc, updateOptions } from './fixtures';

const first = await writeBundle(updateOptions());
const state1 = { sequence: 1, bundleHash: first.bundleHash };

test('addressed to another office', async () => {
  const b = await goodBundle({ recipient: { name: OTHER_OFFICE, publicKey: otherEnc.publicKey } });
  const e = refuses(() => openBundle(b, ctx()), 'BUNDLE_RECIPIENT_MISMATCH');
  assert.match(e.message, new RegExp(OTHER_OFFICE));
});

test('addressed to this office but to a key it does not hold', async () => {
  const b = await goodBundle({ recipient: { name: OFFICE, publicKey: otherEnc.publicKey } });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_RECIPIENT_KEY_MISMATCH');
});

test('the next bundle on the channel opens', async () => {
  const b = await goodBundle({ sequence: 2, prevHash: first.bundleHash });
  assert.equal(openBundle(b, ctx({ state: state1 })).header.sequence, 2);
});

test('older sequence is a replay', async () => {
  refuses(() => openBundle(first.bytes, ctx({ state: { sequence: 5, bundleHash: 'cd'.repeat(32) } })), 'BUNDLE_REPLAY');
});

test('same sequence, same bundle: already imported, benign', async () => {
  const e = refuses(() => openBundle(first.bytes, ctx({ state: state1 })), 'BUNDLE_ALREADY_IMPORTED');
  assert.equal(e.benign, true);
});

test('same sequence with different content is equivocation', async () => {
  const other = await goodBundle({ files: [] });
  const e = refuses(() => openBundle(other, ctx({ state: state1 })), 'BUNDLE_EQUIVOCATION');
  assert.equal(e.benign, false);
});

test('a gap in the sequence names the missing bundles', async () => {
  const b = await goodBundle({ sequence: 4, prevHash: 'ef'.repeat(32) });
  const e = refuses(() => openBundle(b, ctx({ state: state1 })), 'BUNDLE_SEQUENCE_GAP');
  assert.match(e.message, /Bundle 2–3 is missing/);
  const bundle1 = await goodBundle({ sequence: 2, prevHash: 'ef'.repeat(32) });
  const single = refuses(() => openBundle(bundle1, ctx()), 'BUNDLE_SEQUENCE_GAP');
  assert.match(single.message, /Bundle 1 is missing; import it first/);
});

test('expired', async () => {
  refuses(() => openBundle(first.bytes, ctx({ now: new Date(T0.getTime() + 8 * DAY) })), 'BUNDLE_EXPIRED');
});

test('setting the clock back does not revive an expired bundle', async () => {
  const c = ctx({ now: new Date(T0.getTime() - 30 * DAY), newestVerifiedCreatedAt: new Date(T0.getTime() + 10 * DAY) });
  refuses(() => openBundle(first.bytes, c), 'BUNDLE_EXPIRED');
});

test('created-at far in the future', async () => {
  const b = await goodBundle({ createdAt: new Date(T0.getTime() + 30 * DAY), expiresAt: new Date(T0.getTime() + 37 * DAY) });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_FROM_FUTURE');
});

test('previous-bundle hash that does not match', async () => {
  const b = await goodBundle({ sequence: 2, prevHash: 'ef'.repeat(32) });
  refuses(() => openBundle(b, ctx({ state: state1 })), 'BUNDLE_PREV_HASH_MISMATCH');
});

test('an update bundle offered where an export is expected', async () => {
  refuses(() => openBundle(first.bytes, ctx({ expectPurpose: 'export' })), 'BUNDLE_WRONG_PURPOSE');
});

test('classify and trustedNow are pure and cover every verdict', async () => {
  const now = T0;
  const b = { sequence: 2, prevHash: 'aa', bundleHash: 'bb', createdAt: T0, expiresAt: new Date(T0.getTime() + DAY) };
  const s = { sequence: 1, bundleHash: 'aa' };
  assert.deepEqual(classify(s, b, now, 0), { kind: 'ok' });
  assert.deepEqual(classify(null, { ...b, sequence: 1, prevHash: null }, now, 0), { kind: 'ok' });
  assert.deepEqual(classify({ sequence: 2, bundleHash: 'bb' }, b, now, 0), { kind: 'already-imported' });
  assert.deepEqual(classify({ sequence: 2, bundleHash: 'cc' }, b, now, 0), { kind: 'equivocation' });
  assert.deepEqual(classify({ sequence: 3, bundleHash: 'cc' }, b, now, 0), { kind: 'replay', last: 3 });
  assert.deepEqual(classify(null, b, now, 0), { kind: 'gap', missing: [1], missingFrom: 1, missingTo: 1 });
  assert.deepEqual(classify(s, { ...b, prevHash: 'zz' }, now, 0), { kind: 'prev-hash-mismatch' });
  assert.deepEqual(classify(s, b, new Date(T0.getTime() + 2 * DAY), 0), { kind: 'expired' });
  assert.deepEqual(classify(s, { ...b, createdAt: new Date(T0.getTime() + 1000) }, now, 0), { kind: 'future' });
  assert.equal(classify(null, { ...b, sequence: 10_000 }, now, 0).kind, 'gap');
  assert.equal(trustedNow(T0, new Date(T0.getTime() + 5)).getTime(), T0.getTime() + 5);
  assert.equal(trustedNow(T0, null), T0);
});
