import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { setSetting } from '../../../electron/store/settingsStore';
import { shippedProfile } from '../../../shared/rules/loadProfile';
import type { RuleProfile } from '../../../shared/rules/profile';
import { openTestCore, type TestCore } from '../../support/core';
import { person, seed } from '../../support/seedSubjects';

// Every regional value lives in the rule profile and the services read it from there
// (domain-rules.md: "never as a constant in code").
let core: TestCore;
afterEach(() => core.dispose());

const ID = '11010519491231002X';
const lookup = { idNumber: ID, name: '欧阳娜娜', applicant: { kind: 'self' as const }, purposeCode: 'self_check' };

async function office(now: string, profileId: string, change?: (p: RuleProfile) => void): Promise<string> {
  core = await openTestCore({ now });
  await setSetting(core.ctx.db, 'rule_profile', profileId);
  if (change) {
    const doc = structuredClone(shippedProfile(profileId)!);
    change(doc);
    await setSetting(core.ctx.db, `rule_profile_doc:${profileId}`, JSON.stringify(doc));
  }
  return (await core.loginAs('clerk')).token;
}

test('GB/T 35273 §7.2 display restriction: the masking rule comes from the profile (screen and query log)', async () => {
  const clerk = await office('2026-11-20T02:00:00Z', 'default', (p) => {
    p.masking.maskChar = '#';
    p.masking.idNumber = { keepStart: 3, keepEnd: 2 };
    p.masking.name.compoundSurnames = false;
  });
  await seed(core, [person('P1', ID, '欧阳娜娜')]);
  const view = (await core.ok('counter.lookup', lookup, clerk)).view!;
  assert.equal(view.identity.idNumberMasked, '110#############2X');
  assert.equal(view.identity.nameMasked, '欧###');
  const auditor = (await core.loginAs('auditor')).token;
  const log = await core.ok('querylog.list', {}, auditor);
  assert.equal(log.rows[0]?.idNumberMasked, '110#############2X');
});

test('Zhejiang art. 20: the query log keeps each entry for the profile’s retention years', async () => {
  const clerk = await office('2026-11-20T02:00:00Z', 'default', (p) => {
    p.queryLog.retentionYears = 12;
  });
  await seed(core, [person('P1', ID, '欧阳娜娜')]);
  await core.ok('counter.lookup', lookup, clerk);
  const log = await core.ok('querylog.list', {}, (await core.loginAs('auditor')).token);
  assert.equal(log.rows[0]?.keepUntil, '2038-11-20');
});

test('Order 631 art. 17 practice: the subject view’s query history covers the profile’s years', async () => {
  const clerk = await office('2026-11-20T02:00:00Z', 'default', (p) => {
    p.reports.queryHistoryYears = 1;
  });
  await seed(core, [person('P1', ID, '欧阳娜娜')]);
  await core.ok('counter.lookup', lookup, clerk);
  core.clock.now = new Date('2027-11-21T02:00:00Z');
  const later = (await core.ok('counter.lookup', lookup, (await core.loginAs('clerk')).token)).view!;
  // The 2026 query is more than 1 year old: only today's own query remains.
  assert.equal(later.recentQueries.length, 1);
});

test('domain-rules "Lists" (Baoshan, Zhejiang, Beijing): the green channel follows the profile; regions without the rule say nothing', async () => {
  const records = [{ decidedOn: '2023-11-20', publicityStart: '2023-11-20', publicityEnd: '2024-11-20' }];
  for (const [profileId, expected] of [['shanghai', true], ['zhejiang', true], ['default', true], ['shandong', null], ['henan', null]] as const) {
    const clerk = await office('2026-11-20T02:00:00Z', profileId);
    await seed(core, [person('P1', ID, '欧阳娜娜', records)]);
    // Decided exactly 3 years ago: three full clean years since.
    assert.equal((await core.ok('counter.lookup', lookup, clerk)).view!.summary.greenChannel, expected, profileId);
    await core.dispose();
  }
  const clerk = await office('2026-11-20T02:00:00Z', 'shanghai');
  await seed(core, [person('P1', ID, '欧阳娜娜', [{ decidedOn: '2023-11-21', publicityStart: '2023-11-21', publicityEnd: '2024-11-21' }])]);
  assert.equal((await core.ok('counter.lookup', lookup, clerk)).view!.summary.greenChannel, false, 'one day short of three years');
});

