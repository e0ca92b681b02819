// Issue 29 item 8, the second half: a command-line import was killed just after its platform
// commit while a console ran; the console found the new subjects but sync status and history showed
// nothing, and a retry answered INTERNAL after 55 s (UNIQUE constraint failed:
// sync_import_pending.bundle_hash). Now the killed import's directory is free at once, the next
// owner finishes the import before anything reads the office, and a retry of the same bundle is
// "already imported", never INTERNAL, also for a running owner that meets a pending row.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { openCore } from '../../../electron/core';
import { generatePopulation } from '../../../electron/seed/population';
import { MEASURES } from '../../../electron/seed/measures';
import { importBundle, importHistory, syncStatus } from '../../../electron/services/sync';
import type { CoreContext } from '../../../electron/services/context';
import { openOfficeDatabaseRaw, TEST_ENV, TEST_UNLOCK } from '../../support/core';
import { runScript } from '../../support/nodeScript';
import { killImportAt } from './killImport';
import { syncWorld, type SyncWorld } from './world';

const root = join(import.meta.dirname, '..', '..', '..');

/** A bundle of 1,000 new subjects for the world's office, whose core is closed again: the children open it. */
async function killedWorld(seed: string): Promise<{ w: SyncWorld; file: string; dir: string; now: string; sequence: number }> {
  const w = await syncWorld();
  const rows = [...generatePopulation({ subjects: 1_000, seed, today: '2026-11-20', centralIdPrefix: 'Q' })];
  const file = await w.craft({ measures: [...MEASURES], subjects: rows.map((b) => b.subject), records: rows.flatMap((b) => b.records) });
  const { sequence } = await w.channel();
  await w.core.close();
  const now = w.core.clock.now.toISOString();
  // Killed while it owns the directory, between the platform commit and the office half.
  assert.equal((await killImportAt(w.core.dir, file, now, 'finishing')).killedAt, 'phase finishing');
  return { w, file, dir: w.core.dir, now, sequence };
}

async function removeWorld(w: SyncWorld): Promise<void> {
  await w.central.close();
  rmSync(w.dir, { recursive: true, force: true });
  rmSync(w.core.dir, { recursive: true, force: true });
}

/** What the screens show once the killed import is finished, with `retry` the retried file's name. */
const finished = (sequence: number, retry: string) => ({
  sequence: sequence + 1,
  history: [['already_imported', retry], ['applied', 'big.cdbundle']],
  applied: 1,
  pending: 0,
  subjects: 1_000,
});

/** What the console's sync screens show: the channel's sequence, the history (newest first), the pending rows. */
async function shown(ctx: CoreContext) {
  return {
    sequence: (await syncStatus(ctx)).channels.find((c) => c.channel === 'update')?.lastSequence ?? 0,
    history: (await importHistory(ctx, 10)).map((h) => [h.result, h.fileName]),
    applied: (await ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE action = 'sync.import_applied'"))!.n,
    pending: (await ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM sync_import_pending'))!.n,
    subjects: (await ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM subject WHERE central_id LIKE 'Q%'"))!.n,
  };
}

test('(d) an import killed right after its platform commit: the retried command finishes it and says "already imported"; status and history show it', async () => {
  const { w, file, dir, now, sequence } = await killedWorld('killed-then-retried');
  try {
    // The operator runs the same command again: the directory is free (its owner is dead), the
    // command's start finishes the office half, and the bundle itself is then a replay.
    const retry = await runScript(join(root, 'tests', 'support', 'clockedCreditdesk.ts'), ['--office-now', now, 'import', file, '--data-dir', dir], TEST_ENV);
    assert.equal(retry.code, 0, retry.out + retry.err);
    assert.match(retry.out, /^Bundle \d+ was already imported; nothing changed\./);
    assert.doesNotMatch(retry.out + retry.err, /INTERNAL|UNIQUE|SQLITE/);

    const core = await openCore({ dataDir: dir, unlock: TEST_UNLOCK, now: () => new Date(now), repeatMaintenance: false });
    try {
      assert.deepEqual(await shown(core.ctx), finished(sequence, basename(file)));
    } finally {
      await core.close();
    }
  } finally {
    await removeWorld(w);
  }
});

test('a running owner that meets an import with its office half still to do finishes it before a retry of the same bundle: "already imported", never INTERNAL', async () => {
  const { w, file, dir, now, sequence } = await killedWorld('pending-under-a-running-owner');
  // The state the console was in: the platform half committed, the office half not done,
  // and the running owner unaware of it (here: the pending row is taken out before the start, which
  // would finish it, and put back once the office is open; an office half that failed in the
  // owner's own process leaves the same).
  const raw = await openOfficeDatabaseRaw(dir);
  try {
    const rows = await raw.all<{ bundle_hash: string; at: string; office_part: string }>('SELECT bundle_hash, at, office_part FROM sync_import_pending');
    assert.equal(rows.length, 1);
    await raw.run('DELETE FROM sync_import_pending');
    const core = await openCore({ dataDir: dir, unlock: TEST_UNLOCK, now: () => new Date(now), repeatMaintenance: false });
    try {
      const r = rows[0]!;
      await raw.run('INSERT INTO sync_import_pending (bundle_hash, at, office_part) VALUES (?, ?, ?)', [r.bundle_hash, r.at, r.office_part]);
      const before = await shown(core.ctx);
      assert.deepEqual([before.sequence, before.history, before.pending, before.subjects], [sequence, [], 1, 1_000], 'the subjects are in, status and history show nothing');

      const again = await importBundle(core.ctx, null, file, 'retry.cdbundle');
      assert.equal(again.result, 'already_imported');
      assert.deepEqual(await shown(core.ctx), finished(sequence, 'retry.cdbundle'));
    } finally {
      await core.close();
    }
  } finally {
    await raw.close();
    await removeWorld(w);
  }
});
