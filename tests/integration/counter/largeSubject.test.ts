import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { activeProfile } from '../../../electron/services/office/profileService';
import { hiddenReason } from '../../../shared/domain/publication';
import { REPORT_SECTION_OF, REPORT_SECTIONS, type CreditRecord, type ReportSection } from '../../../shared/domain/record';
import { REPORT_MAX_RECORDS } from '../../../shared/domain/report';
import { LIST_ENTRIES_PAGE, SUBJECT_VIEW_PAGE, type RecordCursor, type ListCursor } from '../../../shared/domain/subjectView';
import type { RecordRow } from '../../../shared/domain/population';
import { databaseContentHash } from '../../support/dbHash';
import { seedListEntries, seedRecords, variedListEntry, variedRecord } from '../../support/manyRecords';
import { idNumber, openWorld, person, record, TODAY, type World } from '../report/world';

// Issue 29 item 9, the counter's half: a validly imported file of one person with a million
// records made one lookup take 114 s and answer 472 MB. The attack as a test: a subject already
// holding tens of thousands of records is looked up; the answer is bounded whatever the file
// holds (its size and row count asserted, not its time), the counts are the file's, and paging
// returns every record exactly once. The report counts itself before it is made and refuses a
// file larger than one report carries, changing nothing.

const RECORDS = 30_000;
const LISTS = 3 * LIST_ENTRIES_PAGE + 7;

let w: World;
const big = person(71, '许多');
let rows: RecordRow[] = [];

async function lookup(b: { subject: { idNumber: string; name: string } }, applicant: Record<string, unknown> = { kind: 'self' }) {
  return w.core.ok('counter.lookup', { idNumber: b.subject.idNumber, name: b.subject.name, applicant: applicant as never, purposeCode: 'loan_application' }, w.clerk);
}

const queryLogRows = async () => (await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM query_log'))!.n;

before(async () => {
  w = await openWorld();
  await w.seed(big);
  rows = Array.from({ length: RECORDS }, (_, i) => variedRecord(big.subject.centralId, i, TODAY));
  await seedRecords(w.core.ctx.db, rows);
  await seedListEntries(w.core.ctx.db, Array.from({ length: LISTS }, (_, i) => variedListEntry(big.subject.centralId, i, TODAY)));
});
after(() => w.core.dispose());

describe('a subject holding tens of thousands of records', () => {
  test('the lookup answers with counts per section and one page of each, not the file', async () => {
    const r = await lookup(big);
    const view = r.view!;
    const bytes = Buffer.byteLength(JSON.stringify(r));
    // The file is about 12 MB of JSON; the answer holds six pages of records and one of list entries.
    assert.ok(view.records.length <= REPORT_SECTIONS.length * SUBJECT_VIEW_PAGE, `${view.records.length} records in the answer`);
    assert.ok(view.lists.length <= LIST_ENTRIES_PAGE, `${view.lists.length} list entries in the answer`);
    assert.ok(bytes < 300_000, `the answer is ${bytes} bytes`);
    for (const s of REPORT_SECTIONS) assert.ok(view.records.filter((x) => x.section === s).length <= SUBJECT_VIEW_PAGE);

    // The counts are the whole file's, by the one hidden rule the report uses.
    const profile = await activeProfile(w.core.ctx);
    const expect = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, { total: 0, hidden: 0 }])) as Record<ReportSection, { total: number; hidden: number }>;
    for (const row of rows) {
      const e = expect[REPORT_SECTION_OF[row.category]];
      e.total += 1;
      if (hiddenReason(row as unknown as CreditRecord, TODAY, profile)) e.hidden += 1;
    }
    for (const s of REPORT_SECTIONS) {
      assert.deepEqual({ total: view.sections[s]!.total, hidden: view.sections[s]!.hidden }, expect[s], s);
      assert.equal(view.summary.published[s], expect[s].total - expect[s].hidden, s);
      assert.notEqual(view.sections[s]!.next, null, `${s} has more pages`);
    }
    assert.ok(REPORT_SECTIONS.some((s) => expect[s].hidden > 0) && REPORT_SECTIONS.every((s) => expect[s].hidden < expect[s].total), 'the file mixes shown and hidden records');
    assert.equal(view.summary.hidden, REPORT_SECTIONS.reduce((n, s) => n + expect[s].hidden, 0));
    assert.equal(view.listsTotal, LISTS);
    assert.equal(view.summary.activeLists, Array.from({ length: LISTS }, (_, i) => variedListEntry('x', i, TODAY)).filter((l) => l.status === 'active').length);
  });

  test('paging returns every record of every section exactly once, newest first, and registers nothing', async () => {
    const r = await lookup(big);
    const logged = await queryLogRows();
    for (const s of REPORT_SECTIONS) {
      const seen = r.view!.records.filter((x) => x.section === s);
      let next: RecordCursor | null = r.view!.sections[s]!.next;
      while (next) {
        const page = await w.core.ok('counter.records', { visitId: r.visitId, section: s, after: next }, w.clerk);
        assert.ok(page.records.length <= SUBJECT_VIEW_PAGE && page.records.length > 0);
        assert.ok(page.records.every((x) => x.section === s));
        seen.push(...page.records);
        next = page.next;
      }
      const ids = seen.map((x) => x.id);
      assert.equal(new Set(ids).size, ids.length, `${s}: a record came twice`);
      assert.equal(ids.length, r.view!.sections[s]!.total, `${s}: every record once`);
      const inFile = await w.core.ctx.db.all<{ id: number }>(
        `SELECT id FROM record WHERE subject_id = ? AND category IN (${Object.keys(REPORT_SECTION_OF).filter((c) => REPORT_SECTION_OF[c as keyof typeof REPORT_SECTION_OF] === s).map((c) => `'${c}'`).join(', ')})`,
        [r.view!.identity.subjectId],
      );
      assert.deepEqual([...ids].sort((a, b) => a - b), inFile.map((x) => x.id).sort((a, b) => a - b), s);
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1]!, seen[i]!];
        assert.ok(a.decidedOn > b.decidedOn || (a.decidedOn === b.decidedOn && a.id > b.id), `${s}: out of order at ${i}`);
      }
    }
    const lists = [...r.view!.lists];
    let next: ListCursor | null = r.view!.listsNext;
    while (next) {
      const page = await w.core.ok('counter.lists', { visitId: r.visitId, after: next }, w.clerk);
      lists.push(...page.lists);
      next = page.next;
    }
    assert.equal(new Set(lists.map((l) => l.id)).size, LISTS, 'every list entry once');
    assert.equal(lists.length, LISTS);
    assert.equal(await queryLogRows(), logged, 'reading further pages is part of the visit, not a new query');
  });

  test('pages are the opening clerk\'s, of the same day, and an agent pages only the authorized sections', async () => {
    const r = await lookup(big);
    const after = r.view!.sections.licences!.next;
    const colleague = (await w.core.loginAs('clerk')).token;
    const other = await w.core.call('counter.records', { visitId: r.visitId, section: 'licences', after }, colleague);
    assert.equal(!other.ok && other.error.code, 'FORBIDDEN');

    const letter = await w.letter();
    const agent = await lookup(big, {
      kind: 'agent', agentIdNumber: idNumber(901, '19900101'), agentName: '周代理', documentNo: 'SQ-2026-071', scope: ['basic'],
      validFrom: '2026-11-01', validTo: '2026-12-31', notarised: false, attachmentSha256: letter,
    });
    assert.deepEqual(Object.keys(agent.view!.sections), ['basic']);
    assert.deepEqual(Object.keys(agent.view!.summary.published), ['basic']);
    assert.ok(agent.view!.records.every((x) => x.section === 'basic'));
    assert.equal(agent.view!.summary.negativePublished, 0);
    assert.equal(agent.view!.summary.greenChannel, null);
    assert.deepEqual([agent.view!.lists.length, agent.view!.listsTotal], [0, 0], 'list entries belong to sections the letter does not name');
    const outside = await w.core.call('counter.records', { visitId: agent.visitId, section: 'licences', after: null }, w.clerk);
    assert.equal(!outside.ok && outside.error.code, 'NOT_FOUND');
    const lists = await w.core.ok('counter.lists', { visitId: agent.visitId, after: null }, w.clerk);
    assert.deepEqual(lists, { lists: [], next: null });

    // Within the letter the file is small enough for a report: the cap counts what the report would carry.
    const issued = await w.core.ok('report.issue', { visitId: agent.visitId }, w.clerk);
    assert.equal(issued.counts.basic, agent.view!.summary.published.basic);
  });
});

describe('the report counts itself before it is made', () => {
  test(`a file over ${REPORT_MAX_RECORDS} records is refused with a plain message, nothing issued, counted or written`, async () => {
    const r = await lookup(big);
    const before = await databaseContentHash(w.core.ctx.db);
    const refused = await w.core.call('report.issue', { visitId: r.visitId }, w.clerk);
    assert.ok(!refused.ok);
    assert.equal(refused.error.code, 'REPORT_TOO_LARGE');
    assert.ok(Number(refused.error.details?.records) > REPORT_MAX_RECORDS);
    assert.match(refused.error.message, /at most 5000.*No report was issued or counted.*Contact the platform/);
    assert.equal(await databaseContentHash(w.core.ctx.db), before, 'database content changed');
    assert.equal((await w.core.ok('report.quota', { visitId: r.visitId }, w.clerk)).issued, null);
  });

  test('exactly the cap issues; one list entry more is refused', async () => {
    const edge = person(72, '满格', (id) => Array.from({ length: REPORT_MAX_RECORDS }, () => record(id, { category: 'admin_licence' })));
    await w.seed(edge);
    const entry = { ...variedListEntry(edge.subject.centralId, 0, TODAY), listType: 'black' as const, status: 'active' as const };
    await seedListEntries(w.core.ctx.db, [entry]);
    const first = await lookup(edge);
    const over = await w.core.call('report.issue', { visitId: first.visitId }, w.clerk);
    assert.equal(!over.ok && over.error.code, 'REPORT_TOO_LARGE');
    assert.equal(!over.ok && over.error.details?.records, REPORT_MAX_RECORDS + 1);
    await seedListEntries(w.core.ctx.db, [{ ...entry, status: 'exited' }]);
    const issued = await w.core.ok('report.issue', { visitId: first.visitId }, w.clerk);
    assert.equal(issued.counts.licences, REPORT_MAX_RECORDS);
  });
});
