import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { createAccount } from '../../../electron/services/access/accountsService';
import { contract, METHOD_NAMES } from '../../../shared/contract';
import { passwordProblem } from '../../../electron/services/access/passwords';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { openTestCore, TEST_PASSWORD, type TestCore } from '../../support/core';

let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(() => core.dispose());

const NEW = 'Lantern-river-73';
const auditCount = async (action: string) => (await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_event WHERE action = ?', [action]))!.n;

test('weak passwords are refused with the reason, in both languages', async () => {
  assert.equal(passwordProblem('short1', 'li'), 'too_short');
  assert.equal(passwordProblem('onlyletters', 'li'), 'needs_letters_and_digits');
  assert.equal(passwordProblem('wangwei2026x', 'wangwei'), 'contains_username');
  assert.equal(passwordProblem('WangWei2026', 'wangwei'), 'contains_username');
  assert.equal(passwordProblem('password123', 'li'), 'common');
  assert.equal(passwordProblem('Password2026!', 'li'), 'common');
  assert.equal(passwordProblem('woaini1314', 'li'), 'common');
  assert.equal(passwordProblem(NEW, 'li'), null);
  const { token } = await core.loginAs('admin', 'boss');
  const r = await core.call('accounts.create', { username: 'wangwei', displayName: '王伟', role: 'clerk', password: 'wangwei12345' }, token);
  assert.ok(!r.ok && r.error.code === 'WEAK_PASSWORD' && r.error.details?.reason === 'contains_username');
  assert.match(errorMessage(r.error, 'zh'), /用户名/);
  assert.match(errorMessage(r.error, 'en'), /user name/);
  const common = await core.call('accounts.create', { username: 'wangwei', displayName: '王伟', role: 'clerk', password: 'qwerty123456' }, token);
  assert.ok(!common.ok && common.error.details?.reason === 'common');
  assert.match(errorMessage(common.error, 'zh'), /常见/);
  assert.equal((await core.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM account WHERE username = 'wangwei'"))!.n, 0);
});

test('a staff member changes their own password: the current one is required and counted', async () => {
  const { token } = await core.loginAs('clerk', 'zhou');
  const wrong = await core.call('auth.changePassword', { currentPassword: 'not-mine-123', newPassword: NEW }, token);
  assert.ok(!wrong.ok && wrong.error.code === 'BAD_CREDENTIALS');
  const weak = await core.call('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: 'zhou-2026-pass' }, token);
  assert.ok(!weak.ok && weak.error.code === 'WEAK_PASSWORD' && weak.error.details?.reason === 'contains_username');
  await core.ok('auth.changePassword', { currentPassword: TEST_PASSWORD, newPassword: NEW }, token);
  assert.equal((await core.call('auth.login', { username: 'zhou', password: TEST_PASSWORD })).ok, false);
  assert.equal((await core.call('auth.login', { username: 'zhou', password: NEW })).ok, true);
  assert.equal(await auditCount('auth.change_password'), 1);
});

test("an admin's reset forces a new password before anything else, ends the sessions, and is shown to the auditor", async () => {
  const { token: admin } = await core.loginAs('admin', 'boss');
  const clerk = await core.loginAs('clerk', 'wu');
  const outcome = await core.ok('accounts.resetPassword', { id: clerk.account.id, password: 'Temporary-pass-58' }, admin);
  assert.equal(outcome.status, 'done');
  assert.equal(outcome.account.mustChangePassword, true);
  const old = await core.call('counter.purposes', {}, clerk.token);
  assert.ok(!old.ok && old.error.code === 'UNAUTHENTICATED', 'the old session ended');

  const s = await core.ok('auth.login', { username: 'wu', password: 'Temporary-pass-58' });
  assert.equal(s.account.mustChangePassword, true);
  const blocked = await core.call('counter.purposes', {}, s.token);
  assert.ok(!blocked.ok && blocked.error.code === 'PASSWORD_CHANGE_REQUIRED');
  const changed = await core.ok('auth.changePassword', { currentPassword: 'Temporary-pass-58', newPassword: NEW }, s.token);
  assert.equal(changed.account.mustChangePassword, false);
  assert.equal((await core.call('counter.purposes', {}, s.token)).ok, true);

  const { token: auditor } = await core.loginAs('auditor', 'eye');
  const events = await core.ok('audit.list', { action: 'account.reset_password', cursor: null, limit: 10 }, auditor);
  assert.ok(events.rows.some((e) => e.action === 'account.reset_password' && e.target === 'wu' && e.actor === 'boss'), JSON.stringify(events.rows));
});

test('attack: an account an administrator created logs in with the initial password and can call nothing but the password change until it changes it (issue 29)', async () => {
  const { token: admin } = await core.loginAs('admin', 'boss');
  const INITIAL = 'Initial-pass-2026';
  const made = await core.ok('accounts.create', { username: 'xin', displayName: '辛窗口', role: 'clerk', password: INITIAL }, admin);
  assert.equal(made.mustChangePassword, true);
  const ev = await core.ctx.db.get<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'account.create' AND target = 'xin'");
  assert.equal(JSON.parse(ev!.detail).mustChange, true);

  // The administrator knows the initial password: logging in with it works, and then every method
  // that needs a session (the clerk's own and everyone else's) is refused before it reads its input.
  const s = await core.ok('auth.login', { username: 'xin', password: INITIAL });
  assert.equal(s.account.mustChangePassword, true);
  const allowed = new Set(['auth.changePassword', 'auth.whoami', 'auth.logout', 'auth.lock']);
  const tried: string[] = [];
  for (const name of METHOD_NAMES) {
    if (contract[name].access === 'public' || allowed.has(name)) continue;
    const r = await core.dispatch(name, {}, { token: s.token });
    assert.ok(!r.ok && r.error.code === 'PASSWORD_CHANGE_REQUIRED', `${name}: ${JSON.stringify(r)}`);
    tried.push(name);
  }
  assert.ok(tried.includes('counter.lookup') && tried.includes('counter.purposes') && tried.length > 50, `${tried.length} methods tried`);
  assert.match(errorMessage({ code: 'PASSWORD_CHANGE_REQUIRED', message: '' }, 'zh'), /管理员设置或重置/);
  assert.equal((await core.ok('auth.whoami', {}, s.token)).account.mustChangePassword, true);

  // The initial password cannot be kept by "changing" it to itself.
  const same = await core.call('auth.changePassword', { currentPassword: INITIAL, newPassword: INITIAL }, s.token);
  assert.ok(!same.ok && same.error.code === 'WEAK_PASSWORD' && same.error.details?.reason === 'same_as_current');
  assert.ok(!(await core.call('counter.purposes', {}, s.token)).ok);
  const changed = await core.ok('auth.changePassword', { currentPassword: INITIAL, newPassword: NEW }, s.token);
  assert.equal(changed.account.mustChangePassword, false);
  assert.equal((await core.call('counter.purposes', {}, s.token)).ok, true);
  // Logging in again with the initial password no longer works; the own one does, unhindered.
  assert.equal((await core.call('auth.login', { username: 'xin', password: INITIAL })).ok, false);
  const again = await core.ok('auth.login', { username: 'xin', password: NEW });
  assert.equal(again.account.mustChangePassword, false);
});

test('attack: an admin resets another admin without approval — the password does not change until a second admin approves', async () => {
  const a = await core.loginAs('admin', 'alpha');
  const b = await core.loginAs('admin', 'bravo');
  const c = await core.loginAs('admin', 'charlie');
  const r = await core.ok('accounts.resetPassword', { id: b.account.id, password: 'Takeover-pass-91' }, a.token);
  assert.equal(r.status, 'pending');
  assert.equal((await core.call('auth.login', { username: 'bravo', password: 'Takeover-pass-91' })).ok, false, 'the new password does not work yet');
  assert.equal((await core.call('auth.login', { username: 'bravo', password: TEST_PASSWORD })).ok, true, 'the old one still does');

  // The requester cannot approve their own request, nor can the target.
  const own = await core.call('accounts.approveRequest', { id: r.requestId! }, a.token);
  assert.ok(!own.ok && own.error.code === 'SECOND_ADMIN_REQUIRED');
  const target = await core.call('accounts.approveRequest', { id: r.requestId! }, (await core.ok('auth.login', { username: 'bravo', password: TEST_PASSWORD })).token);
  assert.ok(!target.ok && target.error.code === 'SECOND_ADMIN_REQUIRED');
  assert.equal(await auditCount('account.approval_refused'), 2);

  // Nor can the first admin route around it: demote, reset, promote.
  const demote = await core.ok('accounts.setRole', { id: b.account.id, role: 'clerk' }, a.token);
  assert.equal(demote.status, 'pending');
  assert.equal((await core.ok('accounts.list', {}, a.token)).find((x) => x.id === b.account.id)?.role, 'admin');
  const mint = await core.call('accounts.create', { username: 'delta', displayName: 'd', role: 'admin', password: NEW }, a.token);
  assert.ok(!mint.ok && mint.error.code === 'SECOND_ADMIN_REQUIRED');

  // A second admin approves: now it applies, and bravo must change it at next login.
  const done = await core.ok('accounts.approveRequest', { id: r.requestId! }, c.token);
  assert.equal(done.status, 'done');
  assert.equal(done.account.mustChangePassword, true);
  const twice = await core.call('accounts.approveRequest', { id: r.requestId! }, c.token);
  assert.ok(!twice.ok && twice.error.code === 'NOT_FOUND');
  assert.equal((await core.call('auth.login', { username: 'bravo', password: 'Takeover-pass-91' })).ok, true);
  const ev = await core.ctx.db.get<{ detail: string; actor: string }>("SELECT detail, actor FROM audit_event WHERE action = 'account.reset_password' AND target = 'bravo'");
  assert.equal(ev!.actor, 'charlie');
  assert.equal(JSON.parse(ev!.detail).requestedBy, a.account.id);
});

test('an admin cannot reset, re-role or disable their own account here; the last admin stays', async () => {
  const a = await core.loginAs('admin', 'solo');
  const self = await core.call('accounts.setDisabled', { id: a.account.id, disabled: true }, a.token);
  assert.ok(!self.ok && self.error.code === 'CANNOT_CHANGE_OWN_ACCOUNT');
  assert.match(errorMessage(self.error, 'zh'), /不能停用自己的账户/);
  const reset = await core.call('accounts.resetPassword', { id: a.account.id, password: NEW }, a.token);
  assert.ok(!reset.ok && reset.error.code === 'CANNOT_CHANGE_OWN_ACCOUNT');
  const role = await core.call('accounts.setRole', { id: a.account.id, role: 'clerk' }, a.token);
  assert.ok(!role.ok && role.error.code === 'CANNOT_CHANGE_OWN_ACCOUNT');
});

test('role changes between non-admin roles apply at once and end the sessions; the idle-lock minutes are a setting', async () => {
  const a = await core.loginAs('admin', 'boss');
  const clerk = await createAccount(core.ctx, null, { username: 'he', displayName: 'he', role: 'clerk', password: TEST_PASSWORD });
  const r = await core.ok('accounts.setRole', { id: clerk.id, role: 'manager' }, a.token);
  assert.equal(r.status, 'done');
  assert.equal(r.account.role, 'manager');
  const s = await core.ok('auth.login', { username: 'he', password: TEST_PASSWORD });
  assert.ok(s.permissions.includes('case.manage'));
  await core.ok('accounts.setIdleLock', { minutes: 3 }, a.token);
  assert.equal((await core.ok('auth.status', {})).idleLockMinutes, 3);
  const bad = await core.call('accounts.setIdleLock', { minutes: 0 }, a.token);
  assert.ok(!bad.ok && bad.error.code === 'VALIDATION');
  const asClerk = await core.call('accounts.setIdleLock', { minutes: 5 }, s.token);
  assert.ok(!asClerk.ok && asClerk.error.code === 'FORBIDDEN');
});
