import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { InputOf } from '../../../shared/contract';
import { shippedProfile } from '../../../shared/rules/loadProfile';
import { setSetting } from '../../../electron/store/settingsStore';
import { openTestCore, TEST_PASSWORD, type TestCore } from '../../support/core';
import { startFakeCardReader, type FakeCardReader } from '../../support/fakeCardReader/fakeCardReader';
import { CARDS, PHOTOS } from '../../support/fakeCardReader/fixtures';

// The card read through the API (issue 25): `reader.read` returns the checked card to the counter,
// and the lookup records how identity was taken. The office clock says 2026-11-21 in China.
const NOW = '2026-11-21T02:00:00Z';
const SAM = '05.01-20231108-0012345678';

let core: TestCore;
let fake: FakeCardReader;
let clerk: string;
let otherClerk: string;
let admin: string;

type LookupInput = InputOf<'counter.lookup'>;
const lookupOf = (idNumber: string, name: string, identity?: LookupInput['identity']): LookupInput => ({
  idNumber,
  name,
  purposeCode: 'self_check',
  applicant: { kind: 'self' },
  ...(identity === undefined ? {} : { identity }),
});

async function visitRow(visitId: number) {
  return core.ctx.db.get<{ identity_source: string; reader_sam_id: string | null; identity_reason: string | null; identity_note: string | null }>(
    'SELECT identity_source, reader_sam_id, identity_reason, identity_note FROM visit WHERE id = ?',
    [visitId],
  );
}
async function queryLogRow(visitId: number) {
  return core.ctx.db.get<{ identity_source: string; reader_sam_id: string | null }>('SELECT identity_source, reader_sam_id FROM query_log WHERE visit_id = ?', [visitId]);
}
const count = async (table: string) => (await core.ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`))!.n;

/** The default profile with its card rules changed, stored as a platform bundle would store it. */
async function cardRules(change: { expiredPolicy?: 'refuse' | 'accept_with_note'; typedReasonRequired?: boolean }) {
  const p = shippedProfile('default')!;
  const idCard = {
    ...p.idCard!,
    expiredCard: { ...p.idCard!.expiredCard, policy: change.expiredPolicy ?? 'refuse' },
    typedEntry: { reasonRequired: change.typedReasonRequired ?? false },
  };
  await setSetting(core.ctx.db, 'rule_profile_doc:default', JSON.stringify({ ...p, idCard }));
}

before(async () => {
  core = await openTestCore({ now: NOW });
  fake = await startFakeCardReader({ samId: SAM });
  clerk = (await core.loginAs('clerk')).token;
  otherClerk = (await core.loginAs('clerk')).token;
  admin = (await core.loginAs('admin')).token;
  await core.ok('reader.configure', { adapter: 'cvr_http', url: fake.url, timeoutMs: 5000 }, admin);
});
after(async () => {
  await fake.close();
  await core.dispose();
});
beforeEach(async () => {
  fake.set({ fault: 'none', encoding: 'utf8' });
  fake.lift();
  core.clock.now = new Date(NOW);
  await cardRules({});
});

describe('reader settings', () => {
  it('an address off this computer is refused and nothing is stored or contacted', async () => {
    fake.calls.length = 0;
    for (const url of ['http://192.168.1.20:19196', `http://localhost:${fake.port}`, 'http://10.1.1.1:80']) {
      const r = await core.call('reader.configure', { adapter: 'cvr_http', url, timeoutMs: 5000 }, admin);
      assert.ok(!r.ok && r.error.code === 'READER_ADDRESS_REFUSED', url);
      const t = await core.call('reader.test', { adapter: 'cvr_http', url, timeoutMs: 5000 }, admin);
      assert.ok(!t.ok && t.error.code === 'READER_ADDRESS_REFUSED', url);
    }
    assert.deepEqual(await core.ok('reader.settings', {}, clerk), { adapter: 'cvr_http', url: fake.url, timeoutMs: 5000, library: '', libraryPort: 1001 });
    assert.deepEqual(fake.calls, []);
  });

  it('a vendor library is named by its bare file name only: a path is refused and nothing is stored or loaded', async () => {
    for (const library of ['../../tmp/evil.so', '/tmp/evil.so', 'C:\\evil\\sdtapi.dll', 'evil']) {
      for (const method of ['reader.configure', 'reader.test'] as const) {
        const r = await core.call(method, { adapter: 'sdt_lib', url: '', timeoutMs: 5000, library, libraryPort: 1001 }, admin);
        assert.ok(!r.ok && r.error.code === 'READER_ADDRESS_REFUSED' && r.error.details?.reason === 'library_name', `${method} ${library}`);
      }
    }
    assert.equal((await core.ok('reader.settings', {}, clerk)).adapter, 'cvr_http', 'nothing stored');
    // A bare name is stored with its port; the address of a service is not kept beside it.
    const saved = await core.ok('reader.configure', { adapter: 'cvr_lib', url: fake.url, timeoutMs: 5000, library: 'Termb.dll', libraryPort: 1002 }, admin);
    assert.deepEqual(saved, { adapter: 'cvr_lib', url: '', timeoutMs: 5000, library: 'Termb.dll', libraryPort: 1002 });
    assert.deepEqual(await core.ok('reader.settings', {}, clerk), saved);
    await core.ok('reader.configure', { adapter: 'cvr_http', url: fake.url, timeoutMs: 5000 }, admin);
  });

  it('"测试读卡器" tells a reachable reader without a card from a service that is not running', async () => {
    assert.deepEqual(await core.ok('reader.test', { adapter: 'cvr_http', url: fake.url, timeoutMs: 5000 }, admin), { reachable: true, state: 'READER_NO_CARD', securityModuleId: null });
    const gone = await startFakeCardReader();
    const url = gone.url;
    await gone.close();
    const down = await core.ok('reader.test', { adapter: 'cvr_http', url, timeoutMs: 5000 }, admin);
    assert.deepEqual(down, { reachable: false, state: 'READER_SERVICE_DOWN', securityModuleId: null, reason: 'not_listening' });
    // A vendor library that is not installed: its own reason, so the screen can say "install the library", not "start the service".
    const missing = await core.ok('reader.test', { adapter: 'sdt_lib', url: '', timeoutMs: 5000, library: 'libnotinstalled.so', libraryPort: 1001 }, admin);
    assert.deepEqual(missing, { reachable: false, state: 'READER_SERVICE_DOWN', securityModuleId: null, reason: 'library_missing' });
  });

  it('only the roles that serve the counter read cards; only settings managers set the reader up', async () => {
    const auditor = (await core.loginAs('auditor')).token;
    const read = await core.call('reader.read', {}, auditor);
    assert.ok(!read.ok && read.error.code === 'FORBIDDEN');
    const configure = await core.call('reader.configure', { adapter: 'none', url: '', timeoutMs: 5000 }, clerk);
    assert.ok(!configure.ok && configure.error.code === 'FORBIDDEN');
  });
});

describe('reader.read', () => {
  it('returns the checked card with its photo and masked address, and audits the read', async () => {
    fake.place(CARDS.resident);
    const card = await core.ok('reader.read', {}, clerk);
    assert.match(card.readId, /^[0-9a-f]{32}$/);
    const { readId: _id, photo, ...rest } = card;
    assert.deepEqual(photo, { format: 'bmp', base64: PHOTOS.bmp }, 'the photo as the service sent it');
    assert.deepEqual(rest, {
      type: 'resident',
      number: '11010519491231002X',
      name: '张三',
      nameLatin: null,
      sex: 'F',
      ethnicity: '汉',
      birthDate: '1949-12-31',
      addressMasked: '北京市朝阳区*****',
      issuingAuthority: '北京市公安局朝阳分局',
      validFrom: '2020-01-01',
      validTo: null,
      expired: false,
      securityModuleId: SAM,
    });
    const audit = await core.ctx.db.get<{ target: string; detail: string }>("SELECT target, detail FROM audit_event WHERE action = 'counter.card_read' ORDER BY seq DESC LIMIT 1");
    assert.equal(audit?.target, '11010519491231002X');
    assert.deepEqual(JSON.parse(audit!.detail), { cardType: 'resident', expired: false, securityModuleId: SAM });
  });

  it('an expired card is refused with the profile\'s basis, and audited', async () => {
    fake.place(CARDS.expired);
    const r = await core.call('reader.read', {}, clerk);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'CARD_EXPIRED');
    assert.equal(r.error.details?.validTo, '2026-11-20');
    const audit = await core.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'counter.card_refused' ORDER BY seq DESC LIMIT 1");
    assert.equal(JSON.parse(audit!.detail).code, 'CARD_EXPIRED');
  });

  it('a card whose chip disagrees with its own number is refused with the reason, never filled in', async () => {
    fake.place({ ...CARDS.resident, bornDay: '19491230' });
    const r = await core.call('reader.read', {}, clerk);
    assert.ok(!r.ok && r.error.code === 'CARD_INVALID');
    assert.deepEqual([r.error.details?.reason, r.error.details?.cardBirthDate], ['birth_mismatch', '1949-12-30']);
    assert.equal('readId' in (r.error.details ?? {}), false);
  });

  it('a reader state arrives as its own code; an office without a reader says so', async () => {
    const r = await core.call('reader.read', {}, clerk);
    assert.ok(!r.ok && r.error.code === 'READER_NO_CARD');
    await core.ok('reader.configure', { adapter: 'none', url: '', timeoutMs: 5000 }, admin);
    const none = await core.call('reader.read', {}, clerk);
    assert.ok(!none.ok && none.error.code === 'READER_NOT_CONNECTED');
    assert.equal(none.error.details?.reason, 'not_configured');
    await core.ok('reader.configure', { adapter: 'cvr_http', url: fake.url, timeoutMs: 5000 }, admin);
  });
});

describe('proof of presence: the visit and the query log record how identity was taken', () => {
  it('a lookup with the card read records "card" and the reader\'s security module', async () => {
    fake.place(CARDS.resident);
    const card = await core.ok('reader.read', {}, clerk);
    const r = await core.ok('counter.lookup', lookupOf(card.number, card.name, { source: 'card', readId: card.readId }), clerk);
    assert.deepEqual(await visitRow(r.visitId), { identity_source: 'card', reader_sam_id: SAM, identity_reason: null, identity_note: null });
    assert.deepEqual(await queryLogRow(r.visitId), { identity_source: 'card', reader_sam_id: SAM });
  });

  it('typed entry stays possible and is recorded as typed', async () => {
    const r = await core.ok('counter.lookup', lookupOf('11010519491231002X', '张三'), otherClerk);
    assert.deepEqual(await visitRow(r.visitId), { identity_source: 'typed', reader_sam_id: null, identity_reason: null, identity_note: null });
    assert.equal((await queryLogRow(r.visitId))?.identity_source, 'typed');
  });

  it('the photo is kept nowhere: no column of any table holds it after a read and a lookup', async () => {
    fake.place(CARDS.residentRare);
    const card = await core.ok('reader.read', {}, clerk);
    await core.ok('counter.lookup', lookupOf(card.number, card.name, { source: 'card', readId: card.readId }), clerk);
    const needle = PHOTOS.png.slice(20, 80);
    const tables = await core.ctx.db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    for (const { name } of tables) {
      const cols = await core.ctx.db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${name}')`);
      for (const col of cols) {
        const hit = await core.ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM "${name}" WHERE CAST("${col.name}" AS TEXT) LIKE ?`, [`%${needle}%`]);
        assert.equal(hit?.n, 0, `${name}.${col.name} holds the photo`);
      }
    }
  });
});

describe('proof of presence, attacked', () => {
  it('a page that claims a card read the core never made is refused, audited, and writes no visit', async () => {
    const visits = await count('visit');
    const r = await core.call('counter.lookup', lookupOf('11010519491231002X', '张三', { source: 'card', readId: 'ab'.repeat(16) }), clerk);
    assert.ok(!r.ok && r.error.code === 'VALIDATION');
    assert.equal(r.error.details?.reason, 'card_read_unknown');
    assert.equal(await count('visit'), visits);
    const audit = await core.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'counter.identity_refused' ORDER BY seq DESC LIMIT 1");
    assert.equal(JSON.parse(audit!.detail).reason, 'card_read_unknown');
  });

  it('one card cannot vouch for another person, another clerk, or after ten minutes', async () => {
    fake.place(CARDS.resident);
    const card = await core.ok('reader.read', {}, clerk);
    const claim = { source: 'card' as const, readId: card.readId };
    const otherPerson = await core.call('counter.lookup', lookupOf(CARDS.residentDot.certNumber, CARDS.residentDot.partyName, claim), clerk);
    assert.ok(!otherPerson.ok && otherPerson.error.details?.reason === 'card_read_unknown');
    const otherName = await core.call('counter.lookup', lookupOf(card.number, '李四', claim), clerk);
    assert.ok(!otherName.ok && otherName.error.details?.reason === 'card_read_unknown');
    const otherClerkClaim = await core.call('counter.lookup', lookupOf(card.number, card.name, claim), otherClerk);
    assert.ok(!otherClerkClaim.ok && otherClerkClaim.error.details?.reason === 'card_read_unknown');
    core.clock.now = new Date(Date.parse(NOW) + 10 * 60_000 + 1000);
    // Ten idle minutes lock the console too; the clerk unlocks it, and the old read is still too old.
    await core.ok('auth.unlock', { password: TEST_PASSWORD }, clerk);
    const late = await core.call('counter.lookup', lookupOf(card.number, card.name, claim), clerk);
    assert.ok(!late.ok && late.error.details?.reason === 'card_read_unknown');
  });
});

describe('the profile decides', () => {
  it('an expired card accepted with the clerk\'s note: no note, no lookup; the note is recorded', async () => {
    await cardRules({ expiredPolicy: 'accept_with_note' });
    fake.place(CARDS.expired);
    const card = await core.ok('reader.read', {}, clerk);
    assert.equal(card.expired, true);
    const bare = await core.call('counter.lookup', lookupOf(card.number, card.name, { source: 'card', readId: card.readId }), clerk);
    assert.ok(!bare.ok && bare.error.details?.reason === 'expired_card_note');
    const r = await core.ok('counter.lookup', lookupOf(card.number, card.name, { source: 'card', readId: card.readId, note: '新证在办，持受理回执' }), clerk);
    assert.deepEqual(await visitRow(r.visitId), { identity_source: 'card', reader_sam_id: SAM, identity_reason: null, identity_note: '新证在办，持受理回执' });
  });

  it('typed entry needs a reason where the profile says so, and the reason is recorded', async () => {
    await cardRules({ typedReasonRequired: true });
    const bare = await core.call('counter.lookup', lookupOf(CARDS.residentDot.certNumber, CARDS.residentDot.partyName), clerk);
    assert.ok(!bare.ok && bare.error.details?.reason === 'typed_reason_required');
    const other = await core.call('counter.lookup', lookupOf(CARDS.residentDot.certNumber, CARDS.residentDot.partyName, { source: 'typed', reason: 'other' }), clerk);
    assert.ok(!other.ok && other.error.details?.reason === 'typed_note_required');
    const r = await core.ok('counter.lookup', lookupOf(CARDS.residentDot.certNumber, CARDS.residentDot.partyName, { source: 'typed', reason: 'card_unreadable' }), clerk);
    assert.deepEqual(await visitRow(r.visitId), { identity_source: 'typed', reader_sam_id: null, identity_reason: 'card_unreadable', identity_note: null });
  });
});

describe("the foreigner's permanent residence card at the counter", () => {
  it('a read foreigner card looks up like a citizen card, and the visit records the card', async () => {
    fake.place(CARDS.foreigner);
    const card = await core.ok('reader.read', {}, clerk);
    assert.equal(card.type, 'foreign_permanent');
    const r = await core.ok('counter.lookup', lookupOf(card.number, card.name, { source: 'card', readId: card.readId }), clerk);
    assert.equal((await visitRow(r.visitId))?.identity_source, 'card');
    assert.equal((await queryLogRow(r.visitId))?.identity_source, 'card');
  });

  it('a typed foreigner number (9…) is checked by its own rules: a wrong check character or province is refused with its reason', async () => {
    const ok = await core.ok('counter.lookup', lookupOf(CARDS.foreigner.certNumber, CARDS.foreigner.partyName), clerk);
    assert.ok(ok.visitId > 0);
    const n = CARDS.foreigner.certNumber;
    const wrongCheck = n.slice(0, 17) + (n[17] === '1' ? '2' : '1');
    const visits = await count('visit');
    const bad = await core.call('counter.lookup', lookupOf(wrongCheck, CARDS.foreigner.partyName), clerk);
    assert.ok(!bad.ok && bad.error.code === 'VALIDATION');
    assert.equal((bad.error.details?.issues as Array<{ reason: string }>)[0]?.reason, 'ID_CHECK_DIGIT');
    const province = await core.call('counter.lookup', lookupOf(`981${n.slice(3)}`, CARDS.foreigner.partyName), clerk);
    assert.ok(!province.ok);
    assert.equal((province.error.details?.issues as Array<{ reason: string }>)[0]?.reason, 'FOREIGN_ID_PROVINCE');
    assert.equal(await count('visit'), visits, 'a refused number opens no visit');
  });

  it("an office whose rules do not take the foreigner's card refuses the typed number by name", async () => {
    const p = shippedProfile('default')!;
    await setSetting(core.ctx.db, 'rule_profile_doc:default', JSON.stringify({ ...p, idCard: { ...p.idCard!, acceptedTypes: ['resident', 'hmt_permit'] } }));
    const r = await core.call('counter.lookup', lookupOf(CARDS.foreigner.certNumber, CARDS.foreigner.partyName), clerk);
    assert.ok(!r.ok);
    assert.equal((r.error.details?.issues as Array<{ reason: string }>)[0]?.reason, 'FOREIGN_ID_NOT_ACCEPTED');
  });
});

describe('what the counter is told before it reads or types', () => {
  it('reader.counter says whether a reader is set up and whether typing needs a reason, and nothing else', async () => {
    assert.deepEqual(await core.ok('reader.counter', {}, clerk), { configured: true, typedReasonRequired: false });
    await cardRules({ typedReasonRequired: true });
    assert.deepEqual(await core.ok('reader.counter', {}, clerk), { configured: true, typedReasonRequired: true });
    const auditor = (await core.loginAs('auditor')).token;
    const refused = await core.call('reader.counter', {}, auditor);
    assert.ok(!refused.ok && refused.error.code === 'FORBIDDEN');
  });
});

describe('the auditor filters the query log by how identity was taken', () => {
  it('lists and exports card and typed lookups apart, card rows with the reader\'s module', async () => {
    fake.place(CARDS.permit);
    const card = await core.ok('reader.read', {}, clerk);
    await core.ok('counter.lookup', lookupOf(card.number, card.name, { source: 'card', readId: card.readId }), clerk);
    await core.ok('counter.lookup', lookupOf(CARDS.residentRare.certNumber, CARDS.residentRare.partyName), otherClerk);
    const auditor = (await core.loginAs('auditor')).token;
    const all = await core.ok('querylog.list', { cursor: null, limit: 100 }, auditor);
    const cards = await core.ok('querylog.list', { identitySource: 'card', cursor: null, limit: 100 }, auditor);
    const typed = await core.ok('querylog.list', { identitySource: 'typed', cursor: null, limit: 100 }, auditor);
    assert.ok(cards.rows.length > 0 && typed.rows.length > 0);
    assert.equal(cards.rows.length + typed.rows.length, all.rows.length);
    assert.ok(cards.rows.every((r) => r.identitySource === 'card' && r.readerSamId === SAM));
    assert.ok(typed.rows.every((r) => r.identitySource === 'typed' && r.readerSamId === null));
    const file = await core.ok('querylog.export', { identitySource: 'card', format: 'csv', lang: 'zh' }, auditor);
    const text = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    assert.match(text.split('\n')[0]!, /身份核验/);
    assert.equal(text.trim().split('\n').length, cards.rows.length + 1);
    assert.ok(text.includes(`读卡（安全模块 ${SAM}）`));
  });
});
