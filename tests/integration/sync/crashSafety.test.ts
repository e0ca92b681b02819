// bundle-security.md property 8: an import killed during its apply leaves the database exactly as
// before (integrity check clean), and the same bundle then imports.
import assert from 'node:assert/strict';
import { rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatePopulation } from '../../../electron/seed/population';
import { MEASURES } from '../../../electron/seed/measures';
import { databaseContentHash } from '../../support/dbHash';
import { openCore } from '../../../electron/core';
import { TEST_UNLOCK } from '../../support/core';
import { runScriptForJson } from '../../support/nodeScript';
import { killImportAt } from './killImport';
import { syncWorld } from './world';
import type { SyncWorld } from './world';

const SUBJECTS = 15_000;

/** The world's platform closes and both directories go (its office core was closed by the test). */
async function removeWorld(w: SyncWorld): Promise<void> {
  await w.central.close();
  rmSync(w.dir, { recursive: true, force: true });
  rmSync(w.core.dir, { recursive: true, force: true });
}

const t0 = Date.now();
const lap = (what: string) => process.env.CRASH_TIMING && console.log(what, Date.now() - t0);
test('an import killed at several points during the apply leaves the database as before; then it imports', async () => {
  const w = await syncWorld();
  try {
    const rows = [...generatePopulation({ subjects: SUBJECTS, seed: 'crash', today: '2026-11-20', centralIdPrefix: 'K' })];
    const file = await w.craft({
      measures: [...MEASURES],
      subjects: rows.map((b) => b.subject),
      records: rows.flatMap((b) => b.records),
      'list-entries': rows.flatMap((b) => b.listEntries),
    });
    lap('crafted');
    const dir = w.core.dir;
    const now = w.core.clock.now.toISOString();
    await w.core.close();
    // Closing signs an audit checkpoint (a write), so the reference content is taken after it.
    const reference = await openCore({ dataDir: dir, now: () => new Date(now), unlock: TEST_UNLOCK });
    const before = await databaseContentHash(reference.ctx.db);
    await reference.close();
    for (const fraction of [0.05, 0.5, 0.95]) {
      const { killedAt } = await killImportAt(dir, file, now, fraction);
      assert.match(killedAt, /^progress/);
      lap(killedAt);
      const core = await openCore({ dataDir: dir, now: () => new Date(now), unlock: TEST_UNLOCK });
      try {
        assert.equal((await core.ctx.db.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check, 'ok');
        assert.equal(await databaseContentHash(core.ctx.db), before, `database changed after a kill at ${killedAt}`);
      } finally {
        await core.close();
      }
    }
    const core = await openCore({ dataDir: dir, now: () => new Date(now), unlock: TEST_UNLOCK });
    try {
      const { importBundle } = await import('../../../electron/services/sync');
      const r = await importBundle(core.ctx, null, file, 'big.cdbundle');
      assert.equal(r.result, 'applied');
      assert.equal((await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM subject'))!.n, SUBJECTS);
    } finally {
      await core.close();
    }
  } finally {
    await removeWorld(w);
  }
});

test('an import killed after its platform half committed is finished at the next start: the office is exactly as after', async () => {
  const w = await syncWorld();
  try {
    const rows = [...generatePopulation({ subjects: 2_000, seed: 'crash-after', today: '2026-11-20', centralIdPrefix: 'A' })];
    const file = await w.craft({ measures: [...MEASURES], subjects: rows.map((b) => b.subject), records: rows.flatMap((b) => b.records) });
    const dir = w.core.dir;
    const now = w.core.clock.now.toISOString();
    const { sequence } = await w.channel();
    await w.core.close();

    // Just before the commit point: killed as the platform half begins; nothing changed.
    const reference = await openCore({ dataDir: dir, now: () => new Date(now), unlock: TEST_UNLOCK });
    const before = await databaseContentHash(reference.ctx.db);
    await reference.close();
    assert.equal((await killImportAt(dir, file, now, 'applying')).killedAt, 'phase applying');
    const unchanged = await openCore({ dataDir: dir, now: () => new Date(now), unlock: TEST_UNLOCK });
    assert.equal(await databaseContentHash(unchanged.ctx.db), before);
    await unchanged.close();

    // Just after it: the platform rows are in, the office half is not; the next start finishes it.
    const { killedAt } = await killImportAt(dir, file, now, 'finishing');
    assert.equal(killedAt, 'phase finishing');
    const core = await openCore({ dataDir: dir, now: () => new Date(now), unlock: TEST_UNLOCK });
    try {
      const db = core.ctx.db;
      assert.equal((await db.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check, 'ok');
      assert.equal((await db.get<{ n: number }>("SELECT count(*) AS n FROM subject WHERE central_id LIKE 'A%'"))!.n, 2_000);
      assert.equal((await db.get<{ last_sequence: number }>("SELECT last_sequence FROM sync_channel WHERE channel = 'update'"))?.last_sequence, sequence + 1);
      const hist = await db.all<{ result: string; file_name: string }>('SELECT result, file_name FROM sync_bundle_in ORDER BY id DESC LIMIT 1');
      assert.deepEqual(hist, [{ result: 'applied', file_name: 'big.cdbundle' }]);
      assert.equal((await db.get<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE action = 'sync.import_applied'"))!.n, 1);
      assert.equal((await db.get<{ n: number }>('SELECT count(*) AS n FROM sync_import_pending'))!.n, 0);
      const { importBundle } = await import('../../../electron/services/sync');
      assert.equal((await importBundle(core.ctx, null, file, 'big.cdbundle')).result, 'already_imported');
    } finally {
      await core.close();
    }
  } finally {
    await removeWorld(w);
  }
});

test('a bundle many times larger than the memory budget imports: the reader streams, nothing holds the whole bundle', async () => {
  const HEAP_MB = 48;
  const WORKER_HEAP_MB = 24;
  const w = await syncWorld();
  try {
    // Records whose content is long Chinese text (2,000 characters, about 6 KB each).
    const rows = [...generatePopulation({ subjects: 4_500, seed: 'memory', today: '2026-11-20', centralIdPrefix: 'M' })];
    const text = (i: number) => {
      let s = '';
      for (let k = 0; s.length < 2000; k++) for (const b of createHash('sha256').update(`${i}:${k}`).digest()) s += String.fromCharCode(0x4e00 + b * 40);
      return s.slice(0, 2000);
    };
    const records = rows.flatMap((b) => b.records).map((r, i) => ({ ...r, content: text(i) }));
    const file = await w.craft({ measures: [...MEASURES], subjects: rows.map((b) => b.subject), records });
    const size = statSync(file).size;
    assert.ok(size > 4 * WORKER_HEAP_MB * 2 ** 20 && size > 2 * HEAP_MB * 2 ** 20, `the bundle (${Math.round(size / 2 ** 20)} MiB) is several times the budget`);
    const dir = w.core.dir;
    const now = w.core.clock.now.toISOString();
    await w.core.close();
    const r = await runScriptForJson<{ result: string; records: number; peakHeapMiB: number }>(
      [`--max-old-space-size=${HEAP_MB}`], join(import.meta.dirname, 'memoryChild.ts'), [dir, file], { CRASH_NOW: now, CREDITDESK_BUNDLE_WORKER_HEAP_MB: String(WORKER_HEAP_MB) }, 'import');
    assert.equal(r.result, 'applied');
    assert.equal(r.records, records.length);
    assert.ok(r.peakHeapMiB < HEAP_MB, `peak heap ${r.peakHeapMiB} MiB`);
  } finally {
    await removeWorld(w);
  }
});
