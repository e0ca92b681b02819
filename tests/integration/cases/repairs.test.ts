import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { ReportContent } from '../../../shared/domain/report';
import { sweepOverdue } from '../../../electron/services/cases/caseQueueService';
import { createHash } from 'node:crypto';
import type { TestCore } from '../../support/core';

/** Every table except the logs of who looked (audit, query log, visits): what a read must not change. */
async function dbHash(core: TestCore): Promise<string> {
  const db = core.ctx.db;
  const tables = await db.all<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('audit_event','query_log','visit','session') ORDER BY name",
  );
  const hash = createHash('sha256');
  for (const { name } of tables) hash.update(name + JSON.stringify(await db.all(`SELECT * FROM "${name}"`)));
  return hash.digest('hex');
}
import { SHIPPED_PROFILE_IDS, shippedProfile } from '../../../shared/rules/loadProfile';
import { pdfText } from '../../support/pdf';
import { at, caseWorld, penalty, recordId, recordRow, seedSubject, type CaseWorld } from './fixtures';
import { caseVersion } from '../../support/caseVersion';

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

test('the day of the shortest period: accepted with a receipt; approval stops publication but keeps the serious-list entry (Measures 2025: list entries are not repaired early)', async () => {
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
  const deny = await w.core.call('repair.act', { action: 'close', id: r.id, version: await caseVersion(w.core, 'repair', r.id) }, w.manager);
  assert.ok(!deny.ok && deny.error.code === 'ILLEGAL_TRANSITION');
  c = await w.core.ok('repair.act', { action: 'approve', id: r.id, version: await caseVersion(w.core, 'repair', r.id), reason: '已履行义务并作出信用承诺' }, w.manager);
  assert.equal(c.state, 'approved');
  assert.equal((await recordRow(w.core, 'S1-R2')).status, 'repaired');
  const entry = await w.core.ctx.db.get<{ status: string; exit_on: string | null }>("SELECT status, exit_on FROM list_entry WHERE central_id = 'S1-L1'");
  assert.deepEqual({ ...entry }, { status: 'active', exit_on: null });
  const out = await w.core.ctx.db.all<{ kind: string }>('SELECT kind FROM outbox');
  assert.deepEqual(out.map((o) => o.kind), ['repair.decision']);
  c = await w.core.ok('repair.act', { action: 'close', id: r.id, version: await caseVersion(w.core, 'repair', r.id) }, w.manager);
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

test('past the longest period publication stops by itself, no case needed; repair.check writes nothing (reads never write)', async () => {
  await world('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const before = await dbHash(w.core);
  const check = await w.core.ok('repair.check', { visitId, recordId: await recordId(w.core, 'S1-R4') }, w.clerk);
  assert.deepEqual(check.eligibility, { status: 'expired', publicationEndedOn: '2026-01-01' });
  // Civil Code arts. 201–202: 12 months from 2025-01-01 end on 2026-01-01, still published that day.
  assert.equal(check.record.publicityEnd, '2026-01-01');
  assert.equal((await recordRow(w.core, 'S1-R4')).publicity_end, null, 'the stored value is the provider\'s, untouched');
  assert.equal(await dbHash(w.core), before);
  await w.core.ok('cases.queue', { kind: 'repair' }, w.manager);
  assert.equal(await dbHash(w.core), before, 'the queue is a read too');
});

test('Civil Code arts. 201–202: the last day of the longest period is still published, on screen and on paper alike', async () => {
  // Decided 2025-11-21, ordinary (12 months): last published day 2026-11-21.
  w = await caseWorld('2026-11-21T02:00:00Z');
  await seedSubject(w.core, 1, (c) => [penalty(c, 1, { decidedOn: '2025-11-21', publicityStart: '2025-11-25', publicityEnd: '2027-11-20' })]);
  const lookup = await w.core.ok('counter.lookup', { idNumber: w.subject.idNumber, name: w.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, w.clerk);
  const onScreen = lookup.view!.records.find((r) => r.centralId === 'S1-R1')!;
  assert.equal(onScreen.hiddenReason, null);
  assert.equal(onScreen.publicityEnd, '2026-11-21');
  const issued = await w.core.ok('report.issue', { visitId: lookup.visitId }, w.clerk);
  const row = await w.core.ctx.db.get<{ content_json: string }>('SELECT content_json FROM report WHERE id = ?', [issued.reportId]);
  const onPaper = (JSON.parse(row!.content_json) as ReportContent).sections.flatMap((s) => s.records).find((r) => r.centralId === 'S1-R1')!;
  assert.equal(onPaper.publicityEnd, onScreen.publicityEnd);
  await w.travel(at('2026-11-22'));
  const next = await w.core.ok('counter.lookup', { idNumber: w.subject.idNumber, name: w.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, w.clerk);
  assert.equal(next.view!.records.find((r) => r.centralId === 'S1-R1')!.hiddenReason, 'publicity_ended');
});

test('an overdue repair is escalated in the queue', async () => {
  await world('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const r = await w.core.ok('repair.intake', { visitId, recordId: await recordId(w.core, 'S1-R1'), evidence }, w.clerk);
  await w.travel(at('2026-12-07'));
  await sweepOverdue(w.core.ctx);
  const page = await w.core.ok('cases.queue', { kind: 'repair' }, w.manager);
  const row = page.rows.find((x) => x.id === r.id)!;
  assert.equal(row.overdue, true);
  assert.equal(row.daysLate, 1);
  assert.equal(row.escalated, true);
});

// Credit Repair Management Measures (2025): revocation or suspension of licences in food and drugs,
// environment and work safety cannot be repaired early. Every shipped profile keeps that exclusion.
for (const profile of SHIPPED_PROFILE_IDS.filter((id) => shippedProfile(id)!.repair.appliesTo.includes('admin_penalty'))) {
  test(`Measures 2025 exclusion (${profile}): a serious food-and-drug licence revocation is not eligible and no case is opened`, async () => {
    w = await caseWorld('2027-09-01T02:00:00Z', profile);
    await seedSubject(w.core, 1, (c) => [
      penalty(c, 1, { domain: 'food_drug', severity: 'serious', penaltyKind: 'licence_revocation', decidedOn: '2026-06-01', publicityEnd: null }),
      penalty(c, 2, { domain: 'food_drug', severity: 'serious', penaltyKind: 'fine', decidedOn: '2026-06-01', publicityEnd: null }),
      penalty(c, 3, { domain: 'environment', severity: 'serious', penaltyKind: 'production_suspension', decidedOn: '2026-06-01', publicityEnd: null }),
    ]);
    const visitId = await w.visit();
    for (const cid of ['S1-R1', 'S1-R3']) {
      const rid = await recordId(w.core, cid);
      const check = await w.core.ok('repair.check', { visitId, recordId: rid }, w.clerk);
      assert.equal(check.eligibility.status, 'non_repairable', cid);
      assert.ok(check.eligibility.status === 'non_repairable' && check.eligibility.rule.id === 'serious_penalty_key_domains');
      const r = await w.core.call('repair.intake', { visitId, recordId: rid, evidence }, w.clerk);
      assert.ok(!r.ok && r.error.code === 'NOT_ELIGIBLE', cid);
      assert.match(r.ok ? '' : r.error.message, /cannot be repaired early/);
    }
    assert.equal((await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM repair'))?.n, 0);
    // The same domain and tier with only a fine is an ordinary serious penalty: eligible after 12 months.
    const fine = await w.core.ok('repair.check', { visitId, recordId: await recordId(w.core, 'S1-R2') }, w.clerk);
    assert.equal(fine.eligibility.status, 'eligible');
  });
}


test('a serious food and drug penalty whose kind the bundle did not say: the clerk is told a person must check, and intake is refused', async () => {
  w = await caseWorld('2026-11-21T02:00:00Z');
  await seedSubject(w.core, 1, (c) => [penalty(c, 1, { severity: 'serious', domain: 'food_drug', penaltyKind: null, decidedOn: '2025-01-10', publicityStart: '2025-01-12', publicityEnd: null })]);
  const visitId = await w.visit();
  const rid = await recordId(w.core, 'S1-R1');
  const check = await w.core.ok('repair.check', { visitId, recordId: rid }, w.clerk);
  assert.ok(check.eligibility.status === 'needs_review' && check.eligibility.missing === 'penaltyKind', JSON.stringify(check.eligibility));
  const r = await w.core.call('repair.intake', { visitId, recordId: rid, evidence }, w.clerk);
  assert.ok(!r.ok && r.error.code === 'NOT_ELIGIBLE');
  assert.match(r.error.message, /does not say its penalty kind/);
  assert.equal((await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM repair'))?.n, 0);
});

test('a record under objection: the check and the intake give the same answer, in the words the clerk sees', async () => {
  await world('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const rid = await recordId(w.core, 'S1-R2');
  await w.core.ok('objection.intake', { visitId, recordIds: [rid], scope: 'wrong', description: '罚款金额有误' }, w.clerk);
  const check = await w.core.ok('repair.check', { visitId, recordId: rid }, w.clerk);
  assert.deepEqual(check.eligibility, { status: 'under_objection' }, 'not "eligible" while intake would refuse');
  const r = await w.core.call('repair.intake', { visitId, recordId: rid, evidence }, w.clerk);
  assert.ok(!r.ok && r.error.code === 'NOT_ELIGIBLE');
  assert.deepEqual(r.error.details?.eligibility, check.eligibility);
  assert.match(r.error.message, /objection against this record is open/);
});
