import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { afterEach, beforeEach, test } from 'node:test';
import { openTestCore, type TestCore } from '../../support/core';
import { person, seed } from '../../support/seedSubjects';

// Corruption met mid-session (issue 26): a page that is not what SQLite wrote was a generic
// INTERNAL, and only the start-up check set the restore banner. Now any statement that meets it
// sets the banner at once and the database refuses every write from then on.

let core: TestCore;
beforeEach(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  await seed(core, [person('P1', '11010519491231002X', '张三', [{}, {}])]);
});
afterEach(() => core.dispose());

const lookup = { idNumber: '11010519491231002X', name: '张三', applicant: { kind: 'self' as const }, purposeCode: 'loan_application' };

/** Overwrites every page of the platform file but the first (the file's salt) while the core runs. */
function damagePlatformFile(): void {
  const file = core.ctx.db.platformFile!;
  const fd = openSync(file, 'r+');
  try {
    const size = statSync(file).size;
    assert.ok(size > 4096, 'the platform file holds more than its first page');
    writeSync(fd, randomBytes(size - 4096), 0, size - 4096, 4096);
  } finally {
    closeSync(fd);
  }
}

const officeBytes = () => createHash('sha256').update(readFileSync(core.ctx.db.file)).update(String(statSync(`${core.ctx.db.file}-wal`, { throwIfNoEntry: false })?.size ?? 0)).digest('hex');

test('attack: a page damaged under a running core shows the restore banner at the first read that meets it, and every write is refused', async () => {
  const { token } = await core.loginAs('clerk');
  // The seeded rows go from the write-ahead log into the file, so the reader must read them there.
  await core.ctx.db.exec('PRAGMA platform.wal_checkpoint(TRUNCATE)');
  assert.equal((await core.ok('auth.status', {})).integrity, 'ok');
  damagePlatformFile();

  const met = await core.call('counter.lookup', lookup, token);
  assert.ok(!met.ok);
  assert.equal(met.error.code, 'DATABASE_CORRUPT', 'not a generic INTERNAL');
  assert.equal((await core.ok('auth.status', {})).integrity, 'failed', 'the restore banner shows');
  assert.equal(core.ctx.db.corrupted, true);

  // Nothing is written any more: no sign-in, no session, no audit row, no query-log row.
  const before = officeBytes();
  const login = await core.call('auth.login', { username: 'admin', password: 'whatever-it-is' });
  assert.ok(!login.ok);
  assert.equal(login.error.code, 'DATABASE_CORRUPT');
  const again = await core.call('counter.lookup', lookup, token);
  assert.ok(!again.ok);
  assert.equal(again.error.code, 'DATABASE_CORRUPT');
  await assert.rejects(core.ctx.db.transaction(async (tx) => tx.run("INSERT INTO settings (key, value) VALUES ('x', 'y')")), { code: 'DATABASE_CORRUPT' });
  assert.equal(officeBytes(), before, 'the office file is untouched');

  // Whoever is signed in can still read what is intact in the office file.
  assert.equal((await core.ok('auth.whoami', {}, token)).account.role, 'clerk');
});

test('the start-up check failing refuses writes the same way', async () => {
  await core.ctx.db.exec('PRAGMA platform.wal_checkpoint(TRUNCATE)');
  damagePlatformFile();
  assert.equal(await core.ctx.db.quickCheck(), false);
  assert.equal((await core.ok('auth.status', {})).integrity, 'failed');
  const login = await core.call('auth.login', { username: 'admin', password: 'whatever-it-is' });
  assert.ok(!login.ok);
  assert.equal(login.error.code, 'DATABASE_CORRUPT');
});

test('attack: writes already queued behind the transaction that meets the damage are refused too', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const first = core.ctx.db.transaction(async () => {
    await held;
    core.ctx.db.markCorrupted(new Error('a damaged page met inside this transaction'));
  });
  // Queued while the first holds the writer, before anyone knows of the damage.
  const queued = [
    core.ctx.db.transaction(async (tx) => tx.run("INSERT INTO office_setting (key, value) VALUES ('queued', 'tx')")),
    core.ctx.db.run("INSERT INTO office_setting (key, value) VALUES ('queued', 'run')"),
    core.ctx.db.exec("INSERT INTO office_setting (key, value) VALUES ('queued', 'exec')"),
  ];
  release();
  await first;
  for (const q of queued) await assert.rejects(q, { code: 'DATABASE_CORRUPT' });
  assert.equal((await core.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM office_setting WHERE key = 'queued'"))!.n, 0);
});
