// The counter keeps serving while a bundle imports (docs/architecture.md, "Two files"): with the
// import's platform transaction open and its rows written but not committed, lookups, a report and
// an objection intake go through the API with their normal results. Counted, not timed: each call
// below completes while the import is stopped mid-apply, which it could not if it waited for the
// import (the test would then hang and fail by name).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { importBundle } from '../../../electron/services/sync';
import { observedError } from '../../support/errorCoverage';
import { syncWorld } from './world';
import type { SyncWorld } from './world';

const LOOKUPS = 25;

describe('the counter during an import', () => {
  let w: SyncWorld;
  before(async () => {
    w = await syncWorld({ subjects: 400, seed: 'counter-during-import' });
    await w.importFile(await w.publish(true));
  });
  after(() => w.dispose());

  test(`at least ${LOOKUPS} lookups, a report and an objection intake complete while an import is applying; its data then commits whole`, async () => {
    const db = w.core.ctx.db;
    const people = await db.all<{ id_number: string; name: string; record_id: number }>(
      `SELECT s.id_number, s.name, min(r.id) AS record_id FROM subject s JOIN record r ON r.subject_id = s.id
        WHERE s.kind = 'person' AND r.status = 'active' GROUP BY s.id ORDER BY s.id LIMIT ${LOOKUPS + 2}`);
    assert.equal(people.length, LOOKUPS + 2, 'the world has enough people with records');
    const clerk = (await w.core.loginAs('clerk')).token;
    const manager = (await w.core.loginAs('manager')).token;
    const lookup = (p: (typeof people)[number]) => w.core.ok('counter.lookup', { idNumber: p.id_number, name: p.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk);
    const channelBefore = await w.channel();
    const queryLogBefore = (await db.get<{ n: number }>('SELECT count(*) AS n FROM query_log'))!.n;

    // A second snapshot: every row again, a platform half with several batches.
    const path = await w.publish(true);
    let completedDuringApply = 0;
    let seenMidApply = false;
    let objectionId = 0;
    const result = await importBundle(w.core.ctx, null, path, 'snapshot-2.cdbundle', { onProgress: async (done, total) => {
      if (seenMidApply || done >= total) return;
      seenMidApply = true;
      assert.ok(db.importing, 'the import holds the platform file');
      assert.deepEqual(await w.channel(), channelBefore, 'nothing of the import is committed yet');
      for (const p of people.slice(0, LOOKUPS)) {
        const r = await lookup(p);
        assert.equal(r.found, true);
        assert.ok((r.view?.records.length ?? 0) > 0, 'the lookup shows the records as committed before the import');
        assert.equal(r.platformUpdating, true, 'the answer says the platform data is being updated');
        completedDuringApply++;
      }
      const visit = await lookup(people[LOOKUPS]!);
      const report = await w.core.ok('report.issue', { visitId: visit.visitId }, clerk);
      assert.ok(report.reportNo);
      const intake = await w.core.ok('objection.intake', { visitId: visit.visitId, recordIds: [people[LOOKUPS]!.record_id], scope: 'wrong', description: '罚款金额有误' }, clerk);
      assert.equal(intake.state, 'accepted');
      objectionId = intake.id;
      // A change to records themselves waits for the import, and says so.
      const refused = await w.core.call('repair.act', { action: 'approve', id: 1, version: 1, reason: 'x' }, manager);
      assert.ok(!refused.ok);
      observedError(refused.error.code);
      assert.equal(refused.error.code, 'SYNC_IMPORT_IN_PROGRESS');
    } });
    assert.equal(result.result, 'applied');
    assert.ok(seenMidApply, 'the import reported progress mid-apply');
    assert.ok(completedDuringApply >= LOOKUPS, `${completedDuringApply} lookups completed during the apply`);
    assert.equal((await w.channel()).sequence, channelBefore.sequence + 1);
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM query_log'))!.n, queryLogBefore + LOOKUPS + 1);
    // The objection accepted mid-import marks its record once the import has committed.
    const rec = await db.get<{ status: string }>('SELECT status FROM record WHERE id = ?', [people[LOOKUPS]!.record_id]);
    assert.equal(rec?.status, 'under_objection');
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM record_mark_pending'))!.n, 0);
    const c = await w.core.ok('objection.get', { id: objectionId }, manager);
    assert.equal(c.state, 'accepted');
    assert.equal((await lookup(people[0]!)).platformUpdating, false, 'after the import the notice is gone');
  });
});
