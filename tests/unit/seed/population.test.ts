import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SubjectBundle } from '../../../shared/domain/population';
import { NEGATIVE_CATEGORIES, RECORD_CATEGORIES, RECORD_DOMAINS, RECORD_STATUSES, SEVERITIES } from '../../../shared/domain/record';
import measures from '../../../resources/catalog/measures.json' with { type: 'json' };
import { addMonths } from '../../../electron/seed/days';
import { generateEntities } from '../../../electron/seed/entities';
import { idCheckOk, usccCheckOk } from '../../../electron/seed/idNumbers';
import { generatePopulation } from '../../../electron/seed/population';
import { entityTypeOf } from '../../../shared/domain/entityType';

const TODAY = '2026-11-21';
const opts = { seed: 'test-seed', today: TODAY };
const MEASURE_KIND = new Map(measures.map((m) => [m.code, m.kind]));

test('same seed → identical first 1000 bundles; a different seed differs', () => {
  const a = [...generatePopulation({ ...opts, subjects: 1000 })];
  const b = [...generatePopulation({ ...opts, subjects: 1000 })];
  assert.deepEqual(a, b);
  const c = [...generatePopulation({ ...opts, seed: 'other', subjects: 10 })];
  assert.notDeepEqual(a.slice(0, 10), c);
});

test('batches from startIndex equal the same slice of one run', () => {
  const whole = [...generatePopulation({ ...opts, subjects: 600 })];
  const batches: SubjectBundle[] = [];
  for (let start = 0; start < 600; start += 250) {
    batches.push(...generatePopulation({ ...opts, subjects: Math.min(250, 600 - start), startIndex: start }));
  }
  assert.deepEqual(batches, whole);
  const [late] = [...generatePopulation({ ...opts, subjects: 1, startIndex: 4_321_000 })];
  assert.equal(late?.subject.centralId, 'P4321000');
});

test('central id prefix applies to subjects, records and list entries', () => {
  for (const b of generatePopulation({ ...opts, subjects: 300, centralIdPrefix: 'SD-' })) {
    assert.ok(b.subject.centralId.startsWith('SD-P'));
    for (const r of b.records) assert.ok(r.centralId.startsWith('SD-R') && r.subjectCentralId === b.subject.centralId);
    for (const l of b.listEntries) assert.ok(l.centralId.startsWith('SD-L') && l.subjectCentralId === b.subject.centralId);
  }
});

/** Validates one bundle against the catalogue and the repair tiers; returns nothing, asserts. */
function checkBundle(b: SubjectBundle): void {
  const s = b.subject;
  const recordIds = new Set(b.records.map((r) => r.centralId));
  assert.equal(recordIds.size, b.records.length);
  for (const r of b.records) {
    assert.ok(RECORD_CATEGORIES.includes(r.category), r.category);
    assert.ok(RECORD_DOMAINS.includes(r.domain), r.domain);
    assert.ok(RECORD_STATUSES.includes(r.status), r.status);
    assert.ok(r.title.length > 0 && r.content.length > 0 && r.providerUnit.length > 0);
    assert.ok(r.occurredOn <= r.decidedOn && r.decidedOn <= TODAY, `${r.centralId} ${r.occurredOn} ${r.decidedOn}`);
    if (s.birthDate) assert.ok(r.decidedOn > s.birthDate, `${r.centralId} decided before birth`);
    if (r.category === 'basic' || r.category === 'admin_licence') assert.equal(r.publicityEnd, null);
    if (NEGATIVE_CATEGORIES.includes(r.category)) {
      assert.ok(r.severity !== null && SEVERITIES.includes(r.severity), `${r.centralId} needs a severity`);
      assert.ok(r.publicityEnd !== null);
    } else {
      assert.equal(r.severity, null);
    }
    if (r.category === 'admin_penalty') {
      const end = r.publicityEnd;
      if (r.severity === 'minor') assert.ok(end === r.publicityStart || end === addMonths(r.decidedOn, 3), `minor ${end}`);
      if (r.severity === 'ordinary') assert.ok(end === addMonths(r.decidedOn, 12) || end === addMonths(r.decidedOn, 3), `ordinary ${end}`);
      if (r.severity === 'serious') assert.equal(end, addMonths(r.decidedOn, 36));
    }
  }
  for (const l of b.listEntries) {
    // The abnormal-operation list (issue 24) is a registration authority's placement, not a
    // decision on a credit record, and the national measure catalogue names no measure for it.
    if (l.listType !== 'abnormal_operation') {
      assert.ok(l.recordCentralId !== null && recordIds.has(l.recordCentralId), 'entry rests on a record of the subject');
      assert.ok(l.measureCodes.length > 0);
    }
    const want = l.listType === 'red' ? 'reward' : 'punishment';
    for (const code of l.measureCodes) assert.equal(MEASURE_KIND.get(code), want, `${l.listType} cites ${code}`);
    assert.ok(l.exitOn === null || l.enteredOn < l.exitOn);
    assert.equal(l.status, l.exitOn !== null && l.exitOn <= TODAY ? 'exited' : 'active');
  }
}

test('measure catalogue: unique codes, both kinds, every measure cites a basis', () => {
  assert.equal(new Set(measures.map((m) => m.code)).size, measures.length);
  assert.ok(measures.filter((m) => m.kind === 'punishment').length >= 20);
  assert.ok(measures.filter((m) => m.kind === 'reward').length >= 6);
  for (const m of measures) assert.ok(m.basis.length > 0 && m.title.length > 0 && typeof m.mandatory === 'boolean');
});

test('200k subjects: catalogue-valid, unique valid IDs, distributions as intended, throughput', () => {
  const n = 200_000;
  const ids = new Set<string>();
  let records = 0;
  let debtors = 0;
  let black = 0;
  let red = 0;
  const severity = { minor: 0, ordinary: 0, serious: 0 };
  let penalties = 0;
  let ended = 0;
  let published = 0;
  let endingSoon = 0;
  let repaired = 0;
  let revoked = 0;
  const soon = addMonths(TODAY, 1);
  const t0 = performance.now();
  for (const b of generatePopulation({ ...opts, subjects: n })) {
    checkBundle(b);
    assert.ok(idCheckOk(b.subject.idNumber), b.subject.idNumber);
    ids.add(b.subject.idNumber);
    records += b.records.length;
    for (const l of b.listEntries) {
      if (l.listType === 'dishonest_debtor') debtors++;
      else if (l.listType === 'black') black++;
      else red++;
    }
    const behindList = b.records.filter((r) => r.category === 'black_list').map((r) => r.content);
    for (const r of b.records) {
      if (r.category !== 'admin_penalty' || !r.severity || !r.publicityEnd) continue;
      // Tier shares are intended for freestanding penalties; black lists add serious ones on top.
      if (behindList.some((c) => c.includes(r.documentNo))) continue;
      penalties++;
      severity[r.severity]++;
      if (r.status === 'repaired') repaired++;
      if (r.status === 'revoked') revoked++;
      if (r.publicityEnd <= TODAY) ended++;
      else if (r.publicityStart <= TODAY) {
        published++;
        if (r.publicityEnd <= soon) endingSoon++;
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(
    `generated ${n} subjects / ${records} records in ${seconds.toFixed(2)} s (incl. checks): ` +
      `${Math.round(n / seconds)} subjects/s, ${Math.round(records / seconds)} records/s`,
  );
  assert.equal(ids.size, n, 'ID numbers are unique');
  const share = (k: number): number => k / n;
  assert.ok(records / n > 4.5 && records / n < 5.5, `records per subject ${records / n}`);
  assert.ok(Math.abs(share(debtors) - 0.03) < 0.004, `debtors ${share(debtors)}`);
  assert.ok(Math.abs(share(black) - 0.02) < 0.004, `black ${share(black)}`);
  assert.ok(Math.abs(share(red) - 0.03) < 0.004, `red ${share(red)}`);
  assert.ok(Math.abs(severity.minor / penalties - 0.4) < 0.04, 'minor ≈ 40%');
  assert.ok(Math.abs(severity.ordinary / penalties - 0.45) < 0.04, 'ordinary ≈ 45%');
  assert.ok(Math.abs(severity.serious / penalties - 0.15) < 0.03, 'serious ≈ 15%');
  assert.ok(ended / penalties > 0.4, `past publicity ${ended / penalties}`);
  assert.ok(published / penalties > 0.1, `currently published ${published / penalties}`);
  assert.ok(endingSoon > 0 && repaired > 0 && revoked > 0);
});

test('entities carry valid, unique unified social credit codes and a legal representative', () => {
  const codes = new Set<string>();
  const kinds = new Set<string>();
  let legacy = 0;
  for (const b of generateEntities({ ...opts, entities: 500 })) {
    assert.equal(b.subject.kind, 'entity');
    const registration = b.subject.registration;
    assert.ok(registration, 'every entity has its registration basics (issue 24)');
    if (registration.registrationNo === b.subject.idNumber) {
      // An old registration without a code (issue 24): its 15-digit registration number stands in.
      assert.match(b.subject.idNumber, /^\d{15}$/);
      legacy += 1;
    } else {
      assert.ok(usccCheckOk(b.subject.idNumber), b.subject.idNumber);
      assert.equal(entityTypeOf(b.subject.idNumber), registration.entityType, b.subject.idNumber);
    }
    assert.ok(b.subject.legalRepresentative);
    kinds.add(registration.entityType);
    codes.add(b.subject.idNumber);
    checkBundle(b);
  }
  assert.equal(codes.size, 500);
  assert.deepEqual(kinds, new Set(['enterprise', 'individual_business', 'farmers_coop', 'social_organisation']));
  assert.ok(legacy > 0 && legacy < 25, `${legacy} old registrations in 500`);
});
