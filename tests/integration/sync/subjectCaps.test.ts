// Issue 29 item 9, the import's half: a validly signed bundle gave one existing person 1,000,000
// records, imported in 120 s, and the next lookup of that person stopped the counter. The content
// rules cap what one subject may hold (electron/sync/content/subjectCaps.ts), counted over what the
// office already holds and the whole bundle, and refuse the bundle whole, naming the subject and
// the cap in both languages, with the database as it was.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SUBJECT_CAPS } from '../../../electron/sync/content/subjectCaps';
import type { ListEntryRow, RecordRow } from '../../../shared/domain/population';
import { seedListEntries, seedRecords, variedListEntry } from '../../support/manyRecords';
import { refusedUnchanged, syncWorld } from './world';
import type { SyncWorld } from './world';

let w: SyncWorld;
let subject: string;

const recordOf = (i: number, over: Partial<RecordRow> = {}): RecordRow => ({
  centralId: `CAP-R${i}`, subjectCentralId: subject, category: 'admin_licence', domain: 'market', severity: null, title: `许可 ${i}`, content: '准予许可。',
  providerUnit: '淄博市行政审批服务局', documentNo: `淄审批许〔2026〕${i}号`, occurredOn: '2026-01-05', decidedOn: '2026-01-10', publicityStart: '2026-01-10',
  publicityEnd: null, status: 'active', version: 1, ...over,
});

const held = async (table: 'record' | 'list_entry') =>
  (await w.core.ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} t JOIN subject s ON s.id = t.subject_id WHERE s.central_id = ?`, [subject]))!.n;

async function lastRefusalZh(): Promise<string> {
  const [row] = await w.core.ok('sync.importHistory', { limit: 1 }, w.operator);
  return row?.refusedReasonZh ?? '';
}

describe('per-subject caps of the content rules', () => {
  before(async () => {
    w = await syncWorld({ subjects: 20, seed: 'subject-caps' });
    await w.importFile(await w.publish(true));
    subject = (await w.core.ctx.db.get<{ central_id: string }>("SELECT central_id FROM subject WHERE kind = 'person' ORDER BY id LIMIT 1"))!.central_id;
  });
  after(() => w.dispose());

  test(`one bundle giving an existing subject more than ${SUBJECT_CAPS.records} records is refused whole`, async () => {
    const before = await held('record');
    const rows = Array.from({ length: SUBJECT_CAPS.records + 1 }, (_, i) => recordOf(i));
    const e = await refusedUnchanged(w, await w.craft({ records: rows }), 'SYNC_SUBJECT_CAP_EXCEEDED');
    assert.equal(e.message, `File records.jsonl gives subject ${subject} more than 20,000 records, the cap for one subject (what the office holds and this bundle together); nothing was imported. No real subject has this many: ask the platform to check this subject's data.`);
    assert.match(await lastRefusalZh(), new RegExp(`主体 ${subject} 的信用记录超过每个主体 20,000 条的上限.*整个同步包未导入`));
    assert.equal(await held('record'), before);
  });

  test('what the office already holds counts: a delta of one record on a file at the cap is refused, a new version of a held record is not', async () => {
    const have = await held('record');
    await seedRecords(w.core.ctx.db, Array.from({ length: SUBJECT_CAPS.records - have }, (_, i) => recordOf(100_000 + i)));
    assert.equal(await held('record'), SUBJECT_CAPS.records);
    const e = await refusedUnchanged(w, await w.craft({ records: [recordOf(1)] }), 'SYNC_SUBJECT_CAP_EXCEEDED');
    assert.match(e.message, new RegExp(`gives subject ${subject} more than 20,000 records`));
    // An update of a record the subject already has adds no row: the file stays at the cap, and imports.
    await w.importFile(await w.craft({ records: [recordOf(100_000, { title: '许可（变更）', version: 2 })] }));
    assert.equal(await held('record'), SUBJECT_CAPS.records);
    assert.equal((await w.core.ctx.db.get<{ title: string }>("SELECT title FROM record WHERE central_id = 'CAP-R100000'"))!.title, '许可（变更）');
  });

  test(`list entries: a subject at ${SUBJECT_CAPS.listEntries} is refused one more, named in both languages`, async () => {
    const have = await held('list_entry');
    await seedListEntries(w.core.ctx.db, Array.from({ length: SUBJECT_CAPS.listEntries - have }, (_, i) => variedListEntry(subject, i, '2026-11-20')));
    const extra: ListEntryRow = { ...variedListEntry(subject, 0, '2026-11-20'), centralId: 'CAP-L-EXTRA' };
    const e = await refusedUnchanged(w, await w.craft({ 'list-entries': [extra] }), 'SYNC_SUBJECT_CAP_EXCEEDED');
    assert.match(e.message, new RegExp(`File list-entries\\.jsonl gives subject ${subject} more than 5,000 list entries`));
    assert.match(await lastRefusalZh(), new RegExp(`主体 ${subject} 的名单记录超过每个主体 5,000 条的上限`));
    assert.equal(await held('list_entry'), SUBJECT_CAPS.listEntries);
  });
});
