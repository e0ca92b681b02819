// The lookup and subject-view figures of DESIGN.md §8, next to a bare SQLCipher baseline on the
// same file in the same run. One place for both the built office (`npm run bench`) and the
// imported city (`--city`), so the two runs measure the same thing.
import type { CoreContext } from '../../electron/services/context';
import { buildSubjectView } from '../../electron/services/counter/subjectViewService';
import { findSubjectByIdNumber } from '../../electron/store/subjectStore';
import { shippedProfile } from '../../shared/rules/loadProfile';
import { openBarePlatform } from './bareDb';
import { percentiles, timeEach } from './stats';

export interface LookupFigures {
  lookupBareP50Ms: number; lookupBareP99Ms: number; lookupCoreP50Ms: number; lookupCoreP99Ms: number;
  viewBareP50Ms: number; viewBareP99Ms: number; viewCoreP50Ms: number; viewCoreP99Ms: number;
}

/** The bare baseline: one prepared statement on its own read-only connection to the platform file. */
export interface BareBaseline {
  subject(idNumber: string): Promise<unknown>;
  /** The subject and its records, the least a subject view reads. */
  subjectAndRecords(idNumber: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function openBareBaseline(officeFile: string, key: Buffer): Promise<BareBaseline> {
  const bare = await openBarePlatform(officeFile, key);
  const stmt = bare.prepare('SELECT * FROM subject WHERE id_number = ?');
  const subject = (id: string) => new Promise((res, rej) => stmt.get([id], (e, r) => { stmt.reset(); if (e) rej(e); else res(r); }));
  return {
    subject,
    subjectAndRecords: async (id) => {
      const s = (await subject(id)) as { id: number } | undefined;
      return new Promise((res, rej) => bare.all('SELECT * FROM record WHERE subject_id = ?', [s?.id ?? 0], (e, r) => (e ? rej(e) : res(r))));
    },
    close: () => new Promise<void>((r) => stmt.finalize(() => bare.close(() => r()))),
  };
}

/**
 * `ids`: ID numbers of people in the office's platform file. The core goes through its store
 * (read connection, cached statement) and the full subject view. 200 of each warm both caches
 * alike first.
 */
export async function benchLookups(ctx: CoreContext, officeFile: string, ids: readonly string[]): Promise<LookupFigures> {
  const bare = await openBareBaseline(officeFile, ctx.keys.db);
  try {
    const shuffled = [...ids].sort(() => Math.random() - 0.5);
    await timeEach(shuffled.slice(0, 200), bare.subject);
    await timeEach(shuffled.slice(0, 200), (id) => findSubjectByIdNumber(ctx.db, id));
    const bareLookup = percentiles(await timeEach(shuffled, bare.subject));
    const coreLookup = percentiles(await timeEach(shuffled, (id) => findSubjectByIdNumber(ctx.db, id)));

    const viewSample = shuffled.slice(0, 1000);
    const bareView = percentiles(await timeEach(viewSample, bare.subjectAndRecords));
    const profile = shippedProfile('default')!;
    const coreView = percentiles(
      await timeEach(viewSample, async (id) => {
        const s = await findSubjectByIdNumber(ctx.db, id);
        await buildSubjectView(ctx.db, s!, new Date(), profile);
      }),
    );
    return {
      lookupBareP50Ms: bareLookup.p50, lookupBareP99Ms: bareLookup.p99, lookupCoreP50Ms: coreLookup.p50, lookupCoreP99Ms: coreLookup.p99,
      viewBareP50Ms: bareView.p50, viewBareP99Ms: bareView.p99, viewCoreP50Ms: coreView.p50, viewCoreP99Ms: coreView.p99,
    };
  } finally {
    await bare.close();
  }
}
