import assert from 'node:assert/strict';
import { pngScan } from '../../support/images';
import { afterEach, test } from 'node:test';
import { caseWorld, recordId, type CaseWorld } from '../cases/fixtures';
import { caseVersion } from '../../support/caseVersion';

let w: CaseWorld;
afterEach(() => w.core.dispose());

const PNG = pngScan(16, 16);
const evidence = { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null };
const audits = async (action: string) =>
  w.core.ctx.db.all<{ actor: string; target: string; detail: string }>('SELECT actor, target, detail FROM audit_event WHERE action = ? ORDER BY seq', [action]);

async function objectionByClerkA() {
  const upload = await w.core.ok('attachment.upload', { fileName: 'id.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }, w.clerk);
  const visitId = await w.visit();
  const r = await w.core.ok(
    'objection.intake',
    { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误', attachments: [{ sha256: upload.sha256, fileName: 'id.png' }] },
    w.clerk,
  );
  return { ...r, sha256: upload.sha256 };
}

test("attack: a clerk reads another clerk's case, its receipt and its scan — refused, and each refusal is audited", async () => {
  w = await caseWorld('2026-11-20T02:00:00Z');
  const c = await objectionByClerkA();
  const other = await w.core.loginAs('clerk', 'nosy');
  const tries = [
    await w.core.call('objection.get', { id: c.id }, other.token),
    await w.core.call('cases.receipt', { id: c.receipt.id }, other.token),
    await w.core.call('cases.receiptPrinted', { id: c.receipt.id, copyNo: 1 }, other.token),
    await w.core.call('attachment.get', { sha256: c.sha256 }, other.token),
  ];
  for (const r of tries) assert.ok(!r.ok && r.error.code === 'CASE_NOT_YOURS', JSON.stringify(r));
  const refused = await audits('case.read_refused');
  assert.equal(refused.length, 4);
  assert.ok(refused.every((e) => e.actor === 'nosy'));
  assert.equal(refused[0]!.target, c.caseNo);
  // The owner and a manager read it; every read is audited.
  assert.equal((await w.core.call('objection.get', { id: c.id }, w.clerk)).ok, true);
  assert.equal((await w.core.call('cases.receipt', { id: c.receipt.id }, w.clerk)).ok, true);
  assert.equal((await w.core.call('attachment.get', { sha256: c.sha256 }, w.clerk)).ok, true);
  assert.equal((await w.core.call('objection.get', { id: c.id }, w.manager)).ok, true);
  const reads = await audits('case.read');
  assert.deepEqual(reads.map((e) => [e.target, JSON.parse(e.detail).what]), [
    [c.caseNo, 'case'],
    [c.caseNo, 'receipt'],
    [c.caseNo, 'case'],
  ]);
  assert.equal((await audits('attachment.view')).length, 1);
});

test("attack: a clerk reads another clerk's repair application — refused and audited; managers see all", async () => {
  w = await caseWorld('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const rid = await recordId(w.core, 'S1-R1');
  const check = await w.core.ok('repair.check', { visitId, recordId: rid }, w.clerk);
  assert.equal(check.eligibility.status, 'eligible', JSON.stringify(check));
  const r = await w.core.ok('repair.intake', { visitId, recordId: rid, evidence }, w.clerk);
  const other = await w.core.loginAs('clerk', 'nosy');
  const refused = await w.core.call('repair.get', { id: r.id }, other.token);
  assert.ok(!refused.ok && refused.error.code === 'CASE_NOT_YOURS');
  assert.equal((await audits('case.read_refused')).length, 1);
  assert.equal((await w.core.call('repair.get', { id: r.id }, w.manager)).ok, true);
  assert.equal((await w.core.call('repair.get', { id: r.id }, w.clerk)).ok, true);
  assert.equal((await audits('case.read')).length, 2);
});

test('race: two managers decide the same repair at once — exactly one decision is recorded', async () => {
  w = await caseWorld('2026-11-21T02:00:00Z');
  const visitId = await w.visit();
  const rid = await recordId(w.core, 'S1-R1');
  const r = await w.core.ok('repair.intake', { visitId, recordId: rid, evidence }, w.clerk);
  const m2 = await w.core.loginAs('manager', 'second');
  // Both saw the case as it is now; whoever commits second is refused because it moved on.
  const version = await caseVersion(w.core, 'repair', r.id);
  const [a, b] = await Promise.all([
    w.core.call('repair.act', { action: 'approve', id: r.id, version, reason: '已整改' }, w.manager),
    w.core.call('repair.act', { action: 'deny', id: r.id, version, reason: '材料不全' }, m2.token),
  ]);
  assert.equal([a, b].filter((x) => x.ok).length, 1, JSON.stringify([a, b]));
  const loser = [a, b].find((x) => !x.ok)!;
  assert.ok(!loser.ok && loser.error.code === 'CASE_CHANGED');
  const decisions = await w.core.ctx.db.all<{ n: number }>("SELECT count(*) AS n FROM repair_event WHERE repair_id = ? AND to_state IN ('approved','denied')", [r.id]);
  assert.equal(decisions[0]!.n, 1);
});
