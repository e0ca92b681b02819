import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { createAccount } from '../../../electron/services/access/accountsService';
import { openTestCore, TEST_ENV, TEST_PASSWORD, TEST_UNLOCK, type TestCore } from '../../support/core';
import { nodeScript } from '../../support/nodeScript';

// Each test is an attack on the login as someone at another counter (or a script on the machine)
// would run it.
let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(() => core.dispose());

const actions = async (action: string) => (await core.ctx.db.all<{ n: number }>('SELECT count(*) AS n FROM audit_event WHERE action = ?', [action]))[0]!.n;

test('attack: 100 wrong passwords sent in parallel — at most 5 are checked and the account locks', async () => {
  await createAccount(core.ctx, null, { username: 'li', displayName: 'li', role: 'clerk', password: TEST_PASSWORD });
  const results = await Promise.all(Array.from({ length: 100 }, () => core.call('auth.login', { username: 'li', password: 'wrong-password-9' })));
  const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
  assert.equal(codes.filter((c) => c === 'OK').length, 0);
  assert.equal(codes.filter((c) => c === 'BAD_CREDENTIALS').length, 4, 'four wrong answers, then the lock');
  assert.equal(codes.filter((c) => c === 'ACCOUNT_LOCKED').length, 96);
  // Checked = counted failures (login_failed with a count) plus the one that locked.
  const checked = await core.ctx.db.get<{ n: number }>(
    "SELECT count(*) AS n FROM audit_event WHERE (action = 'auth.login_failed' AND json_extract(detail, '$.failures') IS NOT NULL) OR action = 'auth.lockout'",
  );
  assert.equal(checked!.n, 5);
  const row = await core.ctx.db.get<{ locked_until: string | null }>("SELECT locked_until FROM account WHERE username = 'li'");
  assert.ok(row!.locked_until && row!.locked_until > core.clock.now.toISOString());
});

test('attack: the right password inside a burst of wrong ones does not log in nor lift the lock', async () => {
  await createAccount(core.ctx, null, { username: 'li', displayName: 'li', role: 'clerk', password: TEST_PASSWORD });
  const burst = Array.from({ length: 20 }, (_, i) => core.call('auth.login', { username: 'li', password: i === 10 ? TEST_PASSWORD : 'wrong-password-9' }));
  const results = await Promise.all(burst);
  assert.equal(results.filter((r) => r.ok).length, 0, 'no session came out of the burst');
  const correct = results[10]!;
  assert.ok(!correct.ok && correct.error.code === 'ACCOUNT_LOCKED');
  // And afterwards, still locked for the right password until the lock expires.
  const after = await core.call('auth.login', { username: 'li', password: TEST_PASSWORD });
  assert.ok(!after.ok && after.error.code === 'ACCOUNT_LOCKED');
  core.clock.now = new Date(core.clock.now.getTime() + 16 * 60_000);
  assert.equal((await core.call('auth.login', { username: 'li', password: TEST_PASSWORD })).ok, true);
});

test('a lock engaged while a correct check is in flight survives it (the correct attempt came before 5 wrong ones)', async () => {
  await createAccount(core.ctx, null, { username: 'li', displayName: 'li', role: 'clerk', password: TEST_PASSWORD });
  const burst = [TEST_PASSWORD, ...Array(5).fill('wrong-password-9')].map((password) => core.call('auth.login', { username: 'li', password }));
  const [first, ...rest] = await Promise.all(burst);
  // The first attempt was counted before the others, so it is judged on its own count (1) —
  // but the five wrong ones that followed engaged the lock before it finished.
  assert.ok(rest.some((r) => !r.ok && r.error.code === 'ACCOUNT_LOCKED'));
  assert.ok(!first!.ok && first!.error.code === 'ACCOUNT_LOCKED', JSON.stringify(first));
});

test('attack: guessing the password on the lock screen counts failures and locks that console', async () => {
  const { token, device } = await core.loginAs('clerk', 'zhao');
  await core.ok('auth.lock', {}, token);
  const tries = await Promise.all(Array.from({ length: 12 }, () => core.call('auth.unlock', { password: 'nope-nope-123' }, token)));
  assert.equal(tries.filter((r) => !r.ok && r.error.code === 'BAD_CREDENTIALS').length, 4);
  assert.ok(tries.every((r) => !r.ok));
  // Locked now: the right password neither unlocks the screen nor logs in from this console (its
  // device token is the source the guesses came from).
  const right = await core.call('auth.unlock', { password: TEST_PASSWORD }, token);
  assert.ok(!right.ok && ['ACCOUNT_LOCKED', 'UNAUTHENTICATED'].includes(right.error.code), JSON.stringify(right));
  const login = await core.call('auth.login', { username: 'zhao', password: TEST_PASSWORD, device });
  assert.ok(!login.ok && login.error.code === 'ACCOUNT_LOCKED');
  assert.ok((await actions('auth.unlock_failed')) >= 4);
});

test('attack: a console locked out at its login refuses screen unlock with the right password (the lock is honoured)', async () => {
  const { token, device } = await core.loginAs('clerk', 'qian');
  await core.ok('auth.lock', {}, token);
  for (let i = 0; i < 5; i++) await core.call('auth.login', { username: 'qian', password: 'wrong-password-9', device });
  const r = await core.call('auth.unlock', { password: TEST_PASSWORD }, token);
  assert.ok(!r.ok && r.error.code === 'ACCOUNT_LOCKED', JSON.stringify(r));
});

test('attack: an account locked from unknown sources refuses screen unlock where the session has no known source (after a restart)', async () => {
  const { token } = await core.loginAs('clerk', 'sun2');
  await core.ok('auth.lock', {}, token);
  await core.close();
  const reopened = await openTestCoreAt(core.dir);
  try {
    for (let i = 0; i < 5; i++) await reopened.dispatch('auth.login', { username: 'sun2', password: 'wrong-password-9' }, {});
    const r = await reopened.dispatch('auth.unlock', { password: TEST_PASSWORD }, { token });
    assert.ok(!r.ok && r.error.code === 'ACCOUNT_LOCKED', JSON.stringify(r));
  } finally {
    await reopened.close();
  }
  core = await openTestCore();
});

test('attack (issue 29): five wrong passwords every 15 minutes from elsewhere no longer keep the administrator out — wrong passwords from one source do not lock out another', async () => {
  await createAccount(core.ctx, null, { username: 'chief', displayName: 'chief', role: 'admin', password: TEST_PASSWORD });
  // The administrator's console has logged in before: it holds a device token for this account.
  const first = await core.ok('auth.login', { username: 'chief', password: TEST_PASSWORD });
  assert.match(first.device ?? '', /^cd1\.\d+\./);
  await core.ok('auth.logout', {}, first.token);

  // The attacker, from anywhere else (no token, a made-up one, a token of another account), sends
  // 100 wrong passwords at once: at most five are checked and "elsewhere" is locked …
  const { device: otherAccounts } = await core.loginAs('clerk', 'other');
  const forged = first.device!.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
  const results = await Promise.all(Array.from({ length: 100 }, (_, i) => core.call('auth.login', { username: 'chief', password: 'wrong-password-9', ...(i % 3 === 1 ? { device: forged } : i % 3 === 2 ? { device: otherAccounts } : {}) })));
  assert.equal(results.filter((r) => !r.ok && r.error.code === 'BAD_CREDENTIALS').length, 4);
  assert.equal(results.filter((r) => !r.ok && r.error.code === 'ACCOUNT_LOCKED').length, 96);
  const elsewhere = await core.call('auth.login', { username: 'chief', password: TEST_PASSWORD });
  assert.ok(!elsewhere.ok && elsewhere.error.code === 'ACCOUNT_LOCKED', 'a new browser stays locked out for the 15 minutes');

  // … but the administrator's own console logs in with the right password, and again 14 minutes
  // later while the attacker keeps sending five every few minutes.
  const mine = await core.ok('auth.login', { username: 'chief', password: TEST_PASSWORD, device: first.device });
  assert.equal(mine.device, first.device, 'the console keeps its token');
  core.clock.now = new Date(core.clock.now.getTime() + 14 * 60_000);
  for (let i = 0; i < 5; i++) await core.call('auth.login', { username: 'chief', password: 'wrong-password-9' });
  const later = await core.ok('auth.login', { username: 'chief', password: TEST_PASSWORD, device: first.device });
  // Its screen lock is a check from the same source, not from "elsewhere".
  await core.ok('auth.lock', {}, later.token);
  assert.equal((await core.call('auth.unlock', { password: TEST_PASSWORD }, later.token)).ok, true);

  // A stolen copy of that token gains a guesser five tries, then locks only that token.
  const copied = await Promise.all(Array.from({ length: 50 }, () => core.call('auth.login', { username: 'chief', password: 'wrong-password-9', device: first.device })));
  assert.equal(copied.filter((r) => !r.ok && r.error.code === 'BAD_CREDENTIALS').length, 4);
  assert.equal(copied.filter((r) => !r.ok && r.error.code === 'ACCOUNT_LOCKED').length, 46);
  const checked = await core.ctx.db.get<{ n: number }>(
    "SELECT count(*) AS n FROM audit_event WHERE json_extract(detail, '$.knownDevice') = 1 AND ((action = 'auth.login_failed' AND json_extract(detail, '$.failures') IS NOT NULL) OR action = 'auth.lockout')",
  );
  assert.equal(checked!.n, 5, 'five checks from the known source, each audited as such');
  assert.equal((await core.call('auth.login', { username: 'chief', password: TEST_PASSWORD, device: first.device })).ok, false);
  // An administrator's unlock lifts the account's and the devices' locks.
  const { token: second } = await core.loginAs('admin', 'deputy');
  await core.ok('accounts.unlock', { id: first.account.id }, second);
  assert.equal((await core.call('auth.login', { username: 'chief', password: TEST_PASSWORD, device: first.device })).ok, true);
  assert.equal((await core.call('auth.login', { username: 'chief', password: TEST_PASSWORD })).ok, true);
});

test('attack: the device token respelled (its last base64 character carries unused bits) is not the device, so it cannot spend the device\'s own tries', async () => {
  await createAccount(core.ctx, null, { username: 'chief2', displayName: 'chief2', role: 'admin', password: TEST_PASSWORD });
  const first = await core.ok('auth.login', { username: 'chief2', password: TEST_PASSWORD });
  const device = first.device!;
  const last = device.at(-1)!;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  // The three other characters whose top four bits match the last one's decode to the same MAC.
  const base = alphabet.indexOf(last) & ~3;
  const respelled = [0, 1, 2, 3].map((i) => alphabet[base + i]!).filter((c) => c !== last).map((c) => device.slice(0, -1) + c);
  assert.equal(respelled.length, 3);
  for (const token of respelled) for (let i = 0; i < 5; i++) await core.call('auth.login', { username: 'chief2', password: 'wrong-password-9', device: token });
  // Fifteen wrong passwords under respelled tokens counted against the account, not the device:
  // the device's own console still logs in.
  const own = await core.call('auth.login', { username: 'chief2', password: TEST_PASSWORD, device });
  assert.ok(own.ok, JSON.stringify(own));
});

test('attack: user-name enumeration — unknown names get the same codes, counts and lockout, and scrypt runs for them', async () => {
  await createAccount(core.ctx, null, { username: 'real', displayName: 'real', role: 'clerk', password: TEST_PASSWORD });
  const answers = async (username: string) => {
    const out: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await core.call('auth.login', { username, password: 'wrong-password-9' });
      out.push(r.ok ? 'OK' : `${r.error.code}:${JSON.stringify(r.error.details ?? {}).replace(/"until":"[^"]+"/, '')}`);
    }
    return out;
  };
  assert.deepEqual(await answers('ghost'), await answers('real'));

  // Timing: an unknown name costs a real scrypt run. Generous margin — before the fix the unknown
  // name answered ~60x faster; equal work gives a ratio near 1.
  await createAccount(core.ctx, null, { username: 'real2', displayName: 'real2', role: 'clerk', password: TEST_PASSWORD });
  const time = async (username: string) => {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < 4; i++) await core.call('auth.login', { username, password: 'wrong-password-9' });
    return Number(process.hrtime.bigint() - t0);
  };
  const known = await time('real2');
  const unknown = await time('nobody-here');
  assert.ok(unknown > known * 0.25, `unknown ${unknown / 1e6} ms vs known ${known / 1e6} ms`);
});

test('a disabled account answers like a wrong password unless the password is right', async () => {
  const { token: admin } = await core.loginAs('admin', 'boss');
  const clerk = await createAccount(core.ctx, null, { username: 'gone', displayName: 'gone', role: 'clerk', password: TEST_PASSWORD });
  await core.ok('accounts.setDisabled', { id: clerk.id, disabled: true }, admin);
  const wrong = await core.call('auth.login', { username: 'gone', password: 'wrong-password-9' });
  assert.ok(!wrong.ok && wrong.error.code === 'BAD_CREDENTIALS');
  const right = await core.call('auth.login', { username: 'gone', password: TEST_PASSWORD });
  assert.ok(!right.ok && right.error.code === 'ACCOUNT_DISABLED');
});

test('an administrator unlocks a locked account; the unlock is audited', async () => {
  const { token: admin } = await core.loginAs('admin', 'boss');
  const clerk = await createAccount(core.ctx, null, { username: 'sun', displayName: 'sun', role: 'clerk', password: TEST_PASSWORD });
  for (let i = 0; i < 5; i++) await core.call('auth.login', { username: 'sun', password: 'wrong-password-9' });
  assert.equal((await core.ok('accounts.list', {}, admin)).find((a) => a.id === clerk.id)?.locked, true);
  const info = await core.ok('accounts.unlock', { id: clerk.id }, admin);
  assert.equal(info.locked, false);
  assert.equal((await core.call('auth.login', { username: 'sun', password: TEST_PASSWORD })).ok, true);
  assert.equal(await actions('account.unlock'), 1);
});

test('the staff command line unlocks the last administrator', async () => {
  await createAccount(core.ctx, null, { username: 'onlyadmin', displayName: 'a', role: 'admin', password: TEST_PASSWORD });
  for (let i = 0; i < 5; i++) await core.call('auth.login', { username: 'onlyadmin', password: 'wrong-password-9' });
  assert.equal((await core.call('auth.login', { username: 'onlyadmin', password: TEST_PASSWORD })).ok, false);
  await core.close();
  const root = join(import.meta.dirname, '..', '..', '..');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [...nodeScript(join(root, 'tools', 'creditdesk.ts')), ...args], { encoding: 'utf8', env: { ...process.env, ...TEST_ENV } });
  const r = run('accounts', 'unlock', '--user', 'onlyadmin', '--data-dir', core.dir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /account onlyadmin unlocked/);
  assert.equal(run('accounts', 'unlock', '--user', 'nobody', '--data-dir', core.dir).status, 1);
  const reopened = await openTestCoreAt(core.dir);
  try {
    assert.equal((await reopened.dispatch('auth.login', { username: 'onlyadmin', password: TEST_PASSWORD }, {})).ok, true);
  } finally {
    await reopened.close();
  }
  // dispose() closes again; give it an open core.
  core = await openTestCore();
});

async function openTestCoreAt(dir: string) {
  const { openCore } = await import('../../../electron/core');
  return openCore({ dataDir: dir, unlock: TEST_UNLOCK, now: () => new Date('2026-11-20T02:00:00Z') });
}
