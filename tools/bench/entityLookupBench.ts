// Issue 24's lookup figure: an entity found by its unified social credit code (the subject and its
// registration basics, as the counter reads them) and its subject view, next to the bare indexed
// query on the same file in the same run. The city gets one entity for every 8 persons, as the
// reference platform generates it.
import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core';
import type { CoreContext } from '../../electron/services/context';
import { buildSubjectView } from '../../electron/services/counter/subjectViewService';
import { generateEntities } from '../../electron/seed/entities';
import { findEntityByCode } from '../../electron/store/entityStore';
import { writeSubjectBundles } from '../../electron/store/populationStore';
import { findSubjectByIdNumber } from '../../electron/store/subjectStore';
import type { SubjectBundle } from '../../shared/domain/population';
import { chinaDate } from '../../shared/calendar/dates';
import { shippedProfile } from '../../shared/rules/loadProfile';
import { openBareBaseline } from './lookupBench';
import { percentiles, timeEach } from './stats';

export async function benchEntityLookups(ctx: CoreContext): Promise<Record<string, number>> {
  const persons = (await ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM subject WHERE kind = 'person'"))!.n;
  const entities = Math.max(1000, Math.round(persons / 8));
  const codes: string[] = [];
  for (let start = 0; start < entities; start += 20_000) {
    const bundles: SubjectBundle[] = [...generateEntities({ entities: Math.min(20_000, entities - start), seed: 'bench', today: chinaDate(ctx.now()), startIndex: start, centralIdPrefix: 'BE' })];
    await ctx.db.transaction((tx) => writeSubjectBundles(tx, bundles), { platform: true });
    codes.push(...bundles.map((b) => b.subject.idNumber));
  }
  const sample = codes.filter((_, i) => i % Math.max(1, Math.floor(codes.length / 5000)) === 0).sort(() => Math.random() - 0.5);
  const bare = await openBareBaseline(join(ctx.dataDir, DATABASE_FILE), ctx.keys.db);
  try {
    // As the counter reads it (entityLookupService): the subject and its registration in one statement.
    const core = (code: string) => findEntityByCode(ctx.db, code);
    await timeEach(sample.slice(0, 200), bare.subject);
    await timeEach(sample.slice(0, 200), core);
    const b = percentiles(await timeEach(sample, bare.subject));
    const c = percentiles(await timeEach(sample, core));
    const profile = shippedProfile('default')!;
    const v = percentiles(await timeEach(sample.slice(0, 1000), async (code) => buildSubjectView(ctx.db, (await findSubjectByIdNumber(ctx.db, code))!, ctx.now(), profile)));
    return {
      entities, entityLookupBareP50Ms: b.p50, entityLookupBareP99Ms: b.p99, entityLookupCoreP50Ms: c.p50, entityLookupCoreP99Ms: c.p99,
      entityViewCoreP50Ms: v.p50, entityViewCoreP99Ms: v.p99,
    };
  } finally {
    await bare.close();
  }
}
