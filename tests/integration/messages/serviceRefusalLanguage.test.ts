import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ApiErrorBody } from '../../../shared/errors';
import { errorMessage, fieldIssues } from '../../../shared/i18n/errorMessages';
import { assertRefusalLanguage } from '../../support/refusalLanguage';
import { caseWorld, penalty, recordId, seedSubject, type CaseWorld } from '../cases/fixtures';

// Issue 29, item 11, for the core's own refusals: a VALIDATION refusal a service raises names its
// reason, and the console says it in the clerk's language (shared/i18n/errorMessages.ts,
// SERVICE_FIELD_REASONS) — not "check the marked fields" with no field marked, and not the core's
// English. Held to the same language rule as the sync refusals (tests/support/refusalLanguage.ts).
let w: CaseWorld;
before(async () => {
  w = await caseWorld('2026-11-18T02:00:00Z');
});
after(() => w.core.dispose());

function bothLanguages(error: ApiErrorBody): { zh: string; en: string } {
  const said = { zh: errorMessage(error, 'zh'), en: errorMessage(error, 'en') };
  assertRefusalLanguage({ code: `${error.code}/${String(error.details?.reason)}`, ...said });
  return said;
}

test('every reason a service gives for VALIDATION reads as its own sentence in both languages', () => {
  const reasons: [string, Record<string, unknown>][] = [
    ['year_not_next', { expected: 2027 }], ['year_unknowable', { year: 2029, latest: 2027 }], ['statutory_holiday_missing', { date: '2027-04-05', name: '清明节' }],
    ['date_outside_year', { date: '2026-12-31', year: 2027 }], ['workday_not_weekend', { date: '2027-02-15' }], ['days_conflict', { date: '2027-02-13' }],
    ['arrangement_inconsistent', {}], ['different_providers', {}], ['corrected_content_required', {}], ['cursor_invalid', {}], ['assignee_inactive', {}],
    ['idle_lock_range', { min: 1, max: 60 }],
  ];
  for (const [reason, values] of reasons) {
    for (const field of [undefined, 'days']) {
      const said = bothLanguages({ code: 'VALIDATION', message: 'An English sentence for the log.', details: { reason, ...values, ...(field ? { field } : {}) } });
      assert.doesNotMatch(said.zh, /输入有误|填写的内容不符合要求/, `${reason}: its own sentence, not the general one`);
      assert.notEqual(said.en, 'An English sentence for the log.', `${reason}: English readers get the sentence too`);
    }
  }
});

test('attack: an objection over two providing units is refused at the records, said in Chinese', async () => {
  const s = await seedSubject(w.core, 7, (c) => [penalty(c, 1), penalty(c, 2, { providerUnit: '某市生态环境局' })]);
  const { visitId } = await w.core.ok('counter.lookup', { idNumber: s.idNumber, name: s.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, w.clerk);
  const r = await w.core.call('objection.intake', { visitId, recordIds: [await recordId(w.core, `${s.centralId}-R1`), await recordId(w.core, `${s.centralId}-R2`)], scope: 'wrong', description: '两条信息均有误' }, w.clerk);
  assert.ok(!r.ok && r.error.code === 'VALIDATION' && r.error.details?.reason === 'different_providers', JSON.stringify(r));
  assert.deepEqual(fieldIssues(r.error, 'zh').map((i) => i.path), ['recordIds']);
  assert.match(bothLanguages(r.error).zh, /不同的提供单位/);
});

test('attack: a case assigned to someone who may not take it is refused at the assignee, said in Chinese', async () => {
  const visitId = await w.visit();
  const o = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误' }, w.clerk);
  const auditor = await w.core.loginAs('auditor');
  const r = await w.core.call('cases.assign', { kind: 'objection', ids: [o.id], assigneeId: auditor.account.id }, w.manager);
  assert.ok(!r.ok && r.error.code === 'VALIDATION' && r.error.details?.reason === 'assignee_inactive', JSON.stringify(r));
  assert.match(bothLanguages(r.error).zh, /在用的窗口受理员或科长/);
});
