import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { PersonLookupInput } from '../../../shared/contract/counter';
import { REPEAT_WINDOW_MS } from '../../../electron/services/counter/counterService';
import { TEST_PASSWORD } from '../../support/core';
import { openWorld, person, type World } from '../report/world';

// The counter's promise to the citizen: pressing Enter twice is one visit and one line in their
// query history, and a visit interrupted by a lock or a reload is read back, not queried again.
let w: World;
before(async () => {
  w = await openWorld();
});
after(() => w.core.dispose());

const count = async (table: 'visit' | 'query_log', idNumber: string) =>
  (await w.core.ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE id_number = ?`, [idNumber]))!.n;

function lookupOf(b: ReturnType<typeof person>, over: Partial<PersonLookupInput> = {}): PersonLookupInput {
  return { idNumber: b.subject.idNumber, name: b.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check', ...over };
}

test('the same lookup sent twice at once (double Enter) opens one visit and one query-log row', async () => {
  const p = person(41, '周一');
  await w.seed(p);
  const [a, b] = await Promise.all([w.core.ok('counter.lookup', lookupOf(p), w.clerk), w.core.ok('counter.lookup', lookupOf(p), w.clerk)]);
  assert.equal(a.visitId, b.visitId);
  assert.deepEqual([a.reused, b.reused].sort(), [false, true]);
  assert.equal(await count('visit', p.subject.idNumber), 1);
  assert.equal(await count('query_log', p.subject.idNumber), 1);
  // The subject view of the repeat does not list the repeat as another query.
  const again = await w.core.ok('counter.lookup', lookupOf(p), w.clerk);
  assert.equal(again.view?.recentQueries.length, 1);
});

test('a different purpose, another clerk, or the same lookup after the window is a new visit', async () => {
  const p = person(42, '吴二');
  await w.seed(p);
  const first = await w.core.ok('counter.lookup', lookupOf(p), w.clerk);
  const otherPurpose = await w.core.ok('counter.lookup', lookupOf(p, { purposeCode: 'loan_application' }), w.clerk);
  assert.notEqual(otherPurpose.visitId, first.visitId);
  const colleague = (await w.core.loginAs('clerk')).token;
  const byColleague = await w.core.ok('counter.lookup', lookupOf(p), colleague);
  assert.notEqual(byColleague.visitId, first.visitId);
  const saved = w.core.clock.now;
  w.core.clock.now = new Date(saved.getTime() + REPEAT_WINDOW_MS + 1000);
  try {
    const later = await w.core.ok('counter.lookup', lookupOf(p), w.clerk);
    assert.equal(later.reused, false);
    assert.notEqual(later.visitId, first.visitId);
  } finally {
    w.core.clock.now = saved;
  }
  assert.equal(await count('query_log', p.subject.idNumber), 4);
});

test('after the visit issued its report, asking again is a new visit with its own report', async () => {
  const p = person(43, '郑三');
  await w.seed(p);
  const first = await w.core.ok('counter.lookup', lookupOf(p), w.clerk);
  const firstReport = await w.core.ok('report.issue', { visitId: first.visitId }, w.clerk);
  const second = await w.core.ok('counter.lookup', lookupOf(p), w.clerk);
  assert.notEqual(second.visitId, first.visitId);
  const secondReport = await w.core.ok('report.issue', { visitId: second.visitId, confirmBeyondFree: true }, w.clerk);
  assert.notEqual(secondReport.reportNo, firstReport.reportNo, 'a report of its own, with its own number');
  assert.equal(secondReport.visitId, second.visitId);
  const stored = await w.core.ctx.db.all<{ visit_id: number }>('SELECT visit_id FROM report WHERE id_number = ? ORDER BY id', [p.subject.idNumber]);
  assert.deepEqual(stored.map((r) => r.visit_id), [first.visitId, second.visitId]);
});

test('a visit is read back after a lock or reload without a new query-log row, only by its own clerk', async () => {
  const p = person(44, '王四');
  await w.seed(p);
  const clerk = (await w.core.loginAs('clerk', 'resumer')).token;
  const opened = await w.core.ok('counter.lookup', lookupOf(p, { purposeCode: 'loan_application' }), clerk);
  const rows = await count('query_log', p.subject.idNumber);
  const audit = (await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_event'))!.n;
  const back = await w.core.ok('counter.visit', { visitId: opened.visitId }, clerk);
  assert.equal(back.visitId, opened.visitId);
  assert.deepEqual(back.request, { idNumber: p.subject.idNumber, name: p.subject.name, purposeCode: 'loan_application', purposeText: null, applicantKind: 'self', queueTicket: null, hallCaseNo: null });
  assert.equal(back.view?.identity.idNumberMasked, opened.view?.identity.idNumberMasked);
  assert.equal(await count('query_log', p.subject.idNumber), rows);
  assert.equal((await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_event'))!.n, audit);

  const colleague = (await w.core.loginAs('clerk')).token;
  const refused = await w.core.call('counter.visit', { visitId: opened.visitId }, colleague);
  assert.equal(!refused.ok && refused.error.code, 'FORBIDDEN');
  const saved = w.core.clock.now;
  w.core.clock.now = new Date(saved.getTime() + 24 * 3_600_000);
  try {
    const nextDay = (await w.core.ok('auth.login', { username: 'resumer', password: TEST_PASSWORD })).token;
    const stale = await w.core.call('counter.visit', { visitId: opened.visitId }, nextDay);
    assert.equal(!stale.ok && stale.error.code, 'VISIT_CLOSED');
  } finally {
    w.core.clock.now = saved;
  }
});
