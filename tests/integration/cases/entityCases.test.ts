// Issue 24: objections, credit repair and statements for a legal entity at the counter. The case
// names the entity (its name and code, public) as subject and who applied for it: the legal
// representative in person, or the agent with the entity's letter (number, validity, scan), as a
// personal case names its agent. Repair rules apply to an entity's records as to a person's; a
// statement is the entity's own words, so only its legal representative in person makes one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InputOf } from '../../../shared/contract';
import type { SubjectBundle } from '../../../shared/domain/population';
import { creditCodeOf, idCheckChar } from '../../../electron/seed/idNumbers';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { pdfText } from '../../support/pdf';
import { openWorld, person, record, type World } from '../report/world';
import { caseVersion } from '../../support/caseVersion';

const CODE = creditCodeOf('91', '110105', 'MA02K7Q1');
const NAME = '北京恒信建设工程有限公司';
const REP_ID = '11010519491231002X';
const AGENT_ID = '11010519850312001' + idCheckChar('11010519850312001');

function company(): SubjectBundle {
  const c = 'ENT-CASES';
  return {
    subject: {
      kind: 'entity', idNumber: CODE, name: NAME, gender: null, birthDate: null, legalRepresentative: '张伟', regionCode: '110105', centralId: c, version: 1,
      registration: {
        registrationNo: '110105000654321', entityType: 'enterprise', establishedOn: '2010-03-01', registeredCapital: '5000万元人民币', address: '北京市朝阳区光华路 1 号',
        businessScope: '建设工程施工', registrationAuthority: '北京市朝阳区市场监督管理局', operatingStatus: 'operating', legalRepIdNumber: REP_ID,
      },
    },
    records: [
      // Ordinary, decided 2026-06-01: the shortest period (3 months) is reached; repairable.
      record(c, { centralId: 'EC-FINE', category: 'admin_penalty', severity: 'ordinary', penaltyKind: 'fine', title: '未按规定设置安全警示标志', decidedOn: '2026-06-01', publicityStart: '2026-06-01' }),
      // Serious production suspension in work safety: never repaired early (profile's nonRepairable).
      record(c, { centralId: 'EC-SUSP', category: 'admin_penalty', severity: 'serious', domain: 'work_safety', penaltyKind: 'production_suspension', title: '责令停产停业整顿', decidedOn: '2025-01-10', publicityStart: '2025-01-10' }),
      record(c, { centralId: 'EC-LIC', category: 'admin_licence', title: '建筑业企业资质许可' }),
      record(c, { centralId: 'EC-LIC2', category: 'admin_licence', title: '安全生产许可' }),
      // Ordinary, decided 2026-10-01: the shortest period (3 months) is reached only on 2027-01-01.
      record(c, { centralId: 'EC-NEW', category: 'admin_penalty', severity: 'ordinary', penaltyKind: 'fine', title: '未按规定公示年度报告', decidedOn: '2026-10-01', publicityStart: '2026-10-01' }),
    ],
    listEntries: [],
  };
}

type Lookup = InputOf<'counter.lookup'>;
type EntityAgent = Extract<Extract<Lookup, { subjectKind: 'entity' }>['applicant'], { kind: 'agent' }>;

let w: World;
before(async () => {
  w = await openWorld();
  await w.seed(company());
});
after(() => w.core.dispose());

const db = () => w.core.ctx.db;
const recordId = async (centralId: string) => (await db().get<{ id: number }>('SELECT id FROM record WHERE central_id = ?', [centralId]))!.id;
const count = async (table: string) => (await db().get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;

async function legalRepVisit(purposeCode = 'bidding'): Promise<number> {
  const r = await w.core.ok('counter.lookup', {
    subjectKind: 'entity', creditCode: CODE, name: NAME, reportKind: 'full', purposeCode,
    applicant: { kind: 'legal_rep', idNumber: REP_ID, name: '张伟', licenceSighted: true },
  }, w.clerk);
  return r.visitId;
}

async function agentVisit(over: Partial<EntityAgent> = {}): Promise<number> {
  const applicant: EntityAgent = {
    kind: 'agent', agentIdNumber: AGENT_ID, agentName: '王芳', documentNo: '授字〔2026〕18号', scope: ['full', 'special'],
    validFrom: '2026-11-01', validTo: '2026-12-31', attachmentSha256: await w.letter(), ...over,
  };
  const r = await w.core.ok('counter.lookup', { subjectKind: 'entity', creditCode: CODE, name: NAME, reportKind: 'full', purposeCode: 'bidding', applicant }, w.clerk);
  return r.visitId;
}

/** The PDF's text line by line as laid out, spaces removed, so a label and its value read as one string. */
const flat = (doc: { pdfBase64: string }) => pdfText(doc).replace(/[ \t]+/g, '');

test('the legal representative lodges an objection: the case and the receipt name the entity, its code and its legal representative', async () => {
  const visitId = await legalRepVisit();
  const r = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId('EC-LIC')], scope: 'wrong', description: '资质等级登记有误' }, w.clerk);
  const text = flat(r.receipt);
  assert.match(text, new RegExp(`信息主体名称${NAME}`));
  assert.match(text, new RegExp(`统一社会信用代码${CODE}`), 'an entity code is public: printed whole');
  assert.match(text, /申请人法定代表人张伟/);
  assert.doesNotMatch(text, /信息主体本人/);
  const c = await w.core.ok('objection.get', { id: r.id }, w.clerk);
  assert.equal(c.idNumberMasked, CODE);
  assert.equal(c.subjectKind, 'entity');
  assert.equal(c.subjectName, NAME);
  assert.deepEqual(c.applicant, { kind: 'legal_rep', name: '张*', idNumberMasked: '110105********002X' });
  assert.ok(c.deadlines.decideBy, 'deadlines counted as for a person');
});

test("an agent's objection names the agent and the entity's letter: number, validity and scan", async () => {
  const visitId = await agentVisit();
  const r = await w.core.ok('objection.intake', { visitId, recordIds: [await recordId('EC-LIC2')], scope: 'past_period', description: '已超过公示期限' }, w.clerk);
  const text = flat(r.receipt);
  assert.match(text, /申请人经办人王芳/);
  assert.match(text, /授权委托书授字〔2026〕18号，有效期2026-11-01至2026-12-31，已附扫描件/);
  const c = await w.core.ok('objection.get', { id: r.id }, w.clerk);
  assert.deepEqual(c.applicant, {
    kind: 'agent', name: '王*', idNumberMasked: '110105********' + AGENT_ID.slice(-4),
    letter: { documentNo: '授字〔2026〕18号', validFrom: '2026-11-01', validTo: '2026-12-31', scanned: true },
  });
});

test('repair: an eligible entity record is taken with the entity and the applicant on the receipt; a non-repairable one is refused and nothing is written', async () => {
  const visitId = await legalRepVisit('financing');
  const evidence = { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null };
  const before = await count('repair');
  const refused = await w.core.call('repair.intake', { visitId, recordId: await recordId('EC-SUSP'), evidence }, w.clerk);
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.equal(refused.error.code, 'NOT_ELIGIBLE');
  assert.equal(await count('repair'), before);
  const r = await w.core.ok('repair.intake', { visitId, recordId: await recordId('EC-FINE'), evidence }, w.clerk);
  const text = flat(r.receipt);
  assert.match(text, new RegExp(`信息主体名称${NAME}`));
  assert.match(text, new RegExp(`统一社会信用代码${CODE}`));
  assert.match(text, /申请人法定代表人张伟/);
  const c = await w.core.ok('repair.get', { id: r.id }, w.clerk);
  assert.equal(c.idNumberMasked, CODE);
  assert.equal(c.subjectKind, 'entity');
  assert.ok(c.dueOn, 'processing deadline counted as for a person');
});

test("the manager's queue shows an entity's cases by its name and code, unmasked", async () => {
  const manager = (await w.core.loginAs('manager')).token;
  for (const kind of ['objection', 'repair'] as const) {
    const page = await w.core.ok('cases.queue', { kind, sort: 'due', limit: 50 }, manager);
    const row = page.rows.find((x) => x.idNumberMasked === CODE);
    assert.ok(row, `${kind}: the entity's case is listed under its code`);
    assert.equal(row.nameMasked, NAME);
    assert.equal(row.subjectKind, 'entity');
    // The manager finds them by the code or by the start of the name, as a person's by ID number or name.
    for (const search of [CODE, NAME.slice(0, 4)]) {
      const found = await w.core.ok('cases.queue', { kind, sort: 'due', limit: 50, search }, manager);
      assert.deepEqual(new Set(found.rows.map((x) => x.idNumberMasked)), new Set([CODE]), `${kind}: ${search}`);
    }
  }
});

test('a statement: the legal representative in person makes it; an agent is refused with its own reason and nothing is written', async () => {
  const own = await w.core.ok('statement.create', { visitId: await legalRepVisit(), recordId: await recordId('EC-FINE'), text: '罚款已于 2026 年 6 月缴清。' }, w.clerk);
  assert.ok(own.id > 0);
  const before = await count('statement');
  const r = await w.core.call('statement.create', { visitId: await agentVisit(), recordId: null, text: '本单位信用良好。' }, w.clerk);
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.error.code, 'STATEMENT_IN_PERSON');
    assert.match(errorMessage(r.error, 'zh'), /法定代表人本人/);
    assert.match(errorMessage(r.error, 'en'), /legal representative in person/);
  }
  assert.equal(await count('statement'), before);
});

test('refusals on an entity visit change nothing: a record before its shortest period, another subject\'s record', async () => {
  const visitId = await legalRepVisit('subsidy_award');
  const evidence = { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null };
  const before = [await count('repair'), await count('objection')];
  const early = await w.core.call('repair.intake', { visitId, recordId: await recordId('EC-NEW'), evidence }, w.clerk);
  assert.equal(!early.ok && early.error.code, 'NOT_ELIGIBLE');
  if (!early.ok) assert.match(early.error.message, /2027-01-01/);
  await w.seed(person(77, '钱七', (c) => [record(c, { centralId: 'P77-FINE', category: 'admin_penalty', severity: 'ordinary', decidedOn: '2026-06-01', publicityStart: '2026-06-01' })]));
  const foreign = await recordId('P77-FINE');
  const objection = await w.core.call('objection.intake', { visitId, recordIds: [foreign], scope: 'wrong', description: '非本单位记录' }, w.clerk);
  assert.equal(!objection.ok && objection.error.code, 'NOT_FOUND');
  const repair = await w.core.call('repair.intake', { visitId, recordId: foreign, evidence }, w.clerk);
  assert.equal(!repair.ok && repair.error.code, 'NOT_FOUND');
  assert.deepEqual([await count('repair'), await count('objection')], before);
});

test("the decision notice of an entity's objection names the organisation, its code and its legal representative as applicant", async () => {
  const visitId = await legalRepVisit();
  const penaltyId = await recordId('EC-NEW');
  const r = await w.core.ok('objection.intake', { visitId, recordIds: [penaltyId], scope: 'wrong', description: '公示年度报告的日期有误' }, w.clerk);
  const manager = (await w.core.loginAs('manager')).token;
  await w.core.ok('objection.act', { action: 'verify', id: r.id, version: await caseVersion(w.core, 'objection', r.id), route: 'own' }, manager);
  await w.core.ok('objection.act', { action: 'decide', id: r.id, version: await caseVersion(w.core, 'objection', r.id), outcome: 'upheld', reason: '经核实，原信息无误。' } as never, manager);
  const zh = flat(await w.core.ok('cases.notice', { kind: 'objection', id: r.id, lang: 'zh' }, manager));
  assert.match(zh, new RegExp(`信息主体名称及统一社会信用代码${NAME}${CODE}`));
  assert.match(zh, /申请人法定代表人本人/);
  assert.doesNotMatch(zh, /信息主体本人/);
  const en = pdfText(await w.core.ok('cases.notice', { kind: 'objection', id: r.id, lang: 'en' }, manager));
  assert.match(en, /The legal representative in person/);
});
