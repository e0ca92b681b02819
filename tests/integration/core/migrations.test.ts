import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Database } from '../../../electron/db/database';
import { migrate } from '../../../electron/db/migrate';
import { MIGRATIONS } from '../../../electron/db/migrations';

test('all migrations apply to an empty file, in order, and record the schema version', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-mig-'));
  const db = await Database.open(join(dir, 'x.sqlite'));
  try {
    const version = await migrate(db);
    assert.equal(version, MIGRATIONS.at(-1)?.version);
    // Versions only increase; gaps are allowed (each branch owns a range of numbers).
    assert.ok(MIGRATIONS.every((m, i) => i === 0 ? m.version === 1 : m.version > MIGRATIONS[i - 1]!.version));
    const tables = (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")).map((t) => t.name);
    for (const t of ['account', 'audit_event', 'list_entry', 'measure', 'query_log', 'record', 'session', 'subject', 'visit']) assert.ok(tables.includes(t), t);
    assert.equal((await db.transaction((tx) => tx.get<{ foreign_keys: number }>('PRAGMA foreign_keys')))?.foreign_keys, 1);
    // Applying again is a no-op.
    assert.equal(await migrate(db), version);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a database from a newer CreditDesk is refused with a clear message and left alone', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-mig-'));
  const db = await Database.open(join(dir, 'x.sqlite'));
  try {
    await db.exec('PRAGMA user_version = 999');
    await assert.rejects(migrate(db), /newer CreditDesk/);
    assert.equal((await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version, 999);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a failing migration rolls back completely', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-mig-'));
  const db = await Database.open(join(dir, 'x.sqlite'));
  try {
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'broken', sql: 'CREATE TABLE half (x INTEGER) STRICT; INSERT INTO nowhere VALUES (1);' }];
    await assert.rejects(migrate(db, broken));
    assert.equal((await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version, 1);
    assert.equal((await db.all("SELECT name FROM sqlite_master WHERE name = 'half'")).length, 0);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
