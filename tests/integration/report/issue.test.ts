import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openWorld, person, record, type World } from './world';
import { pdfPageTexts, pdfText } from '../../support/pdf';

let w: World;
const subject = person(21, '刘红', (id) => [
  record(id, { category: 'admin_penalty', severity: 'ordinary', title: 'penalty-a', publicityEnd: '2027-03-01' }),
  record(id, { category: 'admin_licence', title: 'licence-a' }),
]);

before(async () => {
  w = await openWorld();
  await w.seed(subject);
});
after(() => w.core.dispose());

const recordId = async (title: string) => (await w.core.ctx.db.get<{ id: number }>('SELECT id FROM record WHERE title = ?', [title]))!.id;

test('statements: on the subject and on one record, limited by the profile, shown where they belong', async () => {
  const visitId = await w.lookupSelf(subject);
  const penalty = await recordId('penalty-a');
  await w.core.ok('statement.create', { visitId, recordId: null, text: '本人对全部信息无异议。' }, w.clerk);
  await w.core.ok('statement.create', { visitId, recordId: penalty, text: '罚款已于2026年2月全额缴纳。' }, w.clerk);
  const tooLong = await w.core.call('statement.create', { visitId, recordId: null, text: '长'.repeat(201) }, w.clerk);
  assert.equal(!tooLong.ok && tooLong.error.code, 'STATEMENT_TOO_LONG');
  const foreign = await w.core.call('statement.create', { visitId, recordId: 999999, text: '无关' }, w.clerk);
  assert.equal(!foreign.ok && foreign.error.code, 'NOT_FOUND');
  assert.equal((await w.core.ok('statement.list', { visitId }, w.clerk)).length, 2);

  const issued = await w.core.ok('report.issue', { visitId }, w.clerk);
  const text = pdfText(await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, w.clerk)).replace(/\s+/g, '');
  // The penalty is the only record of its section, the licence of its own: the record's statement
  // prints in the penalty's section (inside its row), the subject's own in the statements section.
  const between = (from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to, text.indexOf(from)));
  assert.match(between('行政处罚信息序号', '失信被执行人及严重失信主体名单信息'), /penalty-a.*罚款已于2026年2月全额缴纳/);
  assert.doesNotMatch(between('行政许可信息序号', '行政处罚信息序号'), /罚款已于/);
  assert.match(between('本人声明日期', '查询记录'), /本人对全部信息无异议/);
});

test('free reports: two a year, the third needs confirmation and is marked beyond the free ones', async () => {
  const other = person(22, '孙敏');
  await w.seed(other);
  const issue = async (confirm?: boolean) => {
    const visitId = await w.lookupSelf(other);
    const quota = await w.core.ok('report.quota', { visitId }, w.clerk);
    const r = await w.core.call('report.issue', confirm === undefined ? { visitId } : { visitId, confirmBeyondFree: confirm }, w.clerk);
    return { quota, r };
  };
  const first = await issue();
  assert.deepEqual([first.quota.used, first.quota.free, first.quota.nextBeyondFree], [0, 2, false]);
  const second = await issue();
  assert.ok(second.r.ok && !second.r.value.beyondFree);
  const third = await issue();
  assert.equal(third.quota.nextBeyondFree, true);
  assert.equal(!third.r.ok && third.r.error.code, 'FREE_REPORTS_USED');
  const fourth = await issue(true);
  assert.ok(fourth.r.ok && fourth.r.value.beyondFree);
  // Next year the count starts again.
  w.core.clock.now = new Date('2027-01-04T02:00:00Z');
  try {
    await w.relogin();
    const nextYear = await issue();
    assert.deepEqual([nextYear.quota.year, nextYear.quota.used], ['2027', 0]);
    assert.ok(nextYear.r.ok);
  } finally {
    w.core.clock.now = new Date('2026-11-21T02:00:00Z');
    await w.relogin();
  }
});

test('issuing twice for one visit returns the same report; it counts once', async () => {
  const visitId = await w.lookupSelf(subject);
  const stored = async () =>
    (await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM report'))!.n;
  const issuedEvents = async () => (await w.core.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE action = 'report.issue'"))!.n;
  const before = { stored: await stored(), events: await issuedEvents(), used: (await w.core.ok('report.quota', { visitId }, w.clerk)).used };
  const a = await w.core.ok('report.issue', { visitId, confirmBeyondFree: true }, w.clerk);
  const b = await w.core.ok('report.issue', { visitId, confirmBeyondFree: true }, w.clerk);
  assert.equal(a.reportNo, b.reportNo);
  assert.equal(a.reportId, b.reportId);
  assert.equal(await stored(), before.stored + 1, 'one report row for the two calls');
  assert.equal(await issuedEvents(), before.events + 1, 'one issue event for the two calls');
  assert.equal((await w.core.ok('report.quota', { visitId }, w.clerk)).used, before.used + 1, 'the free-report count moved by one');
  // The page shows that one report, as the original: the second call made no new copy.
  const page = await w.core.ok('report.preview', { reportId: b.reportId, lang: 'zh' }, w.clerk);
  const text = pdfText(page, { layout: false }).replace(/\s+/g, '');
  assert.ok(text.includes(a.reportNo));
  assert.doesNotMatch(text, /重印件/);
  assert.equal(page.copyNo, 1);
});

test('prints and reprints are counted when the job is accepted; a reprint says so on every page; preview counts nothing', async () => {
  const visitId = await w.lookupSelf(subject);
  const issued = await w.core.ok('report.issue', { visitId, confirmBeyondFree: true }, w.clerk);
  const preview = await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, w.clerk);
  assert.equal(preview.copyNo, 1);
  assert.equal(preview.reprint, false);
  const original = pdfPageTexts(preview);
  assert.equal(original.length, preview.pages);
  assert.ok(original.every((p) => /正本/.test(p) && !/重印件/.test(p)));
  // The clerk cancels the print dialog: nothing is confirmed, so the next preview is still copy 1.
  assert.equal((await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, w.clerk)).copyNo, 1);
  assert.equal((await w.core.ok('report.quota', { visitId }, w.clerk)).issued?.copiesPrinted, 0);
  // Accepted: copy 1 is counted, and confirming copy 1 again (a stale page) is refused.
  assert.equal((await w.core.ok('report.printed', { reportId: issued.reportId, copyNo: 1, kind: 'print' }, w.clerk)).copiesPrinted, 1);
  const stale = await w.core.call('report.printed', { reportId: issued.reportId, copyNo: 1, kind: 'print' }, w.clerk);
  assert.equal(!stale.ok && stale.error.code, 'PRINT_COPY_STALE');
  const second = await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'en' }, w.clerk);
  assert.equal(second.copyNo, 2);
  assert.equal(second.reprint, true);
  const reprint = pdfPageTexts(second);
  assert.equal(reprint.length, second.pages);
  assert.ok(reprint.every((p) => /重印件 第 2 份/.test(p) && /Reprint, copy 2/.test(p)), 'every page says reprint, copy 2');
  await w.core.ok('report.printed', { reportId: issued.reportId, copyNo: 2, kind: 'pdf' }, w.clerk);
  const actions = (await w.core.ctx.db.all<{ action: string }>("SELECT action FROM audit_event WHERE action LIKE 'report.%' ORDER BY seq")).map((r) => r.action);
  assert.ok(actions.includes('report.preview') && actions.includes('report.print') && actions.includes('report.reprint'));
  const q = await w.core.ok('report.quota', { visitId }, w.clerk);
  assert.equal(q.issued?.copiesPrinted, 2);
  // Another clerk cannot print or count someone else's report.
  const stranger = (await w.core.loginAs('clerk')).token;
  for (const r of [
    await w.core.call('report.preview', { reportId: issued.reportId, lang: 'zh' }, stranger),
    await w.core.call('report.printed', { reportId: issued.reportId, copyNo: 3 }, stranger),
  ]) {
    assert.equal(!r.ok && r.error.code, 'FORBIDDEN');
  }
});

test('the logs of this feature are append-only', async () => {
  const db = w.core.ctx.db;
  const { idNumber } = await import('./world');
  const letter = await w.letter();
  await w.core.ok(
    'counter.lookup',
    {
      idNumber: subject.subject.idNumber,
      name: subject.subject.name,
      purposeCode: 'self_check',
      applicant: { kind: 'agent', agentIdNumber: idNumber(901), agentName: '代理人', documentNo: 'A-1', scope: ['basic'], validFrom: '2026-11-01', validTo: '2026-11-30', notarised: true, attachmentSha256: letter },
    },
    w.clerk,
  );
  for (const sql of [
    'UPDATE report SET digest = digest',
    'DELETE FROM report',
    'UPDATE report_print SET kind = kind',
    'DELETE FROM report_print',
    'UPDATE statement SET text = text',
    'DELETE FROM statement',
    'UPDATE visit_authorization SET scope = scope',
    'DELETE FROM visit_authorization',
    'DELETE FROM attachment',
  ]) {
    await assert.rejects(db.run(sql), /append-only/, sql);
  }
});
