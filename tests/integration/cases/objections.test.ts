import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { annotationsOfSubject } from '../../../electron/store/annotationStore';
import { sweepOverdue } from '../../../electron/services/cases/caseQueueService';
import { hiddenReason } from '../../../shared/domain/publication';
import { pdfText } from '../../support/pdf';
import { at, caseWorld, recordId, recordRow, type CaseWorld } from './fixtures';
import { caseVersion } from '../../support/caseVersion';

let w: CaseWorld;
afterEach(() => w.core.dispose());

async function intake(recordCentralIds: string[]) {
  const visitId = await w.visit();
  const ids = await Promise.all(recordCentralIds.map((c) => recordId(w.core, c)));
  return w.core.ok('objection.intake', { visitId, recordIds: ids, scope: 'wrong', description: '罚款金额有误' }, w.clerk);
}

describe('objection intake', () => {
  test('accepts at the counter, annotates the records and prints a receipt with the due date', async () => {
    w = await caseWorld('2026-11-20T02:00:00Z', 'shandong');
    const r = await intake(['S1-R1']);
    assert.equal(r.state, 'accepted');
    assert.match(r.caseNo, /^YY20261120-0001$/);
    const receipt = pdfText(r.receipt);
    assert.match(receipt, /异议申请受理回执/);
    assert.match(receipt, /YY20261120-0001/);
    const c = await w.core.ok('objection.get', { id: r.id }, w.manager);
    // Shandong: own data 3 WD; before the route is chosen the earlier (own) date applies. Fri 20 Nov → Wed 25 Nov.
    assert.equal(c.deadlines.decideBy, '2026-11-25');
    assert.equal((await recordRow(w.core, 'S1-R1')).status, 'under_objection');
    const subjectId = c.subjectId;
    const ann = await annotationsOfSubject(w.core.ctx.db, subjectId);
    assert.deepEqual(ann, [{ recordId: await recordId(w.core, 'S1-R1'), caseNo: r.caseNo, since: '2026-11-20' }]);
    assert.deepEqual(c.events.map((e) => [e.action, e.fromState, e.toState]), [
      ['received', null, 'received'],
      ['accepted', 'received', 'accepted'],
    ]);
  });

  test('refuses a second open objection on the same record, and changes nothing on bad input', async () => {
    w = await caseWorld('2026-11-20T02:00:00Z');
    await intake(['S1-R1']);
    const visitId = await w.visit();
    const again = await w.core.call('objection.intake', { visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: 'x' }, w.clerk);
    assert.ok(!again.ok && again.error.code === 'CONFLICT');
    const bad = await w.core.call('objection.intake', { visitId, recordIds: [], scope: 'wrong', description: 'x' }, w.clerk);
    assert.ok(!bad.ok && bad.error.code === 'VALIDATION');
    const n = await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM objection');
    assert.equal(n?.n, 1);
  });

  test('a clerk cannot decide; illegal transitions are refused', async () => {
    w = await caseWorld('2026-11-20T02:00:00Z');
    const r = await intake(['S1-R1']);
    const forbidden = await w.core.call('objection.act', { action: 'decide', id: r.id, version: await caseVersion(w.core, 'objection', r.id), outcome: 'upheld', reason: 'x' }, w.clerk);
    assert.ok(!forbidden.ok && forbidden.error.code === 'FORBIDDEN');
    const early = await w.core.call('objection.act', { action: 'decide', id: r.id, version: await caseVersion(w.core, 'objection', r.id), outcome: 'upheld', reason: 'x' }, w.manager);
    assert.ok(!early.ok && early.error.code === 'ILLEGAL_TRANSITION');
    const reaccept = await w.core.call('objection.act', { action: 'accept', id: r.id, version: await caseVersion(w.core, 'objection', r.id) }, w.manager);
    assert.ok(!reaccept.ok && reaccept.error.code === 'ILLEGAL_TRANSITION');
    const close = await w.core.call('objection.act', { action: 'close', id: r.id, version: await caseVersion(w.core, 'objection', r.id) }, w.manager);
    assert.ok(!close.ok && close.error.code === 'ILLEGAL_TRANSITION');
  });
});

describe('objection outcomes change the record', () => {
  async function decide(outcome: 'corrected' | 'revoked' | 'upheld' | 'removed_from_list' | 'display_stopped', record = 'S1-R1', correctedContent?: string) {
    w = await caseWorld('2026-11-20T02:00:00Z');
    const r = await intake([record]);
    await w.core.ok('objection.act', { action: 'verify', id: r.id, version: await caseVersion(w.core, 'objection', r.id), route: 'own' }, w.manager);
    const c = await w.core.ok('objection.act', { action: 'decide', id: r.id, version: await caseVersion(w.core, 'objection', r.id), outcome, reason: '核实结果', ...(correctedContent ? { correctedContent } : {}) }, w.manager);
    assert.equal(c.state, 'decided');
    assert.deepEqual(await annotationsOfSubject(w.core.ctx.db, c.subjectId), []);
    return c;
  }

  test('corrected: the record shows the corrected content; the intake snapshot keeps the old one', async () => {
    const c = await decide('corrected', 'S1-R1', '罚款 500 元');
    const rec = await recordRow(w.core, 'S1-R1');
    assert.equal(rec.status, 'corrected');
    assert.equal(rec.content, '罚款 500 元');
    assert.equal(c.records[0]?.atIntake.content, '罚款 1000 元');
    assert.equal(c.records[0]?.now?.content, '罚款 500 元');
    const out = await w.core.ctx.db.all<{ kind: string }>('SELECT kind FROM outbox');
    assert.deepEqual(out.map((o) => o.kind), ['objection.decision']);
  });

  test('corrected without content is refused', async () => {
    w = await caseWorld('2026-11-20T02:00:00Z');
    const r = await intake(['S1-R1']);
    await w.core.ok('objection.act', { action: 'verify', id: r.id, version: await caseVersion(w.core, 'objection', r.id), route: 'own' }, w.manager);
    const res = await w.core.call('objection.act', { action: 'decide', id: r.id, version: await caseVersion(w.core, 'objection', r.id), outcome: 'corrected', reason: 'x' }, w.manager);
    assert.ok(!res.ok && res.error.code === 'VALIDATION');
    assert.equal((await recordRow(w.core, 'S1-R1')).status, 'under_objection');
  });

  /** The text of a credit report issued now for the subject, as the counter would print it. */
  async function issuedReportText(): Promise<string> {
    const visitId = await w.visit();
    const issued = await w.core.ok('report.issue', { visitId, confirmBeyondFree: true }, w.clerk);
    return pdfText(await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, w.clerk), { layout: false }).replace(/\s+/g, '');
  }

  test('revoked: the record is hidden from reports', async () => {
    const beforeText = await (async () => {
      w = await caseWorld('2026-11-20T02:00:00Z');
      const text = await issuedReportText();
      await w.core.dispose();
      return text;
    })();
    // The same world without the objection shows the record: the check below can fail.
    assert.ok(beforeText.includes('京市监罚〔2026〕1号') && beforeText.includes('京市监罚〔2026〕2号'));
    await decide('revoked');
    const rec = await recordRow(w.core, 'S1-R1');
    assert.equal(rec.status, 'revoked');
    const text = await issuedReportText();
    assert.ok(!text.includes('京市监罚〔2026〕1号'), 'the revoked record is not in the issued report');
    assert.ok(!text.includes('行政处罚 1'), 'not even its title');
    assert.ok(text.includes('京市监罚〔2026〕2号'), 'the other record still is');
  });

  /** The status of a record as the clerk's subject view shows it after a fresh lookup (the 异议处理中 badge reads it). */
  async function statusTheClerkSees(centralId: string): Promise<string | undefined> {
    const r = await w.core.ok('counter.lookup', { idNumber: w.subject.idNumber, name: w.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, w.clerk);
    return r.view?.records.find((x) => x.centralId === centralId)?.status;
  }

  test('upheld: the record returns to its decided status and the annotation is gone', async () => {
    w = await caseWorld('2026-11-20T02:00:00Z');
    const r = await intake(['S1-R1']);
    // While the case is open the clerk and the report both show the annotation, so the checks below can fail.
    assert.equal(await statusTheClerkSees('S1-R1'), 'under_objection');
    const annotated = await issuedReportText();
    assert.ok(annotated.includes('⚠') && annotated.includes(r.caseNo), 'the open case annotates the report');
    await w.core.ok('objection.act', { action: 'verify', id: r.id, version: await caseVersion(w.core, 'objection', r.id), route: 'own' }, w.manager);
    const c = await w.core.ok('objection.act', { action: 'decide', id: r.id, version: await caseVersion(w.core, 'objection', r.id), outcome: 'upheld', reason: '核实结果' }, w.manager);
    assert.equal(c.state, 'decided');
    assert.equal((await recordRow(w.core, 'S1-R1')).status, 'active');
    assert.deepEqual(await annotationsOfSubject(w.core.ctx.db, c.subjectId), []);
    assert.equal(await statusTheClerkSees('S1-R1'), 'active', 'the clerk no longer sees 异议处理中');
    const text = await issuedReportText();
    assert.ok(text.includes('京市监罚〔2026〕1号'), 'the record prints');
    assert.ok(!text.includes('⚠') && !text.includes(r.caseNo), 'no objection annotation on the report');
  });

  test('display stopped: publication ends yesterday', async () => {
    await decide('display_stopped');
    const rec = await recordRow(w.core, 'S1-R1');
    assert.equal(rec.publicity_end, '2026-11-19');
    assert.equal(hiddenReason({ status: 'active', publicityStart: '2026-06-05', publicityEnd: rec.publicity_end }, '2026-11-20'), 'publicity_ended');
    const text = await issuedReportText();
    assert.ok(!text.includes('京市监罚〔2026〕1号') && text.includes('京市监罚〔2026〕2号'), 'a report issued today leaves it out');
  });

  test('removed from list: the list entry resting on the record is removed', async () => {
    await decide('removed_from_list', 'S1-R2');
    const e = await w.core.ctx.db.get<{ status: string; exit_on: string }>("SELECT status, exit_on FROM list_entry WHERE central_id = 'S1-L1'");
    assert.deepEqual({ ...e }, { status: 'removed', exit_on: '2026-11-20' });
  });

  test('full path to closed with a provider forward travelling in the outbox', async () => {
    w = await caseWorld('2026-11-20T02:00:00Z', 'henan');
    const r = await intake(['S1-R1']);
    let c = await w.core.ok('objection.act', { action: 'verify', id: r.id, version: await caseVersion(w.core, 'objection', r.id), route: 'provider' }, w.manager);
    // Henan: provider verifies within 3 WD of the forward (Fri 20 Nov → Wed 25 Nov); decision 7 WD from receipt.
    assert.equal(c.deadlines.providerVerifyBy, '2026-11-25');
    assert.equal(c.deadlines.dueOn, '2026-11-25');
    assert.equal(c.deadlines.decideBy, '2026-12-01');
    c = await w.core.ok('objection.act', { action: 'provider_reply', id: r.id, version: await caseVersion(w.core, 'objection', r.id), reason: '提供单位核实无误' }, w.manager);
    assert.equal(c.deadlines.dueOn, '2026-12-01');
    await w.core.ok('objection.act', { action: 'decide', id: r.id, version: await caseVersion(w.core, 'objection', r.id), outcome: 'upheld', reason: '信息无误' }, w.manager);
    await w.core.ok('objection.act', { action: 'notify', id: r.id, version: await caseVersion(w.core, 'objection', r.id), reason: '电话告知' }, w.manager);
    c = await w.core.ok('objection.act', { action: 'close', id: r.id, version: await caseVersion(w.core, 'objection', r.id) }, w.manager);
    assert.equal(c.state, 'closed');
    assert.deepEqual(c.events.map((e) => e.toState), ['received', 'accepted', 'verifying', null, 'decided', 'notified', 'closed']);
    assert.ok(c.events.every((e) => e.actor !== null));
    const out = await w.core.ctx.db.all<{ kind: string }>('SELECT kind FROM outbox ORDER BY id');
    assert.deepEqual(out.map((o) => o.kind), ['objection.forward', 'objection.decision']);
  });
});

describe('overdue escalation', () => {
  test('a provider past its deadline makes the case overdue and escalated; the annotation stays; no outcome', async () => {
    w = await caseWorld('2026-11-20T02:00:00Z', 'henan');
    const r = await intake(['S1-R1']);
    await w.core.ok('objection.act', { action: 'verify', id: r.id, version: await caseVersion(w.core, 'objection', r.id), route: 'provider' }, w.manager);
    await w.travel(at('2026-11-27')); // provider deadline Wed 25 Nov; Fri 27 is 2 WD late
    const before = await w.core.ok('cases.queue', { kind: 'objection' }, w.manager);
    assert.equal(before.rows.find((x) => x.id === r.id)!.overdue, true, 'overdue shows at once, computed on read');
    assert.equal(before.rows.find((x) => x.id === r.id)!.escalated, false, 'looking at the queue writes nothing');
    await sweepOverdue(w.core.ctx); // the core's background sweep, one tick
    const page = await w.core.ok('cases.queue', { kind: 'objection' }, w.manager);
    const row = page.rows.find((x) => x.id === r.id)!;
    assert.equal(row.overdue, true);
    assert.equal(row.escalated, true);
    assert.equal(row.daysLate, 2);
    const c = await w.core.ok('objection.get', { id: r.id }, w.manager);
    const esc = c.events.find((e) => e.action === 'escalated')!;
    assert.equal(esc.detail.providerUnit, '某市市场监督管理局');
    assert.equal(esc.detail.daysLate, 2);
    assert.equal(c.state, 'verifying');
    assert.equal(c.outcome, null);
    assert.equal((await annotationsOfSubject(w.core.ctx.db, c.subjectId)).length, 1);
    // Escalated once, not on every sweep.
    await sweepOverdue(w.core.ctx);
    const again = await w.core.ok('objection.get', { id: r.id }, w.manager);
    assert.equal(again.events.filter((e) => e.action === 'escalated').length, 1);
  });
});
