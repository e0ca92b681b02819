import type { SubjectBundle } from '../../shared/domain/population';
import measures from '../../resources/catalog/measures.json' with { type: 'json' };
import type { MeasureRow } from '../../shared/domain/population';
import type { Core } from '../../electron/core';
import { generatePopulation } from '../../electron/seed/population';
import { upsertMeasures, writeSubjectBundles } from '../../electron/store/populationStore';

/**
 * Streams the demo generator into a throwaway office database: batches of bundles bound as one
 * JSON parameter each, a transaction per 20,000 subjects, never the whole population in memory.
 * Returns a sample of ID numbers (every k-th subject) for the lookup benchmarks.
 */
export async function buildDatabase(core: Core, subjects: number, today: string, onProgress: (done: number) => void): Promise<{ sample: string[]; records: number }> {
  const { db } = core.ctx;
  await db.transaction((tx) => upsertMeasures(tx, measures as MeasureRow[]), { platform: true });
  const sample: string[] = [];
  const every = Math.max(1, Math.floor(subjects / 5000));
  let records = 0;
  const PER_TX = 20_000;
  const BATCH = 1_000;
  for (let start = 0; start < subjects; start += PER_TX) {
    const count = Math.min(PER_TX, subjects - start);
    await db.transaction(async (tx) => {
      let batch: SubjectBundle[] = [];
      let i = start;
      for (const b of generatePopulation({ subjects: count, seed: 'bench', today, startIndex: start })) {
        if (i % every === 0) sample.push(b.subject.idNumber);
        records += b.records.length;
        i += 1;
        batch.push(b);
        if (batch.length === BATCH) {
          await writeSubjectBundles(tx, batch);
          batch = [];
        }
      }
      await writeSubjectBundles(tx, batch);
    }, { platform: true });
    onProgress(start + count);
  }
  return { sample, records };
}
