import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { upsertRecordsJson, upsertSubjects } from '../../../electron/store/populationStore';
import { findSubjectByIdNumber, recordPageQuery } from '../../../electron/store/subjectStore';
import { idCheckChar } from '../../../shared/validators/idNumber';
import { realisticRecords } from '../../../tools/bench/realisticRecords';
import { openTestCore, type TestCore } from '../../support/core';

// Issue 26: a record page (one section of one subject, newest decision first) found the subject's
// records through record_subject(subject_id) and read all of them to keep one section's. Migration
// 28 replaces that index with record_subject_section(subject_id, category, decided_on). The plan of
// the store's own statement must search the new index by subject and category (before: SEARCH
// record USING INDEX record_subject (subject_id=?), and a sort of the whole file).

let core: TestCore;
let subjectId: number;
const FIRST17 = '11010519800101777';
const RECORDS = 20_000;
const PENALTIES = 60;

before(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  const centralId = 'INDEX-SUBJECT';
  // One large file: 20,000 licences and honours, 60 penalties among them, decisions over 16 years.
  const rows = realisticRecords(centralId, RECORDS, 40, '2030-12-31').map((r, i) => {
    const penalty = i % Math.floor(RECORDS / PENALTIES) === 0;
    return { ...r, category: penalty ? 'admin_penalty' : i % 2 ? 'admin_licence' : 'honour', severity: penalty ? 'ordinary' : null, publicityEnd: penalty ? '2030-12-31' : null, decidedOn: `20${10 + (i % 16)}-0${1 + (i % 9)}-1${i % 10}` } as typeof r;
  });
  await core.ctx.db.transaction(async (tx) => {
    await upsertSubjects(tx, [{ kind: 'person', idNumber: FIRST17 + idCheckChar(FIRST17), name: '测试人', gender: 'M', birthDate: '1980-01-01', legalRepresentative: null, regionCode: '110105', centralId, version: 1 }]);
    await upsertRecordsJson(tx, JSON.stringify(rows));
  }, { platform: true });
  subjectId = (await findSubjectByIdNumber(core.ctx.db, FIRST17 + idCheckChar(FIRST17)))!.id;
  await core.ctx.db.exec('ANALYZE platform');
});
after(() => core.dispose());

const plan = async (q: { sql: string; params: unknown[] }) =>
  (await core.ctx.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${q.sql}`, q.params)).map((r) => r.detail).join(' | ');

test('a record page searches record_subject_section by subject and category, first page and after a cursor', async () => {
  const first = recordPageQuery(subjectId, ['admin_penalty'], null, 50);
  const next = recordPageQuery(subjectId, ['admin_penalty'], { decidedOn: '2018-05-15', id: 10_000 }, 50);
  const several = recordPageQuery(subjectId, ['admin_licence', 'honour'], null, 50);
  for (const q of [first, next, several]) assert.match(await plan(q), /USING INDEX record_subject_section \(subject_id=\? AND category=\?/, q.sql);
  assert.equal((await core.ctx.db.all(first.sql, first.params)).length, 50);
});
