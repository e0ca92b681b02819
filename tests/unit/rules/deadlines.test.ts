import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinWorkingCalendar } from '../../../shared/calendar/builtinCalendar';
import {
  dishonestDebtorDeletionDeadline,
  objectionDeadlines,
  repairEligibility,
  repairProcessingDeadline,
  revocationWithdrawalDeadline,
} from '../../../shared/rules/deadlines';
import type { RepairRecord } from '../../../shared/rules/deadlines';
import { shippedProfile } from '../../../shared/rules/loadProfile';
import type { RuleProfile } from '../../../shared/rules/profile';

const cal = builtinWorkingCalendar();
const profile = (id: string): RuleProfile => {
  const p = shippedProfile(id);
  assert.ok(p);
  return p;
};

describe('objection deadlines', () => {
  it('counts across Spring Festival 2026 with both make-up Saturdays', () => {
    // Received Fri 2026-02-13: WD 1 = Sat Feb 14, 2 = Feb 24, 5 = Feb 27, 6 = Sat Feb 28, 7 = Mon Mar 2.
    const r = objectionDeadlines({ receivedOn: '2026-02-13', source: 'provider' }, profile('shandong'), cal);
    assert.ok(r.ok);
    assert.equal(r.value.decideBy, '2026-03-02');
    const z = objectionDeadlines({ receivedOn: '2026-02-13', source: 'own' }, profile('zhejiang'), cal);
    assert.ok(z.ok);
    assert.equal(z.value.decideBy, '2026-02-27');
    const s = objectionDeadlines({ receivedOn: '2026-02-13', source: 'own' }, profile('shanghai'), cal);
    assert.ok(s.ok);
    assert.equal(s.value.annotateBy, '2026-02-14');
  });

  it('a deadline that runs into an unloaded year is pending on its own; the others are still counted', () => {
    const r = objectionDeadlines({ receivedOn: '2026-12-28', source: 'provider' }, profile('shandong'), cal);
    assert.ok(r.ok);
    assert.equal(r.value.annotateBy, '2026-12-28');
    assert.equal(r.value.decideBy, null);
    assert.deepEqual(r.value.pending, ['decideBy']);
    assert.equal(r.value.calendarGap, '2027-01-01');
  });

  it('refuses pauses where the profile does not allow them, and malformed input', () => {
    const pauses = [{ from: '2025-11-04', to: '2025-11-05' }];
    const r = objectionDeadlines({ receivedOn: '2025-11-03', source: 'own', pauses }, profile('zhejiang'), cal);
    assert.ok(!r.ok && r.code === 'PAUSE_NOT_ALLOWED');
    const bad = objectionDeadlines({ receivedOn: '2025-11-03', source: 'own', pauses: [{ from: '2025-11-05', to: '2025-11-04' }] }, profile('henan'), cal);
    assert.ok(!bad.ok && bad.code === 'PAUSE_INVALID');
    const date = objectionDeadlines({ receivedOn: '2025-02-30', source: 'own' }, profile('henan'), cal);
    assert.ok(!date.ok && date.code === 'DATE_INVALID');
  });

  it('computes the other working-day duties of the profile', () => {
    const shandong = profile('shandong');
    assert.deepEqual(revocationWithdrawalDeadline('2025-09-30', shandong, cal), { ok: true, value: '2025-10-11' });
    assert.deepEqual(revocationWithdrawalDeadline('2025-09-30', profile('zhejiang'), cal), { ok: true, value: null });
    assert.deepEqual(dishonestDebtorDeletionDeadline('2026-02-13', shandong, cal), { ok: true, value: '2026-02-25' });
    // 10 WD: Feb 14, 24, 25, 26, 27, 28, Mar 2, 3, 4, 5.
    assert.deepEqual(repairProcessingDeadline('2026-02-13', shandong, cal), { ok: true, value: '2026-03-05' });
  });
});

describe('repairEligibility (Credit Repair Management Measures 2025)', () => {
  const p = profile('default');
  const penalty = (severity: RepairRecord['severity'], decidedOn: string, extra: Partial<RepairRecord> = {}): RepairRecord => ({
    category: 'admin_penalty',
    severity,
    decidedOn,
    ...extra,
  });

  it('ordinary: eligible on the day 3 months are reached (clamped from Aug 31), not the day before', () => {
    const r = penalty('ordinary', '2025-08-31');
    assert.deepEqual(repairEligibility(r, p, '2025-11-29'), { status: 'not_yet', earliestOn: '2025-11-30', publicationEndsOn: '2026-08-31' });
    assert.deepEqual(repairEligibility(r, p, '2025-11-30'), { status: 'eligible', since: '2025-11-30', publicationEndsOn: '2026-08-31' });
  });

  it('serious: 1 year from Feb 29 ends on Feb 28', () => {
    const r = penalty('serious', '2024-02-29');
    assert.equal(repairEligibility(r, p, '2025-02-27').status, 'not_yet');
    assert.deepEqual(repairEligibility(r, p, '2025-02-28'), { status: 'eligible', since: '2025-02-28', publicationEndsOn: '2027-02-28' });
  });

  it('Civil Code arts. 201–202: the longest period ends on the corresponding day, still published; stopped by itself the day after', () => {
    const r = penalty('ordinary', '2025-08-31');
    assert.equal(repairEligibility(r, p, '2026-08-31').status, 'eligible');
    assert.deepEqual(repairEligibility(r, p, '2026-09-01'), { status: 'expired', publicationEndedOn: '2026-08-31' });
  });

  it('never early for serious-list entries and key-domain licence revocations', () => {
    const list = repairEligibility({ category: 'black_list', severity: 'serious', decidedOn: '2020-01-01' }, p, '2026-11-21');
    assert.equal(list.status, 'non_repairable');
    // A list entry ends by the list's own exit rules, not by the penalty tiers.
    assert.ok(list.status === 'non_repairable' && list.rule.id === 'serious_dishonesty_list' && list.publicationEndsOn === null);
    const food = penalty('serious', '2025-01-10', { domain: 'food_drug', penaltyKind: 'licence_revocation' });
    const r = repairEligibility(food, p, '2026-11-21');
    assert.ok(r.status === 'non_repairable' && r.rule.id === 'serious_penalty_key_domains' && r.publicationEndsOn === '2028-01-10');
    assert.equal(repairEligibility(food, p, '2028-01-10').status, 'non_repairable');
    assert.equal(repairEligibility(food, p, '2028-01-11').status, 'expired');
    // The same domain with a fine is an ordinary serious penalty.
    assert.equal(repairEligibility({ ...food, penaltyKind: 'fine' }, p, '2026-11-21').status, 'eligible');
  });

  it('an unknown penalty kind (older bundles) is never "eligible" where a non-repairable rule could apply: a person must check', () => {
    const unknownKind = repairEligibility(penalty('serious', '2025-01-10', { domain: 'food_drug', penaltyKind: null }), p, '2026-11-21');
    assert.ok(unknownKind.status === 'needs_review' && unknownKind.missing === 'penaltyKind' && unknownKind.rule.id === 'serious_penalty_key_domains');
    // Where no rule could apply, the missing kind does not matter: another domain, or an ordinary penalty.
    assert.equal(repairEligibility(penalty('serious', '2025-01-10', { domain: 'tax', penaltyKind: null }), p, '2026-11-21').status, 'eligible');
    assert.equal(repairEligibility(penalty('ordinary', '2026-01-10', { domain: 'food_drug', penaltyKind: null }), p, '2026-11-21').status, 'eligible');
    // Past the longest period publication stopped anyway.
    assert.equal(repairEligibility(penalty('serious', '2020-01-10', { domain: 'food_drug', penaltyKind: null }), p, '2026-11-21').status, 'expired');
  });

  it('minor information is not published unless it was, and other procedures are out of scope', () => {
    assert.deepEqual(repairEligibility(penalty('minor', '2026-10-01'), p, '2026-11-21'), { status: 'not_published' });
    assert.equal(repairEligibility(penalty('minor', '2026-10-01', { published: true }), p, '2026-11-21').status, 'eligible');
    assert.equal(repairEligibility(penalty('minor', '2026-08-01', { published: true }), p, '2026-11-21').status, 'expired');
    assert.deepEqual(repairEligibility(penalty(null, '2026-10-01'), p, '2026-11-21'), { status: 'not_applicable', reason: 'no_severity' });
    const debtor = repairEligibility({ category: 'dishonest_debtor', severity: 'serious', decidedOn: '2026-01-01' }, p, '2026-11-21');
    assert.deepEqual(debtor, { status: 'not_applicable', reason: 'category' });
  });
});
