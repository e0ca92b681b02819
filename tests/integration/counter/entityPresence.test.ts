// Issue 24 with issue 25's proof of presence, as the attack: at an entity's lookup the card read
// must be of the person at the counter (the legal representative in person, or the agent). The
// legal representative's card, read once, cannot vouch for an agent who came with a letter, and
// cannot be spent on another entity's visit by a clerk who kept its read id.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InputOf } from '../../../shared/contract';
import type { SubjectBundle } from '../../../shared/domain/population';
import { creditCodeOf, idCheckChar } from '../../../electron/seed/idNumbers';
import { writeSubjectBundles } from '../../../electron/store/populationStore';
import { openTestCore, type TestCore } from '../../support/core';
import { pngScan } from '../../support/images';
import { startFakeCardReader, type FakeCardReader } from '../../support/fakeCardReader/fakeCardReader';
import { CARDS } from '../../support/fakeCardReader/fixtures';

const CODE = creditCodeOf('91', '110105', 'MA02P7Q8');
const AGENT_ID = '11010519850312001' + idCheckChar('11010519850312001');
const company: SubjectBundle = {
  subject: {
    kind: 'entity', idNumber: CODE, name: '北京建国商贸有限公司', gender: null, birthDate: null, legalRepresentative: CARDS.resident.partyName, regionCode: '110105',
    centralId: 'ENT-P', version: 1,
    registration: {
      registrationNo: null, entityType: 'enterprise', establishedOn: '2012-03-01', registeredCapital: '200万元人民币', address: '北京市朝阳区建国路1号',
      businessScope: '日用百货销售', registrationAuthority: '北京市朝阳区市场监督管理局', operatingStatus: 'subsisting', legalRepIdNumber: CARDS.resident.certNumber,
    },
  },
  records: [],
  listEntries: [],
};

let core: TestCore;
let fake: FakeCardReader;
let clerk: string;
before(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  fake = await startFakeCardReader({ samId: '05-01-20201231-0012345678' });
  clerk = (await core.loginAs('clerk')).token;
  const admin = (await core.loginAs('admin')).token;
  await core.ok('reader.configure', { adapter: 'cvr_http', url: fake.url, timeoutMs: 5000 }, admin);
  await core.ctx.db.transaction((tx) => writeSubjectBundles(tx, [company]), { platform: true });
});
after(async () => {
  await fake.close();
  await core.dispose();
});

type Lookup = InputOf<'counter.lookup'>;
const byCode = (applicant: Extract<Lookup, { subjectKind: 'entity' }>['applicant'], readId: string): Lookup => ({
  subjectKind: 'entity', creditCode: CODE, name: company.subject.name, applicant, reportKind: 'full', purposeCode: 'bidding', identity: { source: 'card', readId },
});

test('the legal representative\'s own card read is recorded as proof of presence', async () => {
  fake.place(CARDS.resident);
  const card = await core.ok('reader.read', {}, clerk);
  const r = await core.ok('counter.lookup', byCode({ kind: 'legal_rep', idNumber: card.number, name: card.name, licenceSighted: true }, card.readId), clerk);
  assert.deepEqual(await core.ctx.db.get('SELECT identity_source, subject_kind FROM visit WHERE id = ?', [r.visitId]), { identity_source: 'card', subject_kind: 'entity' });
});

test('attack: the legal representative\'s card read offered for an agent who came with a letter is refused, audited, and opens no visit', async () => {
  fake.place(CARDS.resident);
  const card = await core.ok('reader.read', {}, clerk);
  const letter = (await core.ok('attachment.upload', { fileName: 'letter.png', mimeType: 'image/png', dataBase64: pngScan().toString('base64') }, clerk)).sha256;
  const visits = async () => (await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM visit'))!.n;
  const before = await visits();
  const agent = {
    kind: 'agent', agentIdNumber: AGENT_ID, agentName: '王芳', documentNo: '授字〔2026〕9号', scope: ['full'], validFrom: '2026-11-01', validTo: '2026-12-31', attachmentSha256: letter,
  } as const;
  const r = await core.call('counter.lookup', byCode({ ...agent, scope: ['full'] }, card.readId), clerk);
  assert.equal(r.ok ? null : r.error.code, 'VALIDATION');
  assert.equal(r.ok ? null : (r.error.details?.reason as string), 'card_read_unknown');
  assert.equal(await visits(), before);
  const audit = await core.ctx.db.get<{ target: string; detail: string }>("SELECT target, detail FROM audit_event WHERE action = 'counter.identity_refused' ORDER BY seq DESC LIMIT 1");
  assert.equal(audit?.target, AGENT_ID);
  assert.equal((JSON.parse(audit!.detail) as { reason: string }).reason, 'card_of_another_person');
});
