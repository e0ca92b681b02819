// Issue 29: a large import left an unencrypted SQLite temporary database in /var/tmp (the central
// ids the import checks for uniqueness, in a temporary table on disk). An import's scratch space is
// now the data directory's, encrypted, and gone when the import ends.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { MEASURES } from '../../../electron/seed/measures';
import { generatePopulation } from '../../../electron/seed/population';
import { TEST_ENV } from '../../support/core';
import { runScript } from '../../support/nodeScript';
import { syncWorld } from './world';

const root = join(import.meta.dirname, '..', '..', '..');
/** Enough central ids that SQLite's temporary table outgrows its cache and goes to a file. */
const SUBJECTS = 60_000;

const listing = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

test('attack: a large import writes nothing to the temporary directory and leaves no scratch in the data directory', { timeout: 180_000 }, async (t) => {
  const w = await syncWorld();
  const temp = mkdtempSync(join(tmpdir(), 'cd-sqlite-tmp-'));
  try {
    const subjects = [...generatePopulation({ subjects: SUBJECTS, seed: 'temp-files', today: '2026-11-20', centralIdPrefix: 'T' })].map((b) => b.subject);
    const file = await w.craft({ measures: [...MEASURES], subjects });
    await w.core.close();
    const before = listing(w.core.dir);
    // SQLite reads SQLITE_TMPDIR (then TMPDIR) once, as the process starts: so the import runs as the
    // staff command in a process of its own, with both pointed at an empty directory watched here.
    // A temporary file is unlinked as soon as it is opened, so only the watch sees it come and go.
    const seen: string[] = [];
    const watcher = watch(temp, (event, name) => seen.push(`${event} ${name ?? '?'}`));
    const inDataDir = new Set<string>();
    let plainScratch = false;
    const dataWatcher = watch(w.core.dir, (_event, name) => {
      if (!name) return;
      inDataDir.add(name);
      // Whatever of the scratch is on disk while the import runs is encrypted: no SQLite header.
      if (name.endsWith('-scratch.sqlite')) {
        try {
          if (readFileSync(join(w.core.dir, name)).subarray(0, 16).toString('latin1').startsWith('SQLite format 3')) plainScratch = true;
        } catch {
          // Already removed: the import has ended.
        }
      }
    });
    const now = w.core.clock.now.toISOString();
    const started = performance.now();
    const run = await runScript(join(root, 'tests', 'support', 'clockedCreditdesk.ts'), ['--office-now', now, 'import', file, '--data-dir', w.core.dir], {
      ...TEST_ENV, SQLITE_TMPDIR: temp, TMPDIR: temp,
    });
    watcher.close();
    dataWatcher.close();
    t.diagnostic(`the import of ${SUBJECTS} subjects took ${(performance.now() - started).toFixed(0)} ms as a staff command`);
    assert.equal(run.code, 0, run.out + run.err);
    assert.match(run.out, /imported|导入/i);
    assert.equal(seen.length, 0, `the import wrote to the temporary directory: ${[...new Set(seen)].slice(0, 3).join(', ')} (${seen.length} events)`);
    assert.deepEqual(listing(temp), []);
    // The scratch was the data directory's while the import ran, and nothing of it is left (the
    // diagnostics log, slow statements of the import, may be new).
    assert.equal(plainScratch, false, 'the scratch file was plain SQLite');
    assert.ok([...inDataDir].some((f) => f.includes('-scratch')), `no scratch file was made in the data directory: ${[...inDataDir].join(', ')}`);
    const left = listing(w.core.dir).filter((f) => !before.includes(f) && f !== 'diagnostics.log');
    assert.deepEqual(left, [], `left in the data directory: ${left.join(', ')}`);
    assert.doesNotMatch(readFileSync(join(w.core.dir, 'diagnostics.log'), { encoding: 'utf8', flag: 'a+' }), /scratch/i);
  } finally {
    rmSync(temp, { recursive: true, force: true });
    await w.central.close();
    rmSync(w.dir, { recursive: true, force: true });
    rmSync(w.core.dir, { recursive: true, force: true });
  }
});
