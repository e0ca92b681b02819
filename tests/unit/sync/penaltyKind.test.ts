import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PENALTY_KINDS } from '../../../shared/domain/record';
import { generatePopulation } from '../../../electron/seed/population';
import { recordRow } from '../../../electron/sync/content/schemas';

// Credit Repair Management Measures (2025): the exclusion of licence revocation and suspension in
// food and drugs, environment and work safety needs the penalty kind on every penalty record.

const row = {
  centralId: 'R1', subjectCentralId: 'S1', category: 'admin_penalty', domain: 'food_drug', severity: 'serious', title: 't', content: 'c',
  providerUnit: 'u', documentNo: 'd', occurredOn: '2026-01-01', decidedOn: '2026-01-02', publicityStart: '2026-01-03', publicityEnd: null,
  status: 'active', version: 1,
};
const at = { name: 'records.jsonl', line: 2 };

test('Measures 2025 exclusion: records.jsonl carries the penalty kind; older lines without it still import', () => {
  assert.equal(recordRow(row, at).penaltyKind, null);
  assert.equal(recordRow({ ...row, penaltyKind: 'licence_revocation' }, at).penaltyKind, 'licence_revocation');
  assert.throws(() => recordRow({ ...row, penaltyKind: 'public_flogging' }, at), /penaltyKind must be one of/);
});

test('Measures 2025 exclusion: generated penalties carry a penalty kind, including serious food-and-drug revocations', () => {
  const penalties = [...generatePopulation({ seed: 'kinds', today: '2026-11-21', subjects: 4000 })].flatMap((b) => b.records).filter((r) => r.category === 'admin_penalty');
  assert.ok(penalties.length > 100);
  for (const p of penalties) assert.ok(p.penaltyKind && PENALTY_KINDS.includes(p.penaltyKind), p.centralId);
  for (const r of [...generatePopulation({ seed: 'kinds', today: '2026-11-21', subjects: 300 })].flatMap((b) => b.records)) {
    if (r.category !== 'admin_penalty') assert.equal(r.penaltyKind, null);
  }
  assert.ok(penalties.some((p) => p.domain === 'food_drug' && p.severity === 'serious' && p.penaltyKind === 'licence_revocation'));
  assert.ok(penalties.some((p) => p.penaltyKind === 'warning'));
  assert.ok(penalties.some((p) => p.penaltyKind === 'fine'));
});
