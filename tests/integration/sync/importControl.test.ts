// What the import screen relies on: progress by phase, a stop that works until writing begins and
// changes nothing, and a file too large for the console named as such.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { cancelImport, importBundle, importProgress, trustPreview } from '../../../electron/services/sync';
import { SyncError } from '../../../electron/sync/content/syncError';
import { databaseContentHash } from '../../support/dbHash';
import { observedError } from '../../support/errorCoverage';
import { syncWorld } from './world';
import type { SyncWorld } from './world';

describe('import progress and stop', () => {
  let w: SyncWorld;
  before(async () => {
    w = await syncWorld({ subjects: 300, seed: 'import-control' });
  });
  after(() => w.dispose());

  test('stopped before it writes: refused as cancelled, nothing changed but one audit event; then it imports', async () => {
    const path = await w.publish(true);
    const db = w.core.ctx.db;
    const before = await databaseContentHash(db, { except: ['audit_event', 'audit_checkpoint'] });
    const history = (await db.get<{ n: number }>('SELECT count(*) AS n FROM sync_bundle_in'))!.n;
    const running = importBundle(w.core.ctx, null, path, 'first.cdbundle', { progressKey: 'k1' });
    assert.equal(importProgress('k1')?.cancellable, true);
    assert.deepEqual(await cancelImport('k1'), { cancelled: true });
    await assert.rejects(running, (e: unknown) => {
      assert.ok(e instanceof SyncError);
      observedError(e.code);
      assert.equal(e.code, 'SYNC_IMPORT_CANCELLED');
      assert.equal(e.messageZh, '导入已取消，没有任何改动。');
      return true;
    });
    assert.equal(importProgress('k1'), null);
    assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM sync_bundle_in'))!.n, history, 'a stop is not a refusal');
    const audit = await db.all<{ action: string }>("SELECT action FROM audit_event WHERE action LIKE 'sync.import%' ORDER BY seq");
    assert.deepEqual(audit.map((a) => a.action), ['sync.import_cancelled']);
    assert.equal(await databaseContentHash(db, { except: ['audit_event', 'audit_checkpoint'] }), before, 'only the audit trail moved');
    assert.equal((await w.importFile(path)).result, 'applied');
  });

  test('stopped while it writes: everything written is taken back; once recorded, a stop is declined', async () => {
    const path = await w.publish(true);
    const db = w.core.ctx.db;
    const before = await databaseContentHash(db, { except: ['audit_event', 'audit_checkpoint'] });
    let stopped: { cancelled: boolean } | null = null;
    await assert.rejects(importBundle(w.core.ctx, null, path, 'third.cdbundle', {
      progressKey: 'k3',
      onProgress: async (done, total) => {
        const p = importProgress('k3')!;
        assert.equal(p.phase, 'applying');
        assert.equal(p.done, done);
        assert.equal(p.total, total);
        if (!stopped) stopped = await cancelImport('k3');
      },
    }), (e: unknown) => e instanceof SyncError && e.code === 'SYNC_IMPORT_CANCELLED');
    assert.deepEqual(stopped, { cancelled: true });
    assert.equal(await databaseContentHash(db, { except: ['audit_event', 'audit_checkpoint'] }), before, 'the rows written before the stop were rolled back');

    const phases: string[] = [];
    let declined: { cancelled: boolean } | null = null;
    const r = await importBundle(w.core.ctx, null, path, 'third.cdbundle', {
      progressKey: 'k4',
      onPhase: async (phase) => {
        phases.push(phase);
        if (phase === 'finishing') declined = await cancelImport('k4');
      },
    });
    assert.equal(r.result, 'applied');
    assert.deepEqual(declined, { cancelled: false });
    assert.deepEqual(phases, ['applying', 'finishing']);
  });

  test('SYNC_FILE_TOO_LARGE: a trust file larger than any trust file is named as too large, not read', async () => {
    const big = w.file('big-trust.json');
    writeFileSync(big, Buffer.alloc(300 * 1024, 0x20));
    await assert.rejects(trustPreview({ kind: 'path', path: big }), (e: unknown) => {
      assert.ok(e instanceof AppError);
      observedError(e.details?.reason);
      assert.equal(e.details?.reason, 'SYNC_FILE_TOO_LARGE');
      assert.match(errorMessage(e.toBody(), 'zh'), /超过/);
      return true;
    });
  });
});
