// bundle-security.md property 8: an import killed during its apply leaves the database exactly as
// before (integrity check clean), and the same bundle then imports.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatePopulation } from '../../../electron/seed/population';
import { MEASURES } from '../../../electron/seed/measures';
import { databaseContentHash } from '../../support/dbHash';
import { openCore } from '../../../electron/core';
import { TEST_UNLOCK } from '../../support/core';
import { syncWorld } from './world';

const SUBJECTS = 15_000;

/** Runs the child and SIGKILLs it, paused mid-apply, once progress passes `fraction` of the rows. */
function killDuring(dir: string, file: string, now: string, fraction: number): Promise<{ killedAt: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'crashChild.ts'), dir, file], { env: { ...process.env, CRASH_NOW: now }, stdio: ['pipe', 'pipe', 'inherit'] });
    let buf = '';
    let killedAt = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      for (const line of lines) {
        if (killedAt) return;
        const m = /^progress (\d+) (\d+)$/.exec(line);
        if (line === 'committed') return reject(new Error('the child committed before it could be killed'));
        if (m && Number(m[1]) >= fraction * Number(m[2])) {
          killedAt = line;
          child.kill('SIGKILL');
        } else if (m) child.stdin.write('g');
      }
    });
    child.on('exit', () => (killedAt ? resolve({ killedAt }) : reject(new Error('the child exited on its own'))));
  });
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
      const { killedAt } = await killDuring(dir, file, now, fraction);
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
      const { importBundle } = await import('../../../electron/services/syncService');
      const r = await importBundle(core.ctx, null, file, 'big.cdbundle');
      assert.equal(r.result, 'applied');
      assert.equal((await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM subject'))!.n, SUBJECTS);
    } finally {
      await core.close();
    }
  } finally {
    await w.central.close();
    rmSync(w.dir, { recursive: true, force: true });
    rmSync(w.core.dir, { recursive: true, force: true });
  }
});
