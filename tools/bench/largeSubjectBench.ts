import { join } from 'node:path';
import { DATABASE_FILE } from '../../electron/core';
import type { CoreContext } from '../../electron/services/context';
import { activeProfile } from '../../electron/services/office/profileService';
import { buildSubjectView, sectionPage } from '../../electron/services/counter/subjectViewService';
import { upsertRecordsJson, upsertSubjects } from '../../electron/store/populationStore';
import { countPublished, findSubjectByIdNumber } from '../../electron/store/subjectStore';
import { publicationAsOf } from '../../shared/domain/publication';
import { RECORD_CATEGORIES } from '../../shared/domain/record';
import { chinaDate } from '../../shared/calendar/dates';
import { idCheckChar } from '../../shared/validators/idNumber';
import { openBareBaseline } from './lookupBench';
import { realisticRecords } from './realisticRecords';
import { percentiles, timeEach } from './stats';

// Issue 29 item 9 for `npm run bench`: one subject holding 20,000 records (the content rules' cap
// per subject) and one holding 100,000 (five times the cap, as an office imported before the cap
// could hold). The subject view (counts of the whole file, the first page of each section), a page
// from the middle of the largest section and the report's size check, next to the bare lookup of
// the subject's row on its own connection, and the view's size in bytes. Before the paged view the
// same lookup answered with the whole file (472 MB and 114 s for a million records).

const SIZES = [20_000, 100_000] as const;
const RUNS = 30;

export async function benchLargeSubject(ctx: CoreContext): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [i, size] of SIZES.entries()) Object.assign(out, await benchOne(ctx, size, 990 + i));
  return out;
}

async function benchOne(ctx: CoreContext, records: number, serial: number): Promise<Record<string, number>> {
  const today = chinaDate(ctx.now());
  const first17 = `11010519800101${serial}`;
  const idNumber = first17 + idCheckChar(first17);
  const centralId = `BENCH-LARGE-SUBJECT-${records}`;
  if (!(await findSubjectByIdNumber(ctx.db, idNumber))) {
    // Realistic content (220 characters on average), decisions spread over sixteen years.
    const rows = realisticRecords(centralId, records, 220, `${Number(today.slice(0, 4)) + 1}-12-31`)
      .map((r, i) => ({ ...r, decidedOn: `20${10 + (i % 16)}-0${1 + (i % 9)}-1${i % 10}` }));
    await ctx.db.transaction(async (tx) => {
      await upsertSubjects(tx, [{ kind: 'person', idNumber, name: '测试人', gender: 'M', birthDate: '1980-01-01', legalRepresentative: null, regionCode: '110105', centralId, version: 1 }]);
      for (let i = 0; i < rows.length; i += 20_000) await upsertRecordsJson(tx, JSON.stringify(rows.slice(i, i + 20_000)));
    }, { platform: true });
  }
  const subject = (await findSubjectByIdNumber(ctx.db, idNumber))!;
  const profile = await activeProfile(ctx);
  const bare = await openBareBaseline(join(ctx.dataDir, DATABASE_FILE), ctx.keys.db);
  try {
    const runs = Array.from({ length: RUNS }, () => idNumber);
    await timeEach(runs.slice(0, 3), bare.subject);
    const bareLookup = percentiles(await timeEach(runs, bare.subject));
    let bytes = 0;
    const view = percentiles(await timeEach(runs, async () => {
      const v = await buildSubjectView(ctx.db, subject, ctx.now(), profile);
      bytes = Buffer.byteLength(JSON.stringify(v));
    }));
    // A page from the middle of the largest section.
    const first = await buildSubjectView(ctx.db, subject, ctx.now(), profile);
    let cursor = first.sections.other?.next ?? null;
    for (let i = 0; i < 20 && cursor; i++) cursor = (await sectionPage(ctx.db, subject.id, 'other', cursor, today, profile)).next;
    const page = percentiles(await timeEach(runs, () => sectionPage(ctx.db, subject.id, 'other', cursor, today, profile)));
    const check = percentiles(await timeEach(runs, () => countPublished(ctx.db, subject.id, RECORD_CATEGORIES, publicationAsOf(today, profile))));
    const k = `largeSubject.${records}`;
    return {
      [`${k}.lookupBare.p50.ms`]: bareLookup.p50, [`${k}.lookupBare.p99.ms`]: bareLookup.p99,
      [`${k}.view.p50.ms`]: view.p50, [`${k}.view.p99.ms`]: view.p99, [`${k}.view.kb`]: Math.round(bytes / 1024),
      [`${k}.page.p50.ms`]: page.p50, [`${k}.page.p99.ms`]: page.p99,
      [`${k}.reportSizeCheck.p50.ms`]: check.p50, [`${k}.reportSizeCheck.p99.ms`]: check.p99,
    };
  } finally {
    await bare.close();
  }
}
