import assert from 'node:assert/strict';
import { pngScan } from '../../support/images';
import { after, before, test } from 'node:test';
import { errorMessage, fieldIssues } from '../../../shared/i18n/errorMessages';
import { idCheckChar } from '../../../shared/validators/idNumber';
import { openTestCore, type TestCore } from '../../support/core';

// A person reads every refusal as one specific sentence in the console's language that names the
// field at fault — never a code, a path or an English fragment inside Chinese.
let core: TestCore;
let clerk: string;
let admin: string;
before(async () => {
  core = await openTestCore();
  clerk = (await core.loginAs('clerk')).token;
  admin = (await core.loginAs('admin', 'chief')).token;
});
after(() => core.dispose());

const ID = `11010519850312001${idCheckChar('11010519850312001')}`;
const WRONG_ID = ID.slice(0, 17) + (ID.endsWith('0') ? '1' : '0');
// No Latin letters except format names people see on files (JSON, PDF…).
const CJK_ONLY = /^(?:[^A-Za-z]|\b(?:JSON|PDF|PNG|JPEG)\b)*$/;
const agent = { kind: 'agent' as const, agentIdNumber: '11010519491231002X', agentName: '周代理', documentNo: 'SQ-1', scope: ['licences' as const], notarised: false, attachmentSha256: null };

const PNG = pngScan(16, 16);

test('an authorization ending before it starts is refused on that field, in Chinese and in English', async () => {
  const { sha256 } = await core.ok('attachment.upload', { fileName: 'letter.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }, clerk);
  const applicant = { ...agent, attachmentSha256: sha256, validFrom: '2026-03-10', validTo: '2026-03-01' };
  const r = await core.call('counter.lookup', { idNumber: ID, name: '张三', purposeCode: 'self_check', applicant }, clerk);
  assert.ok(!r.ok);
  assert.deepEqual(fieldIssues(r.error, 'zh').map((i) => i.path), ['applicant.validTo']);
  assert.equal(errorMessage(r.error, 'zh'), '“授权截止日期”：截止日期不能早于起始日期。');
  assert.equal(errorMessage(r.error, 'en'), 'Valid until: The end date cannot be before the start date.');
});

test('a missing or too long field is named, with the rule in words', async () => {
  const empty = await core.call('auth.login', { username: '', password: 'x' });
  assert.ok(!empty.ok);
  assert.match(errorMessage(empty.error, 'zh'), /^“用户名”：/);
  assert.match(errorMessage(empty.error, 'zh'), CJK_ONLY);
  const long = await core.call('counter.lookup', { idNumber: ID, name: '张'.repeat(41), purposeCode: 'self_check', applicant: { kind: 'self' } }, clerk);
  assert.ok(!long.ok);
  assert.equal(errorMessage(long.error, 'zh'), '“姓名”：不能超过 40 个字符。');
  const badId = await core.call('counter.lookup', { idNumber: WRONG_ID, name: '张三', purposeCode: 'self_check', applicant: { kind: 'self' } }, clerk);
  assert.ok(!badId.ok);
  assert.equal(errorMessage(badId.error, 'zh'), '“身份证号码”：校验位不正确，请核对号码。');
});

test('disabling one\'s own account says exactly that, not "conflicts with the current state"', async () => {
  const me = (await core.ok('accounts.list', {}, admin)).find((a) => a.username === 'chief')!;
  const r = await core.call('accounts.setDisabled', { id: me.id, disabled: true }, admin);
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'CANNOT_CHANGE_OWN_ACCOUNT');
  assert.equal(errorMessage(r.error, 'zh'), '不能停用自己的账户，请由另一名管理员办理。');
});

test('a bad trust file is described in Chinese without an English fragment', async () => {
  const operator = (await core.loginAs('operator')).token;
  const r = await core.call('sync.trustPreview', { trust: { kind: 'upload', fileName: 'trust.json', base64: Buffer.from('{not json').toString('base64') } }, operator);
  assert.ok(!r.ok);
  const zh = errorMessage(r.error, 'zh');
  assert.match(zh, /^平台信任文件无效：/);
  assert.match(zh, CJK_ONLY);
});

test('codes without a sentence, an oversized request and a closed visit read as sentences in Chinese', () => {
  assert.equal(errorMessage({ code: 'REQUEST_TOO_LARGE', message: 'too large' }, 'zh'), '文件或内容过大，超过了本操作允许的大小。请缩小文件（如降低扫描分辨率）后重试。');
  assert.match(errorMessage({ code: 'VISIT_CLOSED', message: 'This visit was opened on an earlier day' }, 'zh'), CJK_ONLY);
  // A code the catalogue does not know yet: English readers get the core's sentence, Chinese readers no English.
  const unknown = { code: 'NOT_A_CODE' as 'INTERNAL', message: 'Something specific happened.' };
  assert.equal(errorMessage(unknown, 'en'), 'Something specific happened.');
  assert.match(errorMessage(unknown, 'zh'), CJK_ONLY);
});
