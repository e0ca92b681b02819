// The demo office's legal entities (issue 24): every shape a new user should meet is there, each
// code valid for its kind, and each is found at the counter by its legal representative in person.
import assert from 'node:assert/strict';
import measures from '../../../resources/catalog/measures.json' with { type: 'json' };
import { after, before, test } from 'node:test';
import { DEMO_ENTITIES, demoEntities } from '../../../electron/demo/demoEntities';
import { upsertMeasures, writeSubjectBundles } from '../../../electron/store/populationStore';
import { registrationOf } from '../../../electron/store/entityStore';
import { findSubjectByIdNumber } from '../../../electron/store/subjectStore';
import type { MeasureRow, SubjectBundle } from '../../../shared/domain/population';
import { entityTypeOf } from '../../../shared/domain/entityType';
import { validateCreditCode } from '../../../shared/validators/creditCode';
import { openTestCore, type TestCore } from '../../support/core';

const TODAY = '2026-11-18';
let core: TestCore;
let clerk: string;
let bundles: SubjectBundle[];
before(async () => {
  core = await openTestCore({ now: '2026-11-18T02:00:00Z' });
  clerk = (await core.loginAs('clerk')).token;
  bundles = demoEntities(TODAY, 'DEMO-');
  await core.ctx.db.transaction(async (tx) => {
    await upsertMeasures(tx, measures as MeasureRow[]);
    await writeSubjectBundles(tx, bundles);
  }, { platform: true });
});
after(() => core.dispose());

const of = (key: string) => bundles[DEMO_ENTITIES.findIndex((e) => e.key === key)]!;

test('every shape: clean, penalties in several fields, abnormal operation, serious dishonesty with measures, repaired, under objection', async () => {
  const negatives = (b: SubjectBundle) => b.records.filter((r) => ['admin_penalty', 'admin_enforcement', 'black_list', 'judicial_judgment'].includes(r.category));
  assert.equal(negatives(of('clean')).length, 0);
  assert.equal(of('clean').listEntries.length, 0);
  assert.ok(new Set(of('penalties').records.filter((r) => r.category === 'admin_penalty').map((r) => r.domain)).size >= 3);
  assert.ok(of('penalties').records.some((r) => r.category === 'admin_enforcement'));
  assert.deepEqual(of('abnormal').listEntries.map((l) => l.listType), ['abnormal_operation']);
  const black = of('dishonest').listEntries.find((l) => l.listType === 'black');
  assert.ok(black && black.measureCodes.length > 0 && black.recordCentralId);
  const linked = await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM list_entry_measure lm JOIN list_entry le ON le.id = lm.list_entry_id WHERE le.central_id = ?', [black.centralId]);
  assert.equal(linked?.n, black.measureCodes.length, 'every measure is in the catalogue');
  assert.ok(of('repaired').records.some((r) => r.category === 'admin_penalty' && r.status === 'repaired'));
  assert.ok(of('objection').records.some((r) => r.category === 'admin_penalty' && r.status === 'under_objection'));
});

test('an individual business (92…), a social organisation (51…), enterprises (91…) with valid codes for their kind, and an old registration without one', async () => {
  for (const [i, e] of DEMO_ENTITIES.entries()) {
    const s = bundles[i]!.subject;
    if (e.deptType === null) {
      assert.equal(validateCreditCode(s.idNumber, { mode: 'manual' }).ok, false);
      assert.equal(s.registration?.registrationNo, s.idNumber);
      continue;
    }
    assert.ok(validateCreditCode(s.idNumber, { mode: 'manual' }).ok, `${e.key}: ${s.idNumber}`);
    assert.equal(s.idNumber.slice(0, 2), e.deptType);
    assert.equal(entityTypeOf(s.idNumber), e.kind);
    assert.equal(s.registration?.entityType, e.kind);
  }
  assert.deepEqual(new Set(DEMO_ENTITIES.map((e) => e.deptType)), new Set(['91', '92', '51', null]));
});

test('each demo entity is found at the counter by its legal representative in person', async () => {
  for (const [i, e] of DEMO_ENTITIES.entries()) {
    const s = bundles[i]!.subject;
    const stored = await findSubjectByIdNumber(core.ctx.db, s.idNumber);
    const rep = { kind: 'legal_rep', idNumber: (await registrationOf(core.ctx.db, stored!.id))!.legalRepIdNumber!, name: e.legalRep, licenceSighted: true } as const;
    const common = { name: e.name, applicant: rep, reportKind: 'full', purposeCode: 'bidding' } as const;
    const r = await core.ok('counter.lookup', e.deptType === null
      ? { subjectKind: 'entity_legacy', registrationNo: s.idNumber, clerkConfirmed: true, ...common }
      : { subjectKind: 'entity', creditCode: s.idNumber, ...common }, clerk);
    assert.equal(r.found, true, e.key);
    assert.equal(r.view?.entity?.registration?.entityType, e.kind);
  }
});
