import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { openTestCore, TEST_PASSWORD, type TestCore } from '../../support/core';
import { databaseContentHash } from '../../support/dbHash';
import { observedError } from '../../support/errorCoverage';
import { person, seed } from '../../support/seedSubjects';

let core: TestCore;
beforeEach(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  await seed(core, [person('P1', '11010519491231002X', '张三', [{}, { publicityEnd: '2026-11-19' }])]);
});
afterEach(() => core.dispose());

const lookupInput = { idNumber: '11010519491231002X', name: '张三', applicant: { kind: 'self' as const }, purposeCode: 'loan_application' };

test('a clerk looks a subject up: the view is masked and the query log gets one row', async () => {
  const { token } = await core.loginAs('clerk', 'wang');
  const r = await core.ok('counter.lookup', lookupInput, token);
  assert.equal(r.found, true);
  assert.equal(r.view?.identity.idNumberMasked, '110105********002X');
  assert.equal(r.view?.identity.nameMasked, '张*');
  assert.equal(r.view?.records.length, 2);
  assert.deepEqual(r.view?.records.map((x) => x.hiddenReason).sort(), [null, 'publicity_ended'].sort());
  const { token: auditor } = await core.loginAs('auditor');
  const log = await core.ok('querylog.list', { cursor: null, limit: 10 }, auditor);
  assert.equal(log.rows.length, 1);
  assert.equal(log.rows[0]?.clerkUsername, 'wang');
  assert.equal(log.rows[0]?.outcome, 'found');
  assert.equal(log.rows[0]?.purposeCode, 'loan_application');
});

test('a lowercase x is accepted and normalised; an unknown ID is a logged "no record"', async () => {
  const { token } = await core.loginAs('clerk');
  assert.equal((await core.ok('counter.lookup', { ...lookupInput, idNumber: '11010519491231002x' }, token)).found, true);
  const none = await core.ok('counter.lookup', { ...lookupInput, idNumber: '440524188001010014', name: '李四' }, token);
  assert.equal(none.found, false);
  assert.equal(none.view, null);
  const rows = await core.ctx.db.all<{ outcome: string }>('SELECT outcome FROM query_log ORDER BY id');
  assert.deepEqual(rows.map((r) => r.outcome), ['found', 'no_record']);
});

test('bad input gets a typed error and changes nothing', async () => {
  const { token } = await core.loginAs('clerk');
  const before = await databaseContentHash(core.ctx.db);
  // [input, code, validator reason or the sentence the clerk reads]
  const cases: [unknown, string, (string | RegExp)?][] = [
    [{ ...lookupInput, idNumber: '110105194912310021' }, 'VALIDATION', 'ID_CHECK_DIGIT'],
    [{ ...lookupInput, idNumber: '110105491231002' }, 'VALIDATION', 'ID_LEGACY_15'],
    [{ ...lookupInput, idNumber: '110105194902300023' }, 'VALIDATION', 'ID_BIRTH_DATE'],
    [{ ...lookupInput, idNumber: 12345 }, 'VALIDATION'],
    [{ ...lookupInput, name: '张'.repeat(5000) }, 'VALIDATION'],
    [{ ...lookupInput, purposeCode: '' }, 'VALIDATION'],
    [{ ...lookupInput, purposeCode: 'gossip' }, 'PURPOSE_REQUIRED', /^Choose a purpose from the catalogue: no purpose, no query\.$/],
    [{ ...lookupInput, purposeCode: 'other' }, 'PURPOSE_REQUIRED', /^Describe the purpose in a few words\.$/],
    [{ ...lookupInput, extra: 1 }, 'VALIDATION'],
    [{ ...lookupInput, name: '李四' }, 'NAME_MISMATCH', /does not match the name on record for this ID number/],
  ];
  for (const [input, code, expected] of cases) {
    const r = await core.dispatch('counter.lookup', input, { token });
    assert.equal(r.ok, false);
    if (r.ok) continue;
    observedError(r.error.code);
    assert.equal(r.error.code, code, JSON.stringify(input).slice(0, 80));
    if (typeof expected === 'string') assert.equal((r.error.details?.issues as { reason: string }[])[0]?.reason, expected);
    if (expected instanceof RegExp) assert.match(r.error.message, expected);
  }
  // A purpose outside the catalogue names the code it was given; the name mismatch tells nothing of the name on record.
  const gossip = await core.call('counter.lookup', { ...lookupInput, purposeCode: 'gossip' }, token);
  assert.ok(!gossip.ok && gossip.error.details?.purposeCode === 'gossip');
  const mismatch = await core.call('counter.lookup', { ...lookupInput, name: '李四' }, token);
  assert.ok(!mismatch.ok && !JSON.stringify(mismatch.error).includes('张'));
  // The name mismatch is audited (an attempt on someone's record) but writes no visit or query row.
  const after = await core.ctx.db.all<{ n: number }>('SELECT (SELECT count(*) FROM visit) + (SELECT count(*) FROM query_log) AS n');
  assert.equal(after[0]?.n, 0);
  assert.notEqual(before, await databaseContentHash(core.ctx.db)); // only the audit event
  const audit = await core.ctx.db.all<{ action: string }>("SELECT action FROM audit_event WHERE action = 'counter.name_mismatch'");
  assert.equal(audit.length, 2);
});

test('an unknown method and a malformed request are typed errors', async () => {
  const { token } = await core.loginAs('admin');
  const afterLogin = await databaseContentHash(core.ctx.db);
  // Unknown even to a logged-in administrator: named in the answer (cut short), and nothing runs.
  for (const [method, named] of [['counter.dropTables', 'counter.dropTables'], ['x'.repeat(500), 'x'.repeat(60)]] as const) {
    const r = await core.dispatch(method, {}, { token });
    assert.ok(!r.ok);
    observedError(r.error.code);
    assert.equal(r.error.code, 'METHOD_UNKNOWN');
    assert.equal(r.error.message, `There is no API method "${named}".`);
  }
  assert.equal(await databaseContentHash(core.ctx.db), afterLogin, 'an unknown method writes nothing, not even an audit row');
  const s = await core.dispatch('auth.login', { username: 'x', password: 5 }, {});
  assert.ok(!s.ok && s.error.code === 'VALIDATION');
});

test('a session in use all day expires after 12 hours: the clerk must log in again, and the expired token stays dead', async () => {
  const { token } = await core.loginAs('clerk', 'qian');
  // Busy all shift: a call every 5 minutes, so the idle lock never engages.
  for (let minutes = 5; minutes <= 12 * 60; minutes += 5) {
    core.clock.now = new Date(core.clock.now.getTime() + 5 * 60_000);
    assert.equal((await core.call('counter.purposes', {}, token)).ok, true, `at ${minutes} minutes`);
  }
  core.clock.now = new Date(core.clock.now.getTime() + 60_000);
  const expired = await core.call('counter.purposes', {}, token);
  assert.ok(!expired.ok);
  assert.equal(expired.error.code, 'SESSION_EXPIRED');
  assert.equal(expired.error.message, 'The session has expired. Please log in again.');
  // Not a lock screen: the password does not revive it, and the session row is ended.
  const unlock = await core.call('auth.unlock', { password: TEST_PASSWORD }, token);
  assert.ok(!unlock.ok && unlock.error.code === 'UNAUTHENTICATED');
  const open = await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM session WHERE ended_at IS NULL');
  assert.equal(open?.n, 0);
  const fresh = await core.ok('auth.login', { username: 'qian', password: TEST_PASSWORD });
  assert.equal((await core.call('counter.purposes', {}, fresh.token)).ok, true);
});

test('five wrong passwords lock the account, even the right password is then refused, and the lock expires', async () => {
  await core.loginAs('clerk', 'li');
  for (let i = 0; i < 4; i++) {
    const r = await core.call('auth.login', { username: 'li', password: 'wrong-password-9' });
    assert.ok(!r.ok && r.error.code === 'BAD_CREDENTIALS');
  }
  const fifth = await core.call('auth.login', { username: 'li', password: 'wrong-password-9' });
  assert.ok(!fifth.ok && fifth.error.code === 'ACCOUNT_LOCKED');
  const right = await core.call('auth.login', { username: 'li', password: TEST_PASSWORD });
  assert.ok(!right.ok && right.error.code === 'ACCOUNT_LOCKED');
  core.clock.now = new Date(core.clock.now.getTime() + 16 * 60_000);
  assert.equal((await core.call('auth.login', { username: 'li', password: TEST_PASSWORD })).ok, true);
  const actions = await core.ctx.db.all<{ action: string }>("SELECT action FROM audit_event WHERE target = 'li' ORDER BY seq");
  assert.ok(actions.some((a) => a.action === 'auth.lockout'));
});

test('an idle session locks; only the password unlocks it; logout ends it', async () => {
  const { token } = await core.loginAs('clerk', 'zhao');
  core.clock.now = new Date(core.clock.now.getTime() + 11 * 60_000);
  const locked = await core.call('counter.purposes', {}, token);
  assert.ok(!locked.ok && locked.error.code === 'SESSION_LOCKED');
  const wrong = await core.call('auth.unlock', { password: 'nope-nope-123' }, token);
  assert.ok(!wrong.ok && wrong.error.code === 'BAD_CREDENTIALS');
  await core.ok('auth.unlock', { password: TEST_PASSWORD }, token);
  assert.equal((await core.call('counter.purposes', {}, token)).ok, true);
  await core.ok('auth.logout', {}, token);
  const after = await core.call('counter.purposes', {}, token);
  assert.ok(!after.ok && after.error.code === 'UNAUTHENTICATED');
});

test('first run creates the administrator once; a weak password is refused', async () => {
  const weak = await core.call('auth.setupAdmin', { username: 'admin', displayName: '管理员', password: 'short' });
  assert.ok(!weak.ok && weak.error.code === 'WEAK_PASSWORD');
  assert.equal((await core.ok('auth.status', {})).initialised, false);
  await core.ok('auth.setupAdmin', { username: 'admin', displayName: '管理员', password: 'a-strong-pass-1' });
  const again = await core.call('auth.setupAdmin', { username: 'admin2', displayName: '管理员', password: 'a-strong-pass-1' });
  assert.ok(!again.ok && again.error.code === 'ALREADY_INITIALISED');
});

test('reveal is allowed for the visit clerk only and is audited', async () => {
  const { token } = await core.loginAs('clerk', 'clerka');
  const { visitId } = await core.ok('counter.lookup', lookupInput, token);
  assert.equal((await core.ok('counter.reveal', { visitId, field: 'idNumber' }, token)).value, '11010519491231002X');
  const other = (await core.loginAs('clerk', 'clerkb')).token;
  const r = await core.call('counter.reveal', { visitId, field: 'name' }, other);
  assert.ok(!r.ok && r.error.code === 'FORBIDDEN');
  const reveals = await core.ctx.db.all("SELECT * FROM audit_event WHERE action = 'subject.reveal'");
  assert.equal(reveals.length, 1);
});
