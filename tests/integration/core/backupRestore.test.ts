import assert from 'node:assert/strict';
import { observedError } from '../../support/errorCoverage';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DATABASE_FILE, openCore } from '../../../electron/core';
import { migrate } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';
import { verifyAuditChain } from '../../../electron/services/audit/auditService';
import { backupNow, checkBackup, latestBackup, listBackups, restoreBackup } from '../../../electron/services/office/backupService';
import type { SessionInfo } from '../../../shared/contract';
import type { ApiResult } from '../../../shared/errors';
import { openOfficeDatabaseRaw, TEST_ENV, TEST_PASSWORD, TEST_UNLOCK } from '../../support/core';
import { openWorld, person } from '../report/world';
import { nodeScript } from '../../support/nodeScript';

const root = join(import.meta.dirname, '..', '..', '..');
const tables = ['visit', 'query_log', 'audit_event', 'attachment', 'subject'];

async function snapshot(db: { all<T>(sql: string): Promise<T[]> }): Promise<string> {
  const parts: string[] = [];
  for (const t of tables) parts.push(JSON.stringify(await db.all(`SELECT * FROM ${t} ORDER BY rowid`)));
  return parts.join('\n');
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

test('a backup restores into a working office: same records, attachments readable, audit chain intact; it is encrypted and owner-only', async () => {
  const w = await openWorld();
  const alice = person(7, '诸葛亮');
  await w.seed(alice);
  await w.lookupSelf(alice);
  const sha = await w.letter();
  const before = await snapshot(w.core.ctx.db);
  const b = await backupNow(w.core.ctx);
  assert.equal((await latestBackup(w.core.ctx))?.path, b.path);
  const status = await w.core.ok('auth.status', {});
  assert.equal(status.latestBackup?.path, b.path, 'the integrity banner points to this backup');
  await w.core.close();

  for (const f of walk(b.path)) {
    const bytes = readFileSync(f);
    assert.equal(bytes.indexOf(Buffer.from(alice.subject.idNumber)), -1, `${f} shows the ID number`);
    assert.equal(bytes.indexOf(Buffer.from('-----BEGIN')), -1, `${f} shows a PEM key`);
    assert.equal(statSync(f).mode & 0o777, 0o600, f);
  }

  const target = join(mkdtempSync(join(tmpdir(), 'creditdesk-test-')), 'restored');
  restoreBackup(b.path, target);
  // The same day as the office it came from: the restore is of that moment, not days later.
  const restored = await openCore({ dataDir: target, unlock: TEST_UNLOCK, now: () => w.core.clock.now });
  try {
    assert.equal(await snapshot(restored.ctx.db), before);
    const login = (await restored.dispatch('auth.login', { username: 'clerk1', password: TEST_PASSWORD }, {})) as ApiResult<SessionInfo>;
    assert.ok(login.ok, 'the restored office knows its staff');
    const got = (await restored.dispatch('attachment.get', { sha256: sha }, { token: login.value.token })) as ApiResult<{ sha256: string }>;
    assert.ok(got.ok && got.value.sha256 === sha, 'the restored attachment opens');
    const v = await verifyAuditChain(restored.ctx);
    assert.equal(v.ok, true, JSON.stringify(v.problems));
    assert.equal(statSync(target).mode & 0o777, 0o700);
  } finally {
    await restored.close();
  }
  // Restoring over an office is refused unless asked to move it aside.
  assert.throws(() => restoreBackup(b.path, target), /already holds data/);
  const forced = restoreBackup(b.path, target, { force: true });
  assert.ok(forced.movedAside && existsSync(join(forced.movedAside, DATABASE_FILE)));
  // A damaged backup is refused before anything is touched.
  appendFileSync(join(b.path, DATABASE_FILE), 'x');
  assert.throws(() => checkBackup(b.path), /damaged: creditdesk\.sqlite/);
  rmSync(w.core.dir, { recursive: true, force: true });
  rmSync(join(target, '..'), { recursive: true, force: true });
});

test('backups rotate (the newest N are kept), and a clean close of the console writes one', async () => {
  const w = await openWorld();
  for (let i = 0; i < 3; i++) {
    w.core.clock.now = new Date(w.core.clock.now.getTime() + 60_000);
    await backupNow(w.core.ctx, { keep: 2 });
  }
  const kept = listBackups(join(w.core.dir, 'backups'));
  assert.equal(kept.length, 2);
  assert.ok(kept[0]!.at > kept[1]!.at);
  assert.equal((await latestBackup(w.core.ctx))?.name, kept[0]!.name);
  await w.core.close();

  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  const core = await openCore({ dataDir: dir, unlock: TEST_UNLOCK, backupOnClose: true });
  await core.close();
  assert.equal(listBackups(join(dir, 'backups')).length, 1);
  rmSync(dir, { recursive: true, force: true });
  rmSync(w.core.dir, { recursive: true, force: true });
});

test('a database whose migration ledger disagrees with the code is refused with a clear message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  await (await openCore({ dataDir: dir, unlock: TEST_UNLOCK })).close();
  const db = await openOfficeDatabaseRaw(dir);
  try {
    const ledger = await db.all<{ version: number; sha256: string }>('SELECT version, sha256 FROM schema_migration ORDER BY version');
    assert.deepEqual(ledger.map((l) => l.version), MIGRATIONS.map((m) => m.version), 'every migration is in the ledger');
    // A released migration edited in the code.
    const edited = MIGRATIONS.map((m) => (m.version === 3 ? { ...m, sql: `${m.sql}\n-- tweak` } : m));
    await assert.rejects(migrate(db, edited), (e: Error & { code?: string }) => (observedError(e.code), e.code) === 'MIGRATION_LEDGER_MISMATCH' && /Migration 3 \(cases\) was changed/.test(e.message));
    // A migration the database has but this code does not.
    await assert.rejects(migrate(db, MIGRATIONS.filter((m) => m.version !== 4)), (e: Error & { code?: string }) => (observedError(e.code), e.code) === 'MIGRATION_LEDGER_MISMATCH' && /migration 4 \(sync\) applied/.test(e.message));
    // The ledger edited in the database.
    await db.run("UPDATE schema_migration SET sha256 = 'feed' WHERE version = 1");
  } finally {
    await db.close();
  }
  await assert.rejects(openCore({ dataDir: dir, unlock: TEST_UNLOCK }), (e: Error & { code?: string }) => (observedError(e.code), e.code) === 'MIGRATION_LEDGER_MISMATCH');
  rmSync(dir, { recursive: true, force: true });
});

test('creditdesk backup and creditdesk restore from the command line', async () => {
  const w = await openWorld();
  const alice = person(8, '孙权');
  await w.seed(alice);
  await w.lookupSelf(alice);
  await w.core.close();
  const cli = (...args: string[]) => {
    const r = spawnSync(process.execPath, [...nodeScript(join(root, 'tools', 'creditdesk.ts')), ...args], { encoding: 'utf8', env: { ...process.env, ...TEST_ENV } });
    return { code: r.status, out: r.stdout + r.stderr };
  };
  const made = cli('backup', '--data-dir', w.core.dir, '--keep', '3');
  assert.equal(made.code, 0, made.out);
  const path = /backup written: (\S+)/.exec(made.out)![1]!;
  const target = join(mkdtempSync(join(tmpdir(), 'creditdesk-test-')), 'office');
  const back = cli('restore', '--from', path, '--data-dir', target);
  assert.equal(back.code, 0, back.out);
  assert.match(back.out, /integrity ok, audit chain intact/);
  assert.equal(cli('backup', '--data-dir', w.core.dir, '--keep', '0').code, 2);
  rmSync(w.core.dir, { recursive: true, force: true });
  rmSync(join(target, '..'), { recursive: true, force: true });
});
