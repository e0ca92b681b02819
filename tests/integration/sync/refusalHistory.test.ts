// A refused bundle is stored as its code and parameters, and put into words when the history is
// shown, in both languages; rows stored as sentences by older versions still read as they were.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertBundleIn } from '../../../electron/store/syncStore';
import { refusedUnchanged, syncWorld, type SyncWorld } from './world';

let w: SyncWorld;
before(async () => {
  w = await syncWorld();
  await w.importFile(await w.publish(true));
});
after(() => w.dispose());

test('a refusal is stored as code + parameters (no sentence) and the history shows it translated', async () => {
  const ch = await w.channel();
  await refusedUnchanged(w, await w.craft({}, { sequence: ch.sequence + 2 }), 'BUNDLE_SEQUENCE_GAP');
  const row = await w.core.ctx.db.get<{ refused_code: string; refused_params: string | null; refused_reason: string | null; refused_reason_zh: string | null }>(
    'SELECT refused_code, refused_params, refused_reason, refused_reason_zh FROM sync_bundle_in ORDER BY id DESC LIMIT 1',
  );
  assert.equal(row?.refused_code, 'BUNDLE_SEQUENCE_GAP');
  assert.deepEqual(JSON.parse(row?.refused_params ?? 'null'), { missing: String(ch.sequence + 1) });
  assert.equal(row?.refused_reason, null, 'no English sentence stored');
  assert.equal(row?.refused_reason_zh, null, 'no Chinese sentence stored');
  const [shown] = await w.core.ok('sync.importHistory', { limit: 1 }, w.operator);
  assert.equal(shown?.refusedCode, 'BUNDLE_SEQUENCE_GAP');
  assert.equal(shown?.refusedReason, `Bundle ${ch.sequence + 1} is missing; import it first.`);
  assert.equal(shown?.refusedReasonZh, `缺少第 ${ch.sequence + 1} 号同步包，请先导入。`);
});

test('a row stored as sentences before migration 7 still reads as it was stored', async () => {
  await w.core.ctx.db.transaction((tx) =>
    insertBundleIn(tx, {
      at: '2026-11-19T00:00:00.000Z', file_name: 'old.cdbundle', bundle_hash: null, sender: null, channel: null, purpose: null, sequence: null, created_at: null, expires_at: null,
      result: 'refused', counts: '{}', refused_code: 'BUNDLE_EXPIRED', refused_reason: 'The bundle expired at 2026-01-01T00:00:00.000Z; ask the platform for a new one.', refused_reason_zh: null, refused_params: null,
    }),
  );
  const old = (await w.core.ok('sync.importHistory', { limit: 50 }, w.operator)).find((r) => r.fileName === 'old.cdbundle');
  assert.equal(old?.refusedReason, 'The bundle expired at 2026-01-01T00:00:00.000Z; ask the platform for a new one.');
  assert.equal(old?.refusedReasonZh, null);
});
