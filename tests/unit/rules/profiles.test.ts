import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinWorkingCalendar } from '../../../shared/calendar/builtinCalendar';
import { objectionDeadlines } from '../../../shared/rules/deadlines';
import type { ObjectionCase } from '../../../shared/rules/deadlines';
import { describeProblems, parseProfile, SHIPPED_PROFILE_IDS, shippedProfile } from '../../../shared/rules/loadProfile';
import type { RuleProfile } from '../../../shared/rules/profile';

// Every profile is checked against dates computed by hand from the State Council's notice for
// National Day 2025: Sun Sep 28 worked, Oct 1–8 off, Sat Oct 11 worked. Working days after a
// Friday 2025-09-26 receipt: 1 = Sep 28, 2 = Sep 29, 3 = Sep 30, 4 = Oct 9, 5 = Oct 10,
// 6 = Oct 11, 7 = Oct 13, 8 = Oct 14, 9 = Oct 15, 10 = Oct 16, 20 = Oct 30.
const cal = builtinWorkingCalendar();
const RECEIVED = '2025-09-26';

function load(id: string): RuleProfile {
  const profile = shippedProfile(id);
  assert.ok(profile, `profile ${id} is shipped`);
  assert.equal(profile.id, id);
  return profile;
}

function deadlines(id: string, c: Partial<ObjectionCase> & Pick<ObjectionCase, 'source'>) {
  const r = objectionDeadlines({ receivedOn: RECEIVED, ...c }, load(id), cal);
  assert.ok(r.ok, JSON.stringify(r));
  const { pending, provisional, calendarGap, ...value } = r.value;
  assert.deepEqual([pending, provisional, calendarGap], [[], [], null], 'every deadline inside the loaded calendar, and final');
  return value;
}

describe('shipped rule profiles', () => {
  it('ships exactly the six profiles of domain-rules.md', () => {
    assert.deepEqual([...SHIPPED_PROFILE_IDS].sort(), ['default', 'henan', 'national-agency', 'shandong', 'shanghai', 'zhejiang']);
    assert.equal(shippedProfile('atlantis'), null);
  });

  it('default: on receipt, own 3 WD, forward 2 WD, provider 3 WD after forwarding, provider data 7 WD', () => {
    assert.deepEqual(deadlines('default', { source: 'provider' }), {
      dayKind: 'working',
      annotateBy: '2025-09-26',
      forwardBy: '2025-09-29',
      providerVerifyBy: '2025-10-10',
      decideBy: '2025-10-13',
      latestExtendedDecideBy: null,
    });
    assert.equal(deadlines('default', { source: 'own' }).decideBy, '2025-09-30');
  });

  it('national-agency (Order 631 art. 25): 20 calendar days, a rest-day end moves to the next working day', () => {
    const p = load('national-agency');
    assert.equal(p.objection.dayKind, 'calendar');
    assert.equal(deadlines('national-agency', { source: 'own' }).decideBy, '2025-10-16');
    assert.equal(deadlines('national-agency', { source: 'provider', receivedOn: '2025-09-13' }).decideBy, '2025-10-09');
    assert.equal(deadlines('national-agency', { source: 'own', receivedOn: '2025-11-02' }).decideBy, '2025-11-24');
  });

  it('shanghai (art. 36): annotate 1 WD, own 5 WD, forward 2 WD, provider 5 WD after forwarding', () => {
    const own = deadlines('shanghai', { source: 'own' });
    assert.equal(own.annotateBy, '2025-09-28');
    assert.equal(own.decideBy, '2025-10-10');
    const provider = deadlines('shanghai', { source: 'provider' });
    assert.equal(provider.forwardBy, '2025-09-29');
    assert.equal(provider.providerVerifyBy, '2025-10-13');
    assert.equal(provider.decideBy, '2025-10-13');
    // Forwarded on the day of receipt: the provider's 5 WD run from then.
    assert.equal(deadlines('shanghai', { source: 'provider', forwardedOn: RECEIVED }).decideBy, '2025-10-10');
    assert.equal(load('shanghai').objection.revocationWithdrawalDays, 3);
  });

  it('zhejiang (arts. 30–31): 5 WD, extendable with approval to 20 WD in total', () => {
    const base = deadlines('zhejiang', { source: 'provider' });
    assert.equal(base.annotateBy, RECEIVED);
    assert.equal(base.decideBy, '2025-10-10');
    assert.equal(base.latestExtendedDecideBy, '2025-10-30');
    assert.equal(deadlines('zhejiang', { source: 'own', extendedTotalDays: 10 }).decideBy, '2025-10-16');
    assert.equal(load('zhejiang').objection.extension?.requiresApproval, true);
    const tooLong = objectionDeadlines({ receivedOn: RECEIVED, source: 'own', extendedTotalDays: 21 }, load('zhejiang'), cal);
    assert.ok(!tooLong.ok && tooLong.code === 'EXTENSION_OUT_OF_RANGE');
  });

  it('shandong (art. 39): own 3 WD, provider data 7 WD; no extension', () => {
    assert.equal(deadlines('shandong', { source: 'own' }).decideBy, '2025-09-30');
    assert.equal(deadlines('shandong', { source: 'provider' }).decideBy, '2025-10-13');
    const extended = objectionDeadlines({ receivedOn: RECEIVED, source: 'own', extendedTotalDays: 5 }, load('shandong'), cal);
    assert.ok(!extended.ok && extended.code === 'EXTENSION_NOT_ALLOWED');
  });

  it('henan (art. 41): own 3 WD, provider 7 WD, provider verifies in 3 WD, testing time not counted', () => {
    assert.equal(deadlines('henan', { source: 'own' }).decideBy, '2025-09-30');
    const provider = deadlines('henan', { source: 'provider' });
    assert.equal(provider.decideBy, '2025-10-13');
    assert.equal(provider.providerVerifyBy, null, 'no forwarding deadline: known once forwarded');
    assert.equal(deadlines('henan', { source: 'provider', forwardedOn: '2025-09-29' }).providerVerifyBy, '2025-10-10');
    // Sep 28 counts, Sep 29–30 are paused, then Oct 9 and Oct 10.
    const paused = deadlines('henan', { source: 'own', pauses: [{ from: '2025-09-29', to: '2025-09-30' }] });
    assert.equal(paused.decideBy, '2025-10-10');
    assert.equal(paused.annotateBy, RECEIVED);
  });
});

describe('parseProfile problems', () => {
  const zhejiang = () => structuredClone(load('zhejiang')) as unknown as Record<string, Record<string, unknown>>;

  it('names the field and the expected type of a wrong value', () => {
    const json = zhejiang();
    json.objection!.decideOwn = { days: '5', from: 'receipt' };
    const r = parseProfile(json);
    assert.ok(!r.ok);
    assert.deepEqual(r.problems.map((p) => p.path), ['objection.decideOwn.days']);
    assert.match(describeProblems(r.problems), /^objection\.decideOwn\.days: .*expected number, received string/);
  });

  it('rejects a misspelt field instead of ignoring it', () => {
    const json = zhejiang();
    json.objection!.decideDays = 5;
    const r = parseProfile(json);
    assert.ok(!r.ok);
    assert.equal(r.problems[0]?.path, 'objection');
    assert.match(r.problems[0]?.message ?? '', /decideDays/);
  });

  it('checks that the numbers make sense together', () => {
    const json = zhejiang();
    (json.objection!.extension as { maxTotalDays: number }).maxTotalDays = 4;
    ((json.repair!.tiers as Record<string, { shortestMonths: number }>).serious!).shortestMonths = 48;
    const r = parseProfile(json);
    assert.ok(!r.ok);
    assert.deepEqual(r.problems.map((p) => p.path).sort(), ['objection.extension.maxTotalDays', 'repair.tiers.serious.shortestMonths']);
  });

  it('rejects something that is not a profile at all', () => {
    assert.equal(parseProfile(null).ok, false);
    assert.equal(parseProfile({ schemaVersion: 2 }).ok, false);
  });
});
