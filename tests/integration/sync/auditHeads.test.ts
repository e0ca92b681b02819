// Signed audit checkpoints travel to the platform in every export; the reference platform reports
// an office whose audit head went backwards (its local history was cut and re-signed).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { openCore } from '../../../electron/core';
import { AUDIT_HEAD_FILE } from '../../../electron/services/auditCheckpoint';
import { writeExport } from '../../../electron/services/syncService';
import { ingest, status } from '../../../tools/central/platform';
import { openOfficeDatabaseRaw, TEST_UNLOCK } from '../../support/core';
import { syncWorld } from './world';
import { saveDownload } from '../../support/fileUpload';

test('every export carries a signed audit checkpoint; a head that went backwards is reported by the platform', async () => {
  const w = await syncWorld();
  try {
    const { core, operator } = w;
    for (let i = 0; i < 3; i++) await core.loginAs('clerk');
    const first = w.file('export-1.cdbundle');
    saveDownload(await core.ok('sync.exportWrite', {}, operator), first);
    const got = await ingest(w.central, first, core.clock.now);
    assert.ok((got.counts['audit-checkpoints'] ?? 0) >= 1, 'the export carries a checkpoint');
    assert.deepEqual(got.auditWarnings, []);
    const head = (await core.ctx.db.get<{ seq: number }>('SELECT max(head_seq) AS seq FROM audit_checkpoint'))!.seq;

    // Someone with the database key cuts the newest events, and every local trace of the head.
    await core.close();
    const db = await openOfficeDatabaseRaw(core.dir);
    await db.exec(`DROP TRIGGER audit_event_no_delete; DROP TRIGGER audit_checkpoint_no_delete;
      DELETE FROM audit_event WHERE seq > ${head - 4}; DELETE FROM audit_checkpoint;
      CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END;
      CREATE TRIGGER audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;`);
    await db.close();
    rmSync(join(core.dir, AUDIT_HEAD_FILE));
    const again = await openCore({ dataDir: core.dir, unlock: TEST_UNLOCK, now: () => core.clock.now });
    try {
      const written = await writeExport(again.ctx, null);
      const r = await ingest(w.central, written.path, core.clock.now);
      assert.ok(r.auditWarnings.some((m) => /went backwards/.test(m)), r.auditWarnings.join('\n'));
      assert.ok((await status(w.central)).some((l) => /AUDIT WARNING 370306-02 .*went backwards/.test(l)));
    } finally {
      await again.close();
    }
  } finally {
    // The office core was closed above; only the platform and the directories are left.
    await w.central.close();
    rmSync(w.core.dir, { recursive: true, force: true });
    rmSync(w.dir, { recursive: true, force: true });
  }
});
