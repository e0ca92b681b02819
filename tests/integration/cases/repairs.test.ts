import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { pdfText } from '../../support/pdf';
import { at, caseWorld, penalty, recordId, recordRow, seedSubject, type CaseWorld } from './fixtures';

let w: CaseWorld;
afterEach(() => w.core.dispose());

const evidence = { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null };

// An ordinary penalty decided 2026-08-21: shortest period (3 months) reached on 2026-11-21.
async function world(now: string) {
  w = await caseWorld(now);
  await seedSubject(w.core, 1, (c) => [
    penalty(c, 1, { decidedOn: '2026-08-21', publicityStart: '2026-08-25', publicityEnd: '2027-08-20' }),
    penalty(c, 2, { decidedOn: '2026-08-21', publicityStart: '2026-08-25', publicityEnd: '2027-08-20' }),
    penalty(c, 3, { category: 'black_list', severity: 'serious' }),
    penalty(c, 4, { decidedOn: '2025-01-01', publicityStart: '2025-01-05', publicityEnd: null }),
  ]);
}

test('the day before the shortest period: not yet eligible, with the earliest date; intake refused', async () => {
  await world('2026-11-20T02:00:00Z');
  const visitId = await w.visit();
  const rid = await recordId(w.core, 'S1-R1');
  const check = await w.core.ok('repair.check', { visitId, recordId: rid }, w.clerk);
  assert.deepEqual(check.eligibility, { status: 'not_yet', earliestOn: '2026-11-21', publicationEndsOn: '2027-08-21' });
  const r = await w.core.call('repair.intake', { visitId, recordId: rid, evidence }, w.clerk);
  assert.ok(!r.ok && r.error.code === 'NOT_ELIGIBLE');
  assert.equal((await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM repair'))?.n, 0);
});

test('the day of the shortest period: accepted with a receipt; approval stops publication and lifts the list entry', async () => {
  await world('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const rid = await recordId(w.core, 'S1-R2');
  const check = await w.core.ok('repair.check', { visitId, recordId: rid }, w.clerk);
  assert.equal(check.eligibility.status, 'eligible');
  const r = await w.core.ok('repair.intake', { visitId, recordId: rid, evidence }, w.clerk);
  assert.match(r.caseNo, /^XF20261121-0001$/);
  assert.match(pdfText(r.receipt), /信用修复申请受理回执/);
  let c = await w.core.ok('repair.get', { id: r.id }, w.manager);
  // 10 WD from Sat 21 Nov 2026: Nov 23–27, Nov 30–Dec 4.
  assert.equal(c.dueOn, '2026-12-04');
  const deny = await w.core.call('repair.act', { action: 'close', id: r.id }, w.manager);
  assert.ok(!deny.ok && deny.error.code === 'ILLEGAL_TRANSITION');
  c = await w.core.ok('repair.act', { action: 'approve', id: r.id, reason: '已履行义务并作出信用承诺' }, w.manager);
  assert.equal(c.state, 'approved');
  assert.equal((await recordRow(w.core, 'S1-R2')).status, 'repaired');
  const entry = await w.core.ctx.db.get<{ status: string; exit_on: string }>("SELECT status, exit_on FROM list_entry WHERE central_id = 'S1-L1'");
  assert.deepEqual({ ...entry }, { status: 'exited', exit_on: '2026-11-21' });
  const out = await w.core.ctx.db.all<{ kind: string }>('SELECT kind FROM outbox');
  assert.deepEqual(out.map((o) => o.kind), ['repair.decision']);
  c = await w.core.ok('repair.act', { action: 'close', id: r.id }, w.manager);
  assert.deepEqual(c.events.map((e) => e.toState), ['received', 'accepted', 'approved', 'closed']);
});

test('intake without a credit commitment is refused', async () => {
  await world('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const r = await w.core.call('repair.intake', { visitId, recordId: await recordId(w.core, 'S1-R1'), evidence: { ...evidence, creditCommitment: false } }, w.clerk);
  assert.ok(!r.ok && r.error.code === 'NOT_ELIGIBLE');
});

test('serious-list entries cannot be repaired early', async () => {
  await world('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const check = await w.core.ok('repair.check', { visitId, recordId: await recordId(w.core, 'S1-R3') }, w.clerk);
  assert.equal(check.eligibility.status, 'non_repairable');
});

test('past the longest period publication stops by itself, no case needed', async () => {
  await world('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const check = await w.core.ok('repair.check', { visitId, recordId: await recordId(w.core, 'S1-R4') }, w.clerk);
  assert.deepEqual(check.eligibility, { status: 'expired', publicationEndedOn: '2026-01-01' });
  assert.equal((await recordRow(w.core, 'S1-R4')).publicity_end, '2025-12-31');
});

test('an overdue repair is escalated in the queue', async () => {
  await world('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const r = await w.core.ok('repair.intake', { visitId, recordId: await recordId(w.core, 'S1-R1'), evidence }, w.clerk);
  await w.travel(at('2026-12-07'));
  const page = await w.core.ok('cases.queue', { kind: 'repair' }, w.manager);
  const row = page.rows.find((x) => x.id === r.id)!;
  assert.equal(row.overdue, true);
  assert.equal(row.daysLate, 1);
  assert.equal(row.escalated, true);
});
