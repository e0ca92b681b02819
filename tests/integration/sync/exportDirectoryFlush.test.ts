import assert from 'node:assert/strict';
import { open, type FileHandle } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { exportWrite } from '../../../electron/services/sync';
import { syncWorld, type SyncWorld } from './world';

// Issue 26, a reviewer's finding: the export flushed the directory after renaming the bundle into
// place and swallowed any failure of that flush (`.catch(() => undefined)`), then recorded the
// export as written. After a power cut the bundle could be gone while the office counts it as sent.
// The attack: a disk whose directory flush fails (EIO). The export must fail and record nothing.

let w: SyncWorld;
before(async () => {
  w = await syncWorld({ subjects: 5, seed: 'export-dir-flush' });
});
after(() => w.dispose());

const exportsRecorded = async () => (await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM sync_bundle_out'))!.n;

test('a failed flush of the exports directory fails the export, and nothing is recorded', async () => {
  const probe = await open(w.file('probe'), 'w');
  const proto = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();
  const realSync = proto.sync;
  proto.sync = async function (this: FileHandle) {
    if ((await this.stat()).isDirectory()) throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' });
    return realSync.call(this);
  };
  try {
    await assert.rejects(exportWrite(w.core.ctx, null, w.file('export-eio.cdbundle')), /EIO/);
  } finally {
    proto.sync = realSync;
  }
  assert.equal(await exportsRecorded(), 0, 'an export whose directory was not flushed was recorded');
  // With a disk that flushes, the same export is written and recorded as the first.
  const r = await exportWrite(w.core.ctx, null, w.file('export-ok.cdbundle'));
  assert.equal(r.sequence, 1);
  assert.equal(await exportsRecorded(), 1);
});
