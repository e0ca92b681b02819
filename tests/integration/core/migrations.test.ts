import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
    // Gaps are allowed (each branch has its own numbers); order and uniqueness are not negotiable.
    assert.ok(MIGRATIONS.every((m, i) => i === 0 || m.version > MIGRATIONS[i - 1]!.version), 'versions strictly increase');
    const tables = async (schema: string) => (await db.all<{ name: string }>(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' ORDER BY name`)).map((t) => t.name);
    const office = await tables('main');
    const platform = await tables('platform');
    for (const t of ['account', 'audit_event', 'query_log', 'session', 'visit']) assert.ok(office.includes(t) && !platform.includes(t), `${t} in the office file`);
    for (const t of ['list_entry', 'measure', 'record', 'subject']) assert.ok(platform.includes(t) && !office.includes(t), `${t} in the platform file`);
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

// The whole schema after every migration, compared with a committed snapshot: a migration that
// changes a table, index or trigger other than intended shows up here as a diff. After a deliberate
// schema change (or merging branches that add migrations) regenerate it with one command:
//   CREDITDESK_UPDATE_SCHEMA_SNAPSHOT=1 node --import tsx --test tests/integration/core/migrations.test.ts
// and review the snapshot's diff in the commit.
const SNAPSHOT = join(import.meta.dirname, 'schema.snapshot.sql');
const REGENERATE = 'CREDITDESK_UPDATE_SCHEMA_SNAPSHOT=1 node --import tsx --test tests/integration/core/migrations.test.ts';

async function schemaText(db: Database): Promise<string> {
  const version = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version;
  const normalise = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')').trim();
  const lines = [`-- schema version ${version}`];
  // The office file, then the platform file (migrations 22 and 23).
  for (const schema of ['main', 'platform']) {
    const objects = await db.all<{ type: string; name: string; sql: string }>(
      `SELECT type, name, sql FROM ${schema}.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name`,
    );
    lines.push(...objects.map((o) => `-- ${schema === 'main' ? '' : `${schema} `}${o.type} ${o.name}\n${normalise(o.sql)};`));
  }
  return lines.join('\n') + '\n';
}

test('the schema after all migrations is exactly the committed snapshot', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-mig-'));
  const db = await Database.open(join(dir, 'x.sqlite'));
  try {
    await migrate(db);
    const actual = await schemaText(db);
    if (process.env.CREDITDESK_UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, actual);
    assert.ok(existsSync(SNAPSHOT), `No schema snapshot at ${SNAPSHOT}; create it with:\n  ${REGENERATE}`);
    const expected = readFileSync(SNAPSHOT, 'utf8');
    if (actual !== expected) {
      const want = new Set(expected.split('\n'));
      const have = new Set(actual.split('\n'));
      const diff = [...expected.split('\n').filter((l) => !have.has(l)).map((l) => `- ${l}`), ...actual.split('\n').filter((l) => !want.has(l)).map((l) => `+ ${l}`)];
      assert.fail(`The schema differs from ${SNAPSHOT} (- snapshot, + migrated database):\n${diff.join('\n')}\nIf the change is intended, regenerate the snapshot:\n  ${REGENERATE}`);
    }
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
