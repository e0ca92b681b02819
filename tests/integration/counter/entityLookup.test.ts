// Issue 24: a legal entity at the counter. counter.lookup finds it by its unified social credit
// code (each way a typed code can be wrong named by its own reason) or, registered before the
// code, by name and registration number with the clerk's confirmation; its legal representative
// in person or an agent with its stamped letter asks; every refusal changes nothing, and what was
// asked is registered with the subject kind in the visit, the query log and the audit event.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InputOf } from '../../../shared/contract';
import type { SubjectBundle } from '../../../shared/domain/population';
import type { EntityRegistration } from '../../../shared/domain/subject';
import { creditCodeOf, idCheckChar } from '../../../electron/seed/idNumbers';
import { creditCodeCheckChar } from '../../../shared/validators/creditCode';
import { openWorld, record, type World } from '../report/world';

const CODE = creditCodeOf('91', '110105', 'MA01X2Y3');
const REP_ID = '11010519491231002X';
const REGISTRATION: EntityRegistration = {
  registrationNo: '110105000123456', entityType: 'enterprise', establishedOn: '2008-04-01', registeredCapital: '1000万元人民币',
  address: '北京市朝阳区建国路 8 号', businessScope: '软件开发；信息技术咨询服务', registrationAuthority: '北京市朝阳区市场监督管理局',
  operatingStatus: 'operating', legalRepIdNumber: REP_ID,
};

function company(): SubjectBundle {
  const centralId = 'ENT-A';
  return {
    subject: { kind: 'entity', idNumber: CODE, name: '北京恒通科技有限公司', gender: null, birthDate: null, legalRepresentative: '张伟', regionCode: '110105', centralId, version: 1, registration: REGISTRATION },
    records: [record(centralId, { category: 'admin_penalty', severity: 'ordinary', decidedOn: '2026-06-01', publicityStart: '2026-06-01' }), record(centralId, { category: 'admin_enforcement' })],
    listEntries: [{
      centralId: 'AO-A', subjectCentralId: centralId, recordCentralId: null, listType: 'abnormal_operation', listName: '经营异常名录', reason: '未按规定报送年度报告',
      basis: '《企业信息公示暂行条例》第八条', decidingUnit: '北京市朝阳区市场监督管理局', enteredOn: '2026-07-01', exitOn: null, status: 'active', measureCodes: [],
    }],
  };
}

/** An old registration: no code, its registration number as its number. */
function oldRegistration(): SubjectBundle {
  return {
    subject: { kind: 'entity', idNumber: '320500000012345', name: '苏州老字号食品厂', gender: null, birthDate: null, legalRepresentative: '李娜', regionCode: '320500', centralId: 'ENT-OLD', version: 1,
      registration: { ...REGISTRATION, registrationNo: '320500000012345', legalRepIdNumber: null, registrationAuthority: '苏州市工商行政管理局' } },
    records: [],
    listEntries: [],
  };
}

let w: World;
before(async () => {
  w = await openWorld();
  await w.seed(company(), oldRegistration());
});
after(() => w.core.dispose());

type Lookup = InputOf<'counter.lookup'>;
const legalRep = { kind: 'legal_rep', idNumber: REP_ID, name: '张伟', licenceSighted: true } as const;
const byCode = (over: Partial<Extract<Lookup, { subjectKind: 'entity' }>> = {}): Lookup =>
  ({ subjectKind: 'entity', creditCode: CODE, name: '北京恒通科技有限公司', applicant: legalRep, reportKind: 'full', purposeCode: 'bidding', ...over });

type EntityAgent = Extract<Extract<Lookup, { subjectKind: 'entity' }>['applicant'], { kind: 'agent' }>;
const AGENT_ID = '11010519850312001' + idCheckChar('11010519850312001');
async function agent(over: Partial<EntityAgent> = {}): Promise<EntityAgent> {
  return { kind: 'agent', agentIdNumber: AGENT_ID, agentName: '王芳', documentNo: '授字〔2026〕8号', scope: ['full', 'special'], validFrom: '2026-11-01', validTo: '2026-12-31',
    attachmentSha256: await w.letter(), ...over };
}

const count = async (table: string) => (await w.core.ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;

/** The call is refused with this code (and reason), and no visit, query-log row or letter was written. */
async function refused(input: Lookup, code: string, reason?: string): Promise<void> {
  const before = [await count('visit'), await count('query_log'), await count('visit_authorization'), await count('visit_legal_rep')];
  const r = await w.core.call('counter.lookup', input, w.clerk);
  assert.equal(r.ok, false, `expected ${code}`);
  if (r.ok) return;
  assert.equal(r.error.code, code, r.error.message);
  if (reason !== undefined) {
    const issues = r.error.details?.issues as { reason: string }[] | undefined;
    assert.equal(issues?.[0]?.reason ?? r.error.details?.reason, reason);
  }
  assert.deepEqual([await count('visit'), await count('query_log'), await count('visit_authorization'), await count('visit_legal_rep')], before);
}

test('the legal representative in person looks the company up by its code: the visit, query log and audit say entity', async () => {
  const r = await w.core.ok('counter.lookup', byCode(), w.clerk);
  assert.equal(r.found, true);
  const db = w.core.ctx.db;
  const visit = await db.get<Record<string, unknown>>('SELECT id_number, applicant_kind, subject_kind, found_by, clerk_confirmed, report_kind FROM visit WHERE id = ?', [r.visitId]);
  assert.deepEqual(visit, { id_number: CODE, applicant_kind: 'self', subject_kind: 'entity', found_by: 'credit_code', clerk_confirmed: null, report_kind: 'full' });
  assert.deepEqual(await db.get('SELECT id_number, name, licence_sighted FROM visit_legal_rep WHERE visit_id = ?', [r.visitId]), { id_number: REP_ID, name: '张伟', licence_sighted: 1 });
  assert.deepEqual(await db.get('SELECT subject_kind, found_by, outcome FROM query_log WHERE visit_id = ?', [r.visitId]), { subject_kind: 'entity', found_by: 'credit_code', outcome: 'found' });
  const event = await db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'counter.lookup' ORDER BY seq DESC LIMIT 1");
  assert.deepEqual(
    (({ subjectKind, foundBy, applicant, licenceSighted }) => ({ subjectKind, foundBy, applicant, licenceSighted }))(JSON.parse(event!.detail) as Record<string, unknown>),
    { subjectKind: 'entity', foundBy: 'credit_code', applicant: 'legal_rep', licenceSighted: true },
  );
});

test('the entity view: registration basics, the legal representative masked, every list, counts by the entity sections', async () => {
  const r = await w.core.ok('counter.lookup', byCode({ purposeCode: 'financing' }), w.clerk);
  const view = r.view!;
  assert.equal(view.identity.idNumberMasked, CODE, 'an entity code is public');
  assert.equal(view.entity?.registration?.registeredCapital, '1000万元人民币');
  assert.equal(view.entity?.registration && 'legalRepIdNumber' in view.entity.registration, false);
  assert.equal(view.entity?.legalRepNameMasked, '张*');
  assert.equal(view.entity?.legalRepIdNumberMasked, '110105********002X');
  assert.deepEqual(view.lists.map((l) => l.listType), ['abnormal_operation']);
  assert.deepEqual(view.entity?.sections.abnormal_operation, { total: 0, hidden: 0, lists: 1, activeLists: 1 });
  assert.equal(view.entity?.sections.penalties?.total, 1);
  assert.equal(view.entity?.sections.enforcement?.total, 1);
  assert.equal(view.entity?.sections.registration, undefined);
  // Revealing the legal representative is logged, like a person's identity.
  const revealed = await w.core.ok('counter.reveal', { visitId: r.visitId, field: 'legalRepIdNumber' }, w.clerk);
  assert.equal(revealed.value, REP_ID);
  const lists = await w.core.ok('counter.lists', { visitId: r.visitId, after: null }, w.clerk);
  assert.deepEqual(lists.lists.map((l) => l.listType), ['abnormal_operation']);
});

test('a typed code is refused with the reason of its first fault', async () => {
  const withCheck = (first17: string) => first17 + creditCodeCheckChar(first17);
  const cases: [string, string][] = [
    [CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0'), 'CC_CHECK_CHAR'],
    // Characters 9–17 with a wrong organisation-code check digit, the code's own check right.
    [withCheck(CODE.slice(0, 16) + (CODE[16] === '0' ? '1' : '0')), 'CC_ORG_CHECK'],
    [withCheck('0' + CODE.slice(1, 17)), 'CC_DEPARTMENT'],
    [withCheck('94' + CODE.slice(2, 17)), 'CC_INSTITUTION_TYPE'],
    [withCheck('91990000' + CODE.slice(8, 17)), 'CC_REGION'],
    [CODE.slice(0, 17), 'CC_LENGTH'],
    [CODE.slice(0, 17).replace(/.$/, 'I') + 'I', 'CC_CHARS'],
  ];
  for (const [code, reason] of cases) await refused(byCode({ creditCode: code }), 'VALIDATION', reason);
});

test('a name other than the registered one is refused and audited', async () => {
  await refused(byCode({ name: '北京恒通科技股份有限公司' }), 'ENTITY_NAME_MISMATCH');
  const event = await w.core.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'counter.name_mismatch' ORDER BY seq DESC LIMIT 1");
  assert.equal((JSON.parse(event!.detail) as { subjectKind: string }).subjectKind, 'entity');
});

test('an old registration is found by name and registration number only with the clerk\'s confirmation, which is recorded', async () => {
  const legacy = (clerkConfirmed: boolean): Extract<Lookup, { subjectKind: 'entity_legacy' }> => ({
    subjectKind: 'entity_legacy', registrationNo: ' 3205 0000 0012 345 ', name: '苏州老字号食品厂', clerkConfirmed,
    applicant: { kind: 'legal_rep', idNumber: REP_ID, name: '李娜', licenceSighted: true }, reportKind: 'full', purposeCode: 'subsidy_award',
  });
  await refused(legacy(false), 'LEGACY_CONFIRMATION_REQUIRED');
  await refused({ ...legacy(true), registrationNo: '32-05' }, 'VALIDATION', 'REGISTRATION_NO_FORM');
  const r = await w.core.ok('counter.lookup', legacy(true), w.clerk);
  assert.equal(r.found, true);
  assert.equal(r.view?.entity?.registration?.registrationNo, '320500000012345');
  const db = w.core.ctx.db;
  assert.deepEqual(await db.get('SELECT subject_kind, found_by, clerk_confirmed FROM visit WHERE id = ?', [r.visitId]), { subject_kind: 'entity', found_by: 'registration_no', clerk_confirmed: 1 });
  assert.deepEqual(await db.get('SELECT found_by, clerk_confirmed FROM query_log WHERE visit_id = ?', [r.visitId]), { found_by: 'registration_no', clerk_confirmed: 1 });
  const event = await db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'counter.lookup' ORDER BY seq DESC LIMIT 1");
  assert.equal((JSON.parse(event!.detail) as { clerkConfirmed: boolean }).clerkConfirmed, true);
  // A number nobody holds is a visit without a record, as for a person.
  const none = await w.core.ok('counter.lookup', { ...legacy(true), registrationNo: '999999000000001' }, w.clerk);
  assert.equal(none.found, false);
});

test('the legal representative in person: another name, another ID number, or no licence sighted is refused', async () => {
  await refused(byCode({ applicant: { ...legalRep, name: '张卫' } }), 'LEGAL_REP_MISMATCH', 'name');
  await refused(byCode({ applicant: { ...legalRep, idNumber: AGENT_ID } }), 'LEGAL_REP_MISMATCH', 'id_number');
  await refused(byCode({ applicant: { ...legalRep, licenceSighted: false } }), 'LICENCE_NOT_SIGHTED');
  await refused(byCode({ applicant: { ...legalRep, idNumber: '110105194912310021' } }), 'VALIDATION', 'ID_CHECK_DIGIT');
});

test('an agent: no letter, an expired letter, a letter not covering the report asked for, an invalid agent ID are each refused; a good letter is recorded', async () => {
  await refused(byCode({ applicant: await agent({ attachmentSha256: null }) }), 'AUTHORIZATION_REQUIRED');
  await refused(byCode({ applicant: await agent({ validFrom: '2026-01-01', validTo: '2026-11-20' }) }), 'AUTHORIZATION_EXPIRED');
  await refused(byCode({ reportKind: 'special', applicant: await agent({ scope: ['full'] }) }), 'AUTHORIZATION_OUT_OF_SCOPE');
  await refused(byCode({ applicant: await agent({ scope: [] }) }), 'AUTHORIZATION_SCOPE_EMPTY');
  await refused(byCode({ applicant: await agent({ agentIdNumber: AGENT_ID.slice(0, 17) + (AGENT_ID[17] === '0' ? '1' : '0') }) }), 'VALIDATION', 'ID_CHECK_DIGIT');
  const r = await w.core.ok('counter.lookup', byCode({ reportKind: 'special', applicant: await agent() }), w.clerk);
  const db = w.core.ctx.db;
  assert.deepEqual(await db.get('SELECT applicant_kind, report_kind FROM visit WHERE id = ?', [r.visitId]), { applicant_kind: 'agent', report_kind: 'special' });
  assert.deepEqual(JSON.parse((await db.get<{ scope: string }>('SELECT scope FROM visit_authorization WHERE visit_id = ?', [r.visitId]))!.scope), ['full', 'special']);
  // The agent's visit is the whole file, as the letter covers whole reports: it reads back so.
  const resumed = await w.core.ok('counter.visit', { visitId: r.visitId }, w.clerk);
  assert.equal(resumed.view?.sections.penalties?.total, 2, 'the penalty and the enforcement, which the personal sections file with penalties');
});

test('purposes per kind: the catalogue offers a person\'s or an entity\'s, and a lookup refuses the other kind\'s', async () => {
  const person = await w.core.ok('counter.purposes', {}, w.clerk);
  const entity = await w.core.ok('counter.purposes', { subjectKind: 'entity' }, w.clerk);
  const all = await w.core.ok('counter.purposes', { subjectKind: 'all' }, w.clerk);
  assert.ok(person.some((p) => p.code === 'self_check') && !person.some((p) => p.subjectKind === 'entity'));
  assert.deepEqual(entity.map((p) => p.code), ['bidding', 'government_procurement', 'subsidy_award', 'financing', 'listing', 'entity_other']);
  assert.equal(entity.find((p) => p.code === 'entity_other')?.requiresText, true);
  assert.equal(all.length, person.length + entity.length);
  await refused(byCode({ purposeCode: 'self_check' }), 'PURPOSE_REQUIRED');
  await refused(byCode({ purposeCode: 'entity_other' }), 'PURPOSE_REQUIRED');
  const p = await w.core.call('counter.lookup', { idNumber: REP_ID, name: '张伟', applicant: { kind: 'self' }, purposeCode: 'bidding' }, w.clerk);
  assert.equal(p.ok ? null : p.error.code, 'PURPOSE_REQUIRED');
});

test('the same entity lookup sent twice at once is one visit and one query-log row; another report asked for is a new visit', async () => {
  const input = byCode({ purposeCode: 'listing' });
  const visits = async () => (await w.core.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM visit WHERE purpose_code = 'listing'"))!.n;
  const [a, b] = await Promise.all([w.core.ok('counter.lookup', input, w.clerk), w.core.ok('counter.lookup', input, w.clerk)]);
  assert.equal(a.visitId, b.visitId);
  assert.deepEqual([a.reused, b.reused].sort(), [false, true]);
  assert.equal(await visits(), 1);
  assert.equal((await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM query_log WHERE visit_id = ?', [a.visitId]))!.n, 1);
  const special = await w.core.ok('counter.lookup', byCode({ purposeCode: 'listing', reportKind: 'special' }), w.clerk);
  assert.notEqual(special.visitId, a.visitId);
  assert.equal(await visits(), 2);
});
