import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { at, caseWorld, recordId, type CaseWorld } from './fixtures';
import { caseVersion } from '../../support/caseVersion';

// Deadlines through the objection service, per profile, across National Day 2025 (Oct 1–8 off,
// make-up workdays Sun Sep 28 and Sat Oct 11) and Spring Festival 2026 (Feb 15–23 off, make-up
// workdays Sat Feb 14 and Sat Feb 28).

let w: CaseWorld;
afterEach(() => w.core.dispose());

async function open(profile: string, date: string) {
  w = await caseWorld(at(date).toISOString(), profile);
  const visitId = await w.visit();
  const r = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '有误' }, w.clerk);
  return r.id;
}

const get = (id: number) => w.core.ok('objection.get', { id }, w.manager);

describe('per-profile objection deadlines', () => {
  test('Shandong, Spring Festival: own 3 WD counts make-up Saturday Feb 14; provider 7 WD counts Feb 28', async () => {
    const id = await open('shandong', '2026-02-13');
    assert.equal((await get(id)).deadlines.decideBy, '2026-02-25');
    const c = await w.core.ok('objection.act', { action: 'verify', id, version: await caseVersion(w.core, 'objection', id), route: 'provider' }, w.manager);
    assert.equal(c.deadlines.decideBy, '2026-03-02');
  });

  test('Shanghai, National Day: annotate 1 WD, forward 2 WD, decide own 5 WD with make-up Saturday Oct 11', async () => {
    const id = await open('shanghai', '2025-09-30');
    const d = (await get(id)).deadlines;
    assert.equal(d.annotateBy, '2025-10-09');
    assert.equal(d.forwardBy, '2025-10-10');
    assert.equal(d.decideBy, '2025-10-14');
    // Accepted, route not yet chosen: the forwarding deadline is the next one.
    assert.equal(d.dueOn, '2025-10-10');
  });

  test('Zhejiang: 5 WD, extendable with approval to 20 WD in total and no further', async () => {
    const id = await open('zhejiang', '2026-02-13');
    assert.equal((await get(id)).deadlines.decideBy, '2026-02-27');
    const tooLong = await w.core.call('objection.act', { action: 'extend', id, version: await caseVersion(w.core, 'objection', id), totalDays: 21, reason: '案情复杂' }, w.manager);
    assert.ok(!tooLong.ok && tooLong.error.code === 'PROFILE_FORBIDS');
    const c = await w.core.ok('objection.act', { action: 'extend', id, version: await caseVersion(w.core, 'objection', id), totalDays: 20, reason: '案情复杂，经批准延长' }, w.manager);
    assert.equal(c.extendedTotalDays, 20);
    assert.equal(c.deadlines.decideBy, '2026-03-19');
    const ev = c.events.at(-1)!;
    assert.equal(ev.action, 'extend');
    assert.equal(typeof ev.detail.approvedBy, 'string');
  });

  test('Henan: testing / expert review stops the clock; other profiles refuse a pause', async () => {
    const id = await open('henan', '2026-11-02');
    assert.equal((await get(id)).deadlines.decideBy, '2026-11-05');
    await w.travel(at('2026-11-03'));
    let c = await w.core.ok('objection.act', { action: 'pause', id, version: await caseVersion(w.core, 'objection', id), pauseReason: 'expert_review', reason: '委托专家评审' }, w.manager);
    assert.equal(c.paused, true);
    await w.travel(at('2026-11-06'));
    c = await w.core.ok('objection.act', { action: 'resume', id, version: await caseVersion(w.core, 'objection', id) }, w.manager);
    // Paused Nov 3–5; counted: Nov 6, 9, 10.
    assert.deepEqual(c.pauses, [{ reason: 'expert_review', from: '2026-11-03', to: '2026-11-05' }]);
    assert.equal(c.deadlines.decideBy, '2026-11-10');
    await w.core.dispose();
    const z = await open('zhejiang', '2026-11-02');
    const refused = await w.core.call('objection.act', { action: 'pause', id: z, version: await caseVersion(w.core, 'objection', z), pauseReason: 'testing', reason: 'x' }, w.manager);
    assert.ok(!refused.ok && refused.error.code === 'PROFILE_FORBIDS');
  });

  test('national-agency (Order 631): 20 calendar days, a last day on a holiday rolls to the next working day', async () => {
    const id = await open('national-agency', '2025-09-12');
    const d = (await get(id)).deadlines;
    assert.equal(d.dayKind, 'calendar');
    // Sep 12 + 20 days = Oct 2 (National Day) → Thu Oct 9.
    assert.equal(d.decideBy, '2025-10-09');
  });

  test('a deadline that runs into a year without a loaded arrangement is counted on the statutory holidays and marked provisional', async () => {
    // Shandong own data 3 WD from Tue 29 Dec: 30, 31 Dec, (1 Jan, statutory New Year), Mon 4 Jan.
    const id = await open('shandong', '2026-12-29');
    const c = await get(id);
    assert.equal(c.deadlines.dueOn, '2027-01-04');
    assert.equal(c.deadlines.calendarGap, '2027-01-04');
    assert.equal(c.deadlines.arrangedThrough, 2026, 'so the console says the date waits for the 2027 arrangement');
  });
});
