import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openTestCore, type TestCore } from '../../support/core';
import { decodeQr, pdfText, rasterPages } from '../../support/pdf';
import { pngScan } from '../../support/images';
import { idCheckChar } from '../../../shared/validators/idNumber';
import { appliedUpdate, creditCode, entity, entityRecord, entityVisit, seedEntities } from '../../support/entityWorld';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { person, seed } from '../../support/seedSubjects';

// The special report (专项信用报告, issue 24): per chosen field either 无违法违规记录 or the records
// decided inside the inclusive period; the reasoning (sources, period, data date, validity) on its
// face; a request the profile does not allow refused by name in both languages, changing nothing.

const NOW = '2026-11-21T02:00:00Z'; // 10:00 in Beijing, 2026-11-21
let core: TestCore;
let clerk: { token: string; id: number };

// The default profile offers 36 months: 2023-11-22 to 2026-11-21. A tax penalty decided on the first
// day is inside; one decided the day before is outside.
const company = entity(11, '淄博市齐鲁环保科技有限公司', (id) => [
  entityRecord(id, { domain: 'tax', title: 'tax-first-day', decidedOn: '2023-11-22', publicityStart: '2023-11-22', severity: 'serious', publicityEnd: '2026-12-31' }),
  entityRecord(id, { domain: 'tax', title: 'tax-day-before', decidedOn: '2023-11-21', publicityStart: '2023-11-21', severity: 'serious', publicityEnd: '2026-12-31' }),
  entityRecord(id, { domain: 'environment', title: 'env-enforcement', category: 'admin_enforcement', penaltyKind: null }),
  entityRecord(id, { domain: 'judicial', title: 'criminal-judgment', category: 'judicial_judgment', severity: null, penaltyKind: null }),
  // A simplified-procedure penalty (当场处罚: a warning, minor, published for at most 3 months) is one of them.
  entityRecord(id, { domain: 'housing', title: 'housing-warning', severity: 'minor', penaltyKind: 'warning', decidedOn: '2026-10-08', publicityStart: '2026-10-08', publicityEnd: '2027-01-07' }),
  entityRecord(id, { domain: 'market', title: 'market-licence', category: 'admin_licence', severity: null, penaltyKind: null }),
  entityRecord(id, { domain: 'market', title: 'market-repaired', status: 'repaired' }),
  entityRecord(id, { domain: 'market', title: 'market-revoked', status: 'revoked' }),
]);

before(async () => {
  core = await openTestCore({ now: NOW });
  const session = await core.loginAs('clerk');
  clerk = { token: session.token, id: session.account.id };
  await seedEntities(core, company);
  await appliedUpdate(core, '2026-11-20T08:00:00Z');
});
after(() => core.dispose());

const flat = (s: string) => s.replace(/\s+/g, '');

async function special(input: { fields: string[]; from?: string; to?: string }, lang: 'zh' | 'en' = 'zh') {
  const visitId = await entityVisit(core, clerk.id, company, 'special');
  const issued = await core.ok('report.issueSpecial', { visitId, ...input }, clerk.token);
  const doc = await core.ok('report.preview', { reportId: issued.reportId, lang }, clerk.token);
  return { visitId, issued, doc, text: flat(pdfText(doc)) };
}

const fieldText = (text: string, title: string, next: string) => text.slice(text.indexOf(title), text.indexOf(next, text.indexOf(title)));

test('the period boundary: a penalty decided on its first day is listed, one decided the day before is not', async () => {
  const { issued, text } = await special({ fields: ['tax', 'work_safety'] });
  assert.equal(issued.kind, 'special');
  assert.match(issued.reportNo, /-S\d{5}$/);
  assert.match(text, /专项信用报告/);
  assert.match(text, /2023-11-22至2026-11-21（含首尾两日）/);
  const tax = fieldText(text, '1.税务', '2.安全生产');
  assert.match(tax, /有以下记录/);
  assert.match(tax, /tax-first-day/);
  assert.doesNotMatch(text, /tax-day-before/);
  assert.match(tax, /信息来源：税务部门/);
  // No record at all in work safety: the certificate's sentence.
  assert.match(fieldText(text, '2.安全生产', '报告说明'), /该主体在上述期间内于本领域无违法违规记录/);
  // One day later the same request (its default period moves too) leaves the first-day penalty out.
  core.clock.now = new Date('2026-11-22T02:00:00Z');
  try {
    const next = await core.loginAs('clerk');
    const visitId = await entityVisit(core, next.account.id, company, 'special');
    const later = await core.ok('report.issueSpecial', { visitId, fields: ['tax'] }, next.token);
    const laterText = flat(pdfText(await core.ok('report.preview', { reportId: later.reportId, lang: 'zh' }, next.token)));
    assert.match(laterText, /2023-11-23至2026-11-22/);
    assert.match(laterText, /无违法违规记录/);
    assert.doesNotMatch(laterText, /tax-first-day/);
  } finally {
    core.clock.now = new Date(NOW);
  }
});

test('each chosen field says 无违法违规记录 when nothing was decided in it; what is consulted is printed', async () => {
  const fields = ['market_regulation', 'tax', 'environment', 'work_safety', 'civil_social_security', 'housing_construction', 'judicial'];
  const { text } = await special({ fields, from: '2026-01-01', to: '2026-11-21' });
  // Only the enforcement in environment, the simplified-procedure warning in housing and the criminal
  // judgment fall in 2026; licences are not what a special report checks.
  const noRecord = text.split('无违法违规记录。').length - 1;
  assert.equal(noRecord, fields.length - 3);
  assert.match(fieldText(text, '6.住房和城乡建设', '7.司法'), /行政处罚·轻微.*housing-warning/);
  assert.match(fieldText(text, '3.生态环境', '4.安全生产'), /env-enforcement/);
  assert.match(fieldText(text, '7.司法', '报告说明'), /criminal-judgment/);
  assert.doesNotMatch(text, /market-licence|market-revoked/);
  assert.match(text, /核查的信息类别行政处罚、行政强制、严重失信主体名单、失信被执行人、司法判决/);
  assert.match(text, /数据日期2026-11-2016:00/);
  assert.match(text, /有效期自出具之日起至2027-02-20/);
});

test('verify tells a special report from an entity report, with its fields and period', async () => {
  const { issued } = await special({ fields: ['tax'], from: '2026-01-01', to: '2026-06-30' });
  const v = await core.ok('report.verify', { reportNo: issued.reportNo, code: issued.verifyCode }, clerk.token);
  assert.deepEqual([v.genuine, v.kind], [true, 'special']);
  assert.deepEqual(v.period, { from: '2026-01-01', to: '2026-06-30' });
  assert.deepEqual(v.entityCounts, [{ key: 'tax', count: 0 }]);
});

test('refusals at the boundary: unknown field, reversed, future and too long periods; zh and en sentences; nothing changes', async () => {
  const visitId = await entityVisit(core, clerk.id, company, 'special');
  const reports = async () => (await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM report'))!.n;
  const before = await reports();
  const cases: [{ fields: string[]; from?: string; to?: string }, string, RegExp, RegExp][] = [
    [{ fields: ['tax', 'astrology'] }, 'fields', /没有“astrology”这一领域/, /“astrology” is not a field/],
    [{ fields: ['tax'], from: '2026-06-01', to: '2026-05-31' }, 'from', /起始日期 2026-06-01 晚于截止日期 2026-05-31/, /The start 2026-06-01 is after the end 2026-05-31/],
    [{ fields: ['tax'], from: '2026-01-01', to: '2026-11-22' }, 'to', /晚于今天（2026-11-21）/, /after today \(2026-11-21\)/],
    [{ fields: ['tax'], from: '2023-11-21', to: '2026-11-21' }, 'from', /最长 36 个月：起始日期不能早于 2023-11-22/, /at most 36 months: start no earlier than 2023-11-22/],
    [{ fields: ['tax'], from: '2026-02-30' }, 'from', /“2026-02-30”不是有效的日期/, /“2026-02-30” is not a valid date/],
  ];
  for (const [input, field, zh, en] of cases) {
    const r = await core.call('report.issueSpecial', { visitId, ...input }, clerk.token);
    assert.ok(!r.ok, JSON.stringify(input));
    assert.equal(r.error.code, 'VALIDATION');
    assert.equal(r.error.details?.field, field);
    assert.match(errorMessage(r.error, 'zh'), zh);
    assert.match(errorMessage(r.error, 'en'), en);
  }
  assert.equal(await reports(), before);
  // The same visit still issues its report once the request is right.
  assert.ok((await core.call('report.issueSpecial', { visitId, fields: ['tax'] }, clerk.token)).ok);
});

test('an entity report is refused for a person’s visit, and nothing is issued', async () => {
  const someone = person('P-31', '110105198503120012', '张三');
  await seed(core, [someone]);
  const visitId = await entityVisit(core, clerk.id, someone, 'full', 'self_check');
  for (const r of [await core.call('report.issueSpecial', { visitId, fields: ['tax'] }, clerk.token), await core.call('report.issueEntity', { visitId }, clerk.token)]) {
    assert.equal(!r.ok && r.error.code, 'REPORT_KIND_MISMATCH');
  }
  assert.equal((await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM report WHERE visit_id = ?', [visitId]))!.n, 0);
});

test('through the counter’s lookup: an agent with the entity’s letter for a special report; the printed QR, scanned at 150 dpi, verifies as a special report', async () => {
  const letter = (await core.ok('attachment.upload', { fileName: 'letter.png', mimeType: 'image/png', dataBase64: pngScan().toString('base64') }, clerk.token)).sha256;
  const agentId = `11010519900101002${idCheckChar('11010519900101002')}`;
  const lookup = await core.ok('counter.lookup', {
    subjectKind: 'entity', creditCode: company.subject.idNumber, name: company.subject.name, reportKind: 'special', purposeCode: 'bidding',
    applicant: { kind: 'agent', agentIdNumber: agentId, agentName: '李经办', documentNo: 'SQ-2026-118', scope: ['special'], validFrom: '2026-11-01', validTo: '2026-12-31', notarised: false, attachmentSha256: letter },
  }, clerk.token);
  const full = await core.call('report.issueEntity', { visitId: lookup.visitId }, clerk.token);
  assert.equal(!full.ok && full.error.code, 'REPORT_KIND_MISMATCH', 'the letter and the visit are for the special report only');
  const issued = await core.ok('report.issueSpecial', { visitId: lookup.visitId, fields: ['tax'] }, clerk.token);
  const doc = await core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, clerk.token);
  assert.match(flat(pdfText(doc)), /代理查询代理人：李经办（110105\*+\d{4}）授权书编号：SQ-2026-118/);
  const [qr] = await decodeQr(rasterPages(doc, 150, 1, 1)[0]!);
  const v = await core.ok('report.verify', { qrText: qr! }, clerk.token);
  assert.deepEqual([v.genuine, v.kind, v.reportNo], [true, 'special', issued.reportNo]);
  // A visit for an entity the platform does not hold has nothing to report on.
  const unknown = await core.ok('counter.lookup', {
    subjectKind: 'entity', creditCode: creditCode(99), name: '不存在的公司', reportKind: 'special', purposeCode: 'bidding',
    applicant: { kind: 'agent', agentIdNumber: agentId, agentName: '李经办', documentNo: 'SQ-2026-119', scope: ['special'], validFrom: '2026-11-01', validTo: '2026-12-31', notarised: false, attachmentSha256: letter },
  }, clerk.token);
  const none = await core.call('report.issueSpecial', { visitId: unknown.visitId, fields: ['tax'] }, clerk.token);
  assert.equal(!none.ok && none.error.code, 'NOT_FOUND');
});

test('permission: an auditor may verify an entity report but not issue one; another clerk may not issue on this clerk’s visit', async () => {
  const visitId = await entityVisit(core, clerk.id, company, 'special');
  const auditor = (await core.loginAs('auditor')).token;
  const refused = [
    await core.call('report.issueSpecial', { visitId, fields: ['tax'] }, auditor),
    await core.call('report.issueEntity', { visitId }, auditor),
    await core.call('report.specialOptions', { visitId }, auditor),
  ];
  for (const r of refused) assert.equal(!r.ok && r.error.code, 'FORBIDDEN');
  const other = (await core.loginAs('clerk')).token;
  const r = await core.call('report.issueSpecial', { visitId, fields: ['tax'] }, other);
  assert.equal(!r.ok && r.error.code, 'FORBIDDEN');
  assert.equal((await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM report WHERE visit_id = ?', [visitId]))!.n, 0);
});
