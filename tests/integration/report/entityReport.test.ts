import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ENTITY_REPORT_SECTIONS } from '../../../shared/domain/record';
import { ENTITY_SECTION_TITLES } from '../../../electron/report/entityReportLabels';
import { openTestCore, type TestCore } from '../../support/core';
import { pdfText } from '../../support/pdf';
import { canonicalJson } from '../../../electron/report/seal';
import { appliedUpdate, entity, entityList, entityRecord, entityVisit, seedEntities } from '../../support/entityWorld';

// The full report of a legal entity (issue 24): every section of the 2022 standard in its order,
// read back from the PDF; 无记录 where a section is empty; annotations and statements as in the
// personal report; display periods and repair by the personal report's rules.

const NOW = '2026-11-21T02:00:00Z'; // 10:00 in Beijing
let core: TestCore;
let clerk: { token: string; id: number };

// One record or list entry for each of the thirteen sections, titled by the section it must print in.
const full = entity(1, '淄博市鲁中建设工程有限公司', (id) => [
  entityRecord(id, { category: 'basic', title: 'in-registration', severity: null, penaltyKind: null, publicityEnd: null }),
  entityRecord(id, { category: 'admin_licence', title: 'in-licences', severity: null, penaltyKind: null, publicityEnd: null }),
  entityRecord(id, { category: 'admin_penalty', title: 'in-penalties', status: 'under_objection' }),
  entityRecord(id, { category: 'admin_enforcement', title: 'in-enforcement', penaltyKind: null }),
  entityRecord(id, { category: 'black_list', title: 'in-dishonesty', severity: 'serious', penaltyKind: null, publicityEnd: '2028-05-09' }),
  entityRecord(id, { category: 'judicial_judgment', title: 'in-judicial', severity: null, penaltyKind: null, domain: 'judicial', providerUnit: '淄博市中级人民法院' }),
  entityRecord(id, { category: 'tax_credit', title: 'in-tax', severity: null, penaltyKind: null, domain: 'tax' }),
  entityRecord(id, { category: 'contract_performance', title: 'in-contracts', severity: null, penaltyKind: null }),
  entityRecord(id, { category: 'credit_commitment', title: 'in-commitments', severity: null, penaltyKind: null }),
  entityRecord(id, { category: 'credit_evaluation', title: 'in-evaluations', severity: null, penaltyKind: null }),
  entityRecord(id, { category: 'honour', title: 'in-honours', severity: null, penaltyKind: null, publicityEnd: null }),
  entityRecord(id, { category: 'other', title: 'in-other', severity: null, penaltyKind: null }),
  // Hidden by the personal report's rules: repaired, revoked, past its publicity end, and an
  // ordinary penalty decided more than a year ago (the statutory tier stops it whatever the provider sent).
  entityRecord(id, { category: 'admin_penalty', title: 'hidden-repaired', status: 'repaired' }),
  entityRecord(id, { category: 'admin_penalty', title: 'hidden-revoked', status: 'revoked' }),
  entityRecord(id, { category: 'admin_penalty', title: 'hidden-ended', publicityEnd: '2026-11-20' }),
  entityRecord(id, { category: 'admin_penalty', title: 'hidden-tier', decidedOn: '2025-11-20', publicityStart: '2025-11-20', publicityEnd: '2027-12-31' }),
], (id) => [
  entityList(id, { listType: 'black', listName: 'list-dishonesty', measureCodes: ['PUN_BIDDING'] }),
  entityList(id, { listType: 'abnormal_operation', listName: 'list-abnormal' }),
  entityList(id, { listType: 'dishonest_debtor', listName: 'list-debtor' }),
  entityList(id, { listType: 'red', listName: 'list-red' }),
  entityList(id, { listType: 'abnormal_operation', listName: 'list-exited', status: 'exited', exitOn: '2026-06-01' }),
]);
// The platform holds the legal representative's ID number (for the counter's check): personal data, never on the report.
const REP_ID = '110105198503120012';
full.subject.registration = { ...full.subject.registration!, legalRepIdNumber: REP_ID };
const clean = entity(2, '淄博市清白商贸有限公司');

before(async () => {
  core = await openTestCore({ now: NOW });
  const session = await core.loginAs('clerk');
  clerk = { token: session.token, id: session.account.id };
  await seedEntities(core, full, clean);
  await appliedUpdate(core, '2026-11-19T16:00:00Z');
});
after(() => core.dispose());

const flat = (s: string) => s.replace(/\s+/g, '');

async function issueAndRead(b: typeof full, lang: 'zh' | 'en' = 'zh') {
  const visitId = await entityVisit(core, clerk.id, b);
  const issued = await core.ok('report.issueEntity', { visitId }, clerk.token);
  const doc = await core.ok('report.preview', { reportId: issued.reportId, lang }, clerk.token);
  return { visitId, issued, doc, text: flat(pdfText(doc)) };
}

test('every section of the 2022 standard, in its order, each holding its own record or list entry', async () => {
  const { issued, text } = await issueAndRead(full);
  assert.equal(issued.kind, 'entity');
  assert.match(issued.reportNo, /-E\d{5}$/);
  assert.match(text, /法人和非法人组织公共信用信息报告/);
  assert.match(text, /统一社会信用代码/);
  assert.match(text, /淄博市张店区市场监督管理局/, 'registration basics from the registration authority');
  assert.ok(!text.includes(REP_ID) && !text.includes(REP_ID.slice(0, 6) + '*'), 'no legal representative ID number, not even masked');
  const positions = ENTITY_REPORT_SECTIONS.map((key, i) => text.indexOf(flat(`${i + 1}. ${ENTITY_SECTION_TITLES[key][0]}`)));
  positions.forEach((p, i) => assert.ok(p > 0, `section ${ENTITY_REPORT_SECTIONS[i]} printed`));
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, 'sections in the standard order');
  const sectionText = (i: number) => text.slice(positions[i]!, positions[i + 1] ?? text.indexOf('主体声明', positions[i]!));
  const expect: Record<string, RegExp[]> = {
    registration: [/in-registration/],
    licences: [/in-licences/],
    penalties: [/in-penalties/, /异议标注/],
    enforcement: [/in-enforcement/],
    serious_dishonesty: [/list-dishonesty/, /in-dishonesty/, /联合奖惩措施.*限制参与招标投标/],
    abnormal_operation: [/list-abnormal/],
    judicial: [/in-judicial/, /list-debtor/],
    tax_credit: [/in-tax/],
    contract_performance: [/in-contracts/],
    credit_commitment: [/in-commitments/],
    credit_evaluation: [/in-evaluations/],
    honours: [/in-honours/, /list-red/],
    other: [/in-other/],
  };
  ENTITY_REPORT_SECTIONS.forEach((key, i) => {
    for (const re of expect[key]!) assert.match(sectionText(i), re, `${key} holds ${re}`);
    assert.doesNotMatch(sectionText(i), /无记录/, `${key} is not empty`);
  });
  for (const hidden of ['hidden-repaired', 'hidden-revoked', 'hidden-ended', 'hidden-tier', 'list-exited']) assert.ok(!text.includes(hidden), `${hidden} is not shown`);
});

test('a clean entity: every section says 无记录 (No record in English)', async () => {
  const zh = await issueAndRead(clean);
  assert.equal(zh.text.split('无记录').length - 1, ENTITY_REPORT_SECTIONS.length + 1, 'each section and the statements');
  const en = await issueAndRead(clean, 'en');
  assert.equal(en.text.split('无记录Norecord').length - 1, ENTITY_REPORT_SECTIONS.length + 1);
});

test('statements on a record and on the entity print as in the personal report', async () => {
  const visitId = await entityVisit(core, clerk.id, full);
  const penalty = (await core.ctx.db.get<{ id: number }>("SELECT id FROM record WHERE title = 'in-penalties'"))!.id;
  await core.ok('statement.create', { visitId, recordId: penalty, text: '罚款已于2026年6月全额缴纳。' }, clerk.token);
  await core.ok('statement.create', { visitId, recordId: null, text: '本单位对其余信息无异议。' }, clerk.token);
  const issued = await core.ok('report.issueEntity', { visitId }, clerk.token);
  const text = flat(pdfText(await core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, clerk.token)));
  assert.match(text.slice(text.indexOf('3.行政处罚信息'), text.indexOf('4.行政强制信息')), /in-penalties.*罚款已于2026年6月全额缴纳/);
  assert.match(text.slice(text.indexOf('主体声明', text.indexOf('13.其他信息'))), /^主体声明.*本单位对其余信息无异议/);
});

test('the same visit asked again returns the same report; a personal report, or a report the visit did not ask for, is refused and changes nothing', async () => {
  const { visitId, issued } = await issueAndRead(full);
  const again = await core.ok('report.issueEntity', { visitId }, clerk.token);
  assert.equal(again.reportNo, issued.reportNo);
  const reports = async () => (await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM report'))!.n;
  const before = await reports();
  const personal = await core.call('report.issue', { visitId }, clerk.token);
  assert.equal(!personal.ok && personal.error.code, 'REPORT_KIND_MISMATCH');
  // The visit asked for the full report (an agent's letter covers what was asked): no special report on it.
  const special = await core.call('report.issueSpecial', { visitId, fields: ['tax'] }, clerk.token);
  assert.equal(!special.ok && special.error.code, 'REPORT_KIND_MISMATCH');
  const fresh = await entityVisit(core, clerk.id, full, 'special');
  const full2 = await core.call('report.issueEntity', { visitId: fresh }, clerk.token);
  assert.equal(!full2.ok && full2.error.code, 'REPORT_KIND_MISMATCH');
  // A special visit issues one special report: another request on it needs a new visit.
  await core.ok('report.issueSpecial', { visitId: fresh, fields: ['tax'] }, clerk.token);
  const other = await core.call('report.issueSpecial', { visitId: fresh, fields: ['environment'] }, clerk.token);
  assert.equal(!other.ok && other.error.code, 'REPORT_ALREADY_ISSUED');
  assert.equal(await reports(), before + 1);
});

test('preview is byte for byte what prints; verify tells an entity report from a personal one', async () => {
  const { issued, doc } = await issueAndRead(full);
  const again = await core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, clerk.token);
  assert.equal(again.sha256, doc.sha256);
  const v = await core.ok('report.verify', { reportNo: issued.reportNo, code: issued.verifyCode }, clerk.token);
  assert.equal(v.genuine, true);
  assert.equal(v.kind, 'entity');
  assert.equal(v.counts, null);
  assert.deepEqual(v.entityCounts?.map((c) => c.key), [...ENTITY_REPORT_SECTIONS]);
  assert.equal(v.entityCounts?.find((c) => c.key === 'judicial')?.count, 2);
  assert.equal(v.subjectNameMasked, full.subject.name);
});

test('freshness: data older than the profile allows are flagged on the result and on the report’s face', async () => {
  const fresh = await issueAndRead(clean);
  assert.deepEqual(fresh.issued.freshness, { dataAsOf: '2026-11-19T16:00:00Z', limitDays: 7, stale: false });
  assert.match(fresh.text, /数据日期2026-11-2000:00/);
  assert.doesNotMatch(fresh.text, /已超过/);
  // Seven days and ten hours after the platform made its last update.
  core.clock.now = new Date('2026-11-27T02:00:00Z');
  try {
    const session = await core.loginAs('clerk');
    clerk = { token: session.token, id: session.account.id };
    const stale = await issueAndRead(clean);
    assert.equal(stale.issued.freshness?.stale, true);
    assert.match(stale.text, /注意：本报告所依据的平台数据已超过7日未更新/);
    const quota = await core.ok('report.quota', { visitId: stale.visitId }, clerk.token);
    assert.equal(quota.issued?.freshness?.stale, true, 'the warning comes back with the issued report before printing');
    const visitId = await entityVisit(core, clerk.id, clean, 'special');
    const options = await core.ok('report.specialOptions', { visitId }, clerk.token);
    assert.equal(options.freshness.stale, true);
    assert.deepEqual(options.defaultPeriod, { from: '2023-11-28', to: '2026-11-27' });
  } finally {
    core.clock.now = new Date(NOW);
    const session = await core.loginAs('clerk');
    clerk = { token: session.token, id: session.account.id };
  }
});

test('an entity’s visit never gets a personal report, not even “no record” for a code the platform lacks; its reports are never beyond a person’s free ones', async () => {
  const unknown = entity(3, '淄博市未登记商贸有限公司');
  const visitId = await entityVisit(core, clerk.id, unknown);
  const personal = await core.call('report.issue', { visitId }, clerk.token);
  assert.equal(!personal.ok && personal.error.code, 'REPORT_KIND_MISMATCH');
  const entityReport = await core.call('report.issueEntity', { visitId }, clerk.token);
  assert.equal(!entityReport.ok && entityReport.error.code, 'NOT_FOUND');
  // Three reports of the clean entity this year already: the next visit is still not beyond any free quota.
  const quota = await core.ok('report.quota', { visitId: await entityVisit(core, clerk.id, clean) }, clerk.token);
  assert.ok(quota.used >= 2);
  assert.equal(quota.nextBeyondFree, false);
});

test('the attack: an entity report’s QR re-encoded as a personal one (its kind dropped from the seal) does not verify', async () => {
  const { issued } = await issueAndRead(full);
  const row = (await core.ctx.db.get<{ qr: string }>('SELECT qr_payload AS qr FROM report WHERE report_no = ?', [issued.reportNo]))!;
  const [prefix, body, signature] = row.qr.split('.') as [string, string, string];
  const seal = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  assert.equal(seal.r, 'e');
  const { r: _kind, ...personal } = seal;
  const forged = `${prefix}.${Buffer.from(canonicalJson(personal), 'utf8').toString('base64url')}.${signature}`;
  const v = await core.ok('report.verify', { qrText: forged }, clerk.token);
  assert.deepEqual([v.genuine, v.failure, v.kind], [false, 'bad_signature', null]);
  const genuine = await core.ok('report.verify', { qrText: row.qr }, clerk.token);
  assert.deepEqual([genuine.genuine, genuine.kind], [true, 'entity']);
});
