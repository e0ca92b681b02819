import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { openTestCore, type TestCore } from '../../support/core';
import { person, seed } from '../../support/seedSubjects';

// Credit Repair Management Measures (2025): an ordinary penalty stops being published at one year
// from its decision by itself, even when the provider sent a later publicity end. Civil Code
// arts. 201–202: the period ends on the corresponding day, which is still published.
let core: TestCore;
beforeEach(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
});
afterEach(() => core.dispose());

const lookup = { idNumber: '11010519491231002X', name: '张三', applicant: { kind: 'self' as const }, purposeCode: 'self_check' };

test('Civil Code arts. 201–202: a negative record past its tier’s longest period is not shown, whatever end date it carries; its last day still is', async () => {
  await seed(core, [
    person('P1', '11010519491231002X', '张三', [
      // decided 2025-11-19 + 12 months = 2026-11-19, its last published day: gone today.
      { decidedOn: '2025-11-19', publicityStart: '2025-11-19', publicityEnd: '2028-01-01', severity: 'ordinary' },
      // decided 2025-11-20: today is its last published day, still shown.
      { decidedOn: '2025-11-20', publicityStart: '2025-11-20', publicityEnd: '2028-01-01', severity: 'ordinary' },
      // serious: 3 years; not reached.
      { decidedOn: '2024-01-10', publicityStart: '2024-01-10', publicityEnd: '2028-01-01', severity: 'serious' },
    ]),
  ]);
  const { token } = await core.loginAs('clerk');
  const view = (await core.ok('counter.lookup', lookup, token)).view!;
  const byDecision = Object.fromEntries(view.records.map((r) => [r.decidedOn, r.hiddenReason]));
  assert.deepEqual(byDecision, { '2025-11-19': 'publicity_ended', '2025-11-20': null, '2024-01-10': null });
});
