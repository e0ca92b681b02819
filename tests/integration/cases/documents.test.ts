import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { pdfBytes, pdfPageTexts, pdfText } from '../../support/pdf';
import { caseWorld, penalty, recordId, seedSubject, type CaseWorld } from './fixtures';
import { caseVersion } from '../../support/caseVersion';

// Receipts and decision notices as the subject takes them home: PDFs read back with pdftotext;
// a receipt copy counts once its print job is accepted, and a reprint says so on the page.
let w: CaseWorld;
afterEach(() => w.core.dispose());

const flat = (doc: { pdfBase64: string }) => pdfText(doc).replace(/\s+/g, '');

async function objection() {
  w = await caseWorld('2026-11-20T02:00:00Z');
  const visitId = await w.visit();
  const rid = await recordId(w.core, 'S1-R1');
  return w.core.ok('objection.intake', { visitId, recordIds: [rid], scope: 'wrong', description: '罚款金额有误，应为 500 元', accept: true } as never, w.clerk);
}

test('an objection receipt: the PDF names the case, the record and the due date; a cancelled print is not counted; a reprint says so', async () => {
  const r = await objection();
  const text = flat(r.receipt);
  for (const s of ['异议申请受理回执', r.caseNo, '罚款金额有误', '异议处理时限', '正本']) assert.ok(text.includes(s.replace(/\s+/g, '')), s);
  // Same content, same bytes: fetching the receipt again gives the file the intake returned.
  const again = await w.core.ok('cases.receipt', { id: r.receipt.id }, w.clerk);
  assert.equal(again.sha256, r.receipt.sha256);
  assert.ok(pdfBytes(again).equals(pdfBytes(r.receipt)));
  // A cancelled print confirms nothing: still copy 1, nothing counted.
  assert.equal(again.copyNo, 1);
  assert.equal(again.copies, 0);
  const printed = await w.core.ok('cases.receiptPrinted', { id: r.receipt.id, copyNo: 1 }, w.clerk);
  assert.equal(printed.copies, 1);
  assert.equal(printed.copyNo, 2);
  assert.ok(pdfPageTexts(printed).every((p) => /重印件 第 2 份/.test(p)), 'every page of the next copy says reprint');
  const stale = await w.core.call('cases.receiptPrinted', { id: r.receipt.id, copyNo: 1 }, w.clerk);
  assert.equal(!stale.ok && stale.error.code, 'PRINT_COPY_STALE');
  assert.equal((await w.core.ok('cases.receipt', { id: r.receipt.id }, w.clerk)).copies, 1);
});

test('the decision notice of an objection: refused before the decision; then case, record, outcome, reasons, remedies and seal in zh and en', async () => {
  const r = await objection();
  const early = await w.core.call('cases.notice', { kind: 'objection', id: r.id }, w.manager);
  assert.equal(!early.ok && early.error.code, 'NOT_DECIDED');
  await w.core.ok('objection.act', { action: 'verify', id: r.id, version: await caseVersion(w.core, 'objection', r.id), route: 'own' }, w.manager);
  await w.core.ok('objection.act', { action: 'decide', id: r.id, version: await caseVersion(w.core, 'objection', r.id), outcome: 'corrected', reason: '经核实，罚款金额应为 500 元，已更正。', correctedContent: '罚款 500 元' } as never, w.manager);
  const clerkTry = await w.core.call('cases.notice', { kind: 'objection', id: r.id }, w.clerk);
  assert.equal(!clerkTry.ok && clerkTry.error.code, 'FORBIDDEN');
  const zh = await w.core.ok('cases.notice', { kind: 'objection', id: r.id, lang: 'zh' }, w.manager);
  const text = flat(zh);
  for (const s of ['异议申请处理结果告知书', r.caseNo, '异议成立，已更正相关信息', '经核实，罚款金额应为500元，已更正。', '行政复议', '本人声明', '（盖章）', '2026-11-20']) assert.ok(text.includes(s), s);
  const en = await w.core.ok('cases.notice', { kind: 'objection', id: r.id, lang: 'en' }, w.manager);
  const enText = pdfText(en);
  for (const s of ['Notice of the decision on an objection', 'Upheld: the information has been corrected', 'administrative reconsideration', 'Page 1 of']) assert.ok(enText.includes(s), s);
  const twice = await w.core.ok('cases.notice', { kind: 'objection', id: r.id, lang: 'zh' }, w.manager);
  assert.equal(twice.sha256, zh.sha256, 'the same notice twice is the same file');
});

test('the decision notice of a repair application names the record and the outcome', async () => {
  w = await caseWorld('2026-11-21T02:00:00Z');
  await seedSubject(w.core, 2, (c) => [penalty(c, 1, { decidedOn: '2026-08-21', publicityStart: '2026-08-25', publicityEnd: '2027-08-20' })]);
  const subject = await w.core.ctx.db.get<{ id_number: string; name: string }>("SELECT id_number, name FROM subject WHERE central_id = 'S2'");
  const lookup = await w.core.ok('counter.lookup', { idNumber: subject!.id_number, name: subject!.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, w.clerk);
  const rid = await recordId(w.core, 'S2-R1');
  const r = await w.core.ok('repair.intake', { visitId: lookup.visitId, recordId: rid, evidence: { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null } }, w.clerk);
  assert.match(flat(r.receipt), /信用修复申请受理回执/);
  await w.core.ok('repair.act', { action: 'approve', id: r.id, version: await caseVersion(w.core, 'repair', r.id), reason: '已履行义务并作出信用承诺' }, w.manager);
  const notice = await w.core.ok('cases.notice', { kind: 'repair', id: r.id }, w.manager);
  const text = flat(notice);
  for (const s of ['信用修复申请处理结果告知书', r.caseNo, '准予信用修复', '已履行义务并作出信用承诺', '第1页/共1页']) assert.ok(text.includes(s), s);
});
