// The reference platform publishes a city without holding it (issue 9): a snapshot several times
// larger than the publishing process's heap is written under that heap, and the office accepts it.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkImport } from '../../../electron/services/sync';
import { generate } from '../../../tools/central/platform';
import { OFFICE, syncWorld } from './world';
import { runScriptForJson } from '../../support/nodeScript';

const HEAP_MB = 48;

test(`a snapshot several times larger than a ${HEAP_MB} MiB heap is published under it, and checks out at the office`, async () => {
  const w = await syncWorld();
  try {
    await generate(w.central, { subjects: 6_000, seed: 'publish-memory', today: '2026-11-20' });
    // Long record texts that do not compress away: 8,000 characters each, the most the schema allows.
    await w.central.db.exec('UPDATE record SET content = hex(randomblob(4000))');
    const records = (await w.central.db.get<{ n: number }>('SELECT count(*) AS n FROM record'))!.n;
    const out = w.file('published.cdbundle');
    const r = await runScriptForJson<{ counts: Record<string, number>; peakHeapMiB: number }>(
      [`--max-old-space-size=${HEAP_MB}`], join(import.meta.dirname, 'publishChild.ts'), [w.central.dir, OFFICE, out], { PUBLISH_NOW: w.core.clock.now.toISOString() }, 'publish');
    const size = statSync(out).size;
    assert.ok(size > 2.5 * HEAP_MB * 2 ** 20, `the bundle (${Math.round(size / 2 ** 20)} MiB) is several times the ${HEAP_MB} MiB heap`);
    assert.ok(r.peakHeapMiB < HEAP_MB, `peak heap ${r.peakHeapMiB} MiB`);
    assert.equal(r.counts.records, records);
    // The office reads it as the platform wrote it: signature, every byte's hash, the manifest.
    const preview = await checkImport(w.core.ctx, null, out, 'published.cdbundle');
    assert.equal(preview.counts.records, records);
  } finally {
    await w.dispose();
  }
});
