import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { openCore } from '../../../electron/core';
import { createAccount, setDisabled } from '../../../electron/services/access/accountsService';
import { resolveSession } from '../../../electron/services/access/authService';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { openTestCore, TEST_ENV, TEST_PASSWORD, TEST_UNLOCK, type TestCore } from '../../support/core';
import { observedError } from '../../support/errorCoverage';
import { nodeScript } from '../../support/nodeScript';

// Account management as administrators meet it: names are unique, and the office is never left
// without an active administrator, whichever way an account is disabled or re-roled.
let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(() => core.dispose());

const count = async (sql: string, params: unknown[] = []) => (await core.ctx.db.get<{ n: number }>(sql, params))!.n;
const LAST_ADMIN_SENTENCE = 'This is the last active administrator; the office would have nobody to manage accounts.';

test('a user name already in use, in any letter case, is refused by name; no second account is made and nothing is audited', async () => {
  const { token } = await core.loginAs('admin', 'boss');
  await core.ok('accounts.create', { username: 'wang.li', displayName: '王丽', role: 'clerk', password: TEST_PASSWORD }, token);
  const accounts = await count('SELECT count(*) AS n FROM account');
  const created = await count("SELECT count(*) AS n FROM audit_event WHERE action = 'account.create'");
  for (const username of ['wang.li', 'Wang.Li', 'WANG.LI']) {
    const r = await core.call('accounts.create', { username, displayName: '王力', role: 'manager', password: 'Another-pass-58' }, token);
    assert.ok(!r.ok, username);
    assert.equal(r.error.code, 'USERNAME_TAKEN');
    assert.equal(r.error.message, `The user name "${username}" is already taken.`);
    assert.deepEqual(r.error.details, { username });
    assert.equal(errorMessage(r.error, 'zh'), '该用户名已被使用。');
  }
  assert.equal(await count('SELECT count(*) AS n FROM account'), accounts);
  assert.equal(await count("SELECT count(*) AS n FROM audit_event WHERE action = 'account.create'"), created);
  // The first owner of the name keeps their password and role.
  const s = await core.ok('auth.login', { username: 'wang.li', password: TEST_PASSWORD });
  assert.equal(s.account.role, 'clerk');
  assert.equal((await core.call('auth.login', { username: 'wang.li', password: 'Another-pass-58' })).ok, false);
});

test('race: two administrators disable each other at the same moment — the second is refused as the last admin and one administrator stays active', async () => {
  const a = await core.loginAs('admin', 'alpha');
  const b = await core.loginAs('admin', 'bravo');
  // Bravo's request has passed its session check (as the dispatcher does first) when alpha's lands.
  const bravoInFlight = await resolveSession(core.ctx, b.token);
  await core.ok('accounts.setDisabled', { id: b.account.id, disabled: true }, a.token);
  await assert.rejects(setDisabled(core.ctx, bravoInFlight, { id: a.account.id, disabled: true }), (e: Error & { code?: string }) => {
    observedError(e.code);
    assert.equal(e.code, 'LAST_ADMIN');
    assert.equal(e.message, LAST_ADMIN_SENTENCE);
    return true;
  });
  assert.equal(await count("SELECT count(*) AS n FROM account WHERE role = 'admin' AND disabled = 0"), 1);
  assert.equal((await core.ok('accounts.list', {}, a.token)).find((x) => x.id === a.account.id)?.disabled, false);
  assert.equal(await count("SELECT count(*) AS n FROM audit_event WHERE action = 'account.disable'"), 1);
  assert.equal((await core.call('auth.whoami', {}, a.token)).ok, true, "alpha's session was not ended");
  // Disabling bravo again takes nobody away: it is not refused as the last admin.
  assert.equal((await core.ok('accounts.setDisabled', { id: b.account.id, disabled: true }, a.token)).disabled, true);
});

test('the staff command line refuses to make the only administrator a clerk, and the role stays', async () => {
  await createAccount(core.ctx, null, { username: 'onlyadmin', displayName: 'a', role: 'admin', password: TEST_PASSWORD });
  await core.close();
  const root = join(import.meta.dirname, '..', '..', '..');
  const r = spawnSync(process.execPath, [...nodeScript(join(root, 'tools', 'creditdesk.ts')), 'accounts', 'set-role', '--user', 'onlyadmin', '--role', 'clerk', '--data-dir', core.dir], {
    encoding: 'utf8',
    env: { ...process.env, ...TEST_ENV },
  });
  const code = /^([A-Z_]+): /m.exec(r.stderr)?.[1];
  observedError(code);
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.equal(code, 'LAST_ADMIN');
  assert.ok(r.stderr.includes(`LAST_ADMIN: ${LAST_ADMIN_SENTENCE}`), r.stderr);
  assert.doesNotMatch(r.stdout, /is now/);
  const reopened = await openCore({ dataDir: core.dir, unlock: TEST_UNLOCK, now: () => core.clock.now });
  try {
    const login = await reopened.dispatch('auth.login', { username: 'onlyadmin', password: TEST_PASSWORD }, {});
    assert.ok(login.ok);
    assert.equal((login.value as { account: { role: string } }).account.role, 'admin');
    const roleChanges = await reopened.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE action = 'account.set_role'");
    assert.equal(roleChanges?.n, 0);
  } finally {
    await reopened.close();
  }
  // dispose() closes again; give it an open core of its own.
  rmSync(core.dir, { recursive: true, force: true });
  core = await openTestCore();
});
