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

test('an office from before the platform file keeps every row: platform rows move with their ids, office rows still find them', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-mig-'));
  const db = await Database.open(join(dir, 'x.sqlite'));
  try {
    await migrate(db, MIGRATIONS.filter((m) => m.version <= 21));
    await db.exec(`
      INSERT INTO account (id, username, display_name, role, password_hash, created_at) VALUES (1, 'clerk1', '窗口', 'clerk', 'x', '2026-11-01T00:00:00Z');
      INSERT INTO subject (id, kind, id_number, name, region_code, central_id, version) VALUES (7, 'person', '11010119900307803X', '王五', '110101', 'S7', 1);
      INSERT INTO record (id, subject_id, central_id, category, domain, title, content, provider_unit, document_no, occurred_on, decided_on, publicity_start, status, version)
        VALUES (70, 7, 'R70', 'admin_penalty', 'market', '处罚', '罚款', '某局', '1号', '2026-01-01', '2026-01-02', '2026-01-03', 'active', 1);
      INSERT INTO visit (id, started_at, clerk_id, id_number, name, subject_id, applicant_kind, purpose_code) VALUES (3, '2026-11-20T01:00:00Z', 1, '11010119900307803X', '王五', 7, 'self', 'self_check');`);
    await migrate(db);
    const inPlatform = await db.get<{ n: number }>("SELECT count(*) AS n FROM platform.sqlite_master WHERE name IN ('subject', 'record')");
    assert.equal(inPlatform?.n, 2);
    assert.equal((await db.get<{ n: number }>("SELECT count(*) AS n FROM main.sqlite_master WHERE name IN ('subject', 'record')"))?.n, 0);
    const joined = await db.get<{ name: string; title: string }>('SELECT s.name, r.title FROM visit v JOIN subject s ON s.id = v.subject_id JOIN record r ON r.subject_id = s.id WHERE v.id = 3');
    assert.deepEqual(joined, { name: '王五', title: '处罚' });
    // The office file's keys into the platform file are gone (SQLite cannot enforce them across files); its own remain and hold.
    assert.doesNotMatch((await db.get<{ sql: string }>("SELECT sql FROM main.sqlite_master WHERE name = 'visit'"))!.sql, /REFERENCES subject/);
    assert.match((await db.get<{ sql: string }>("SELECT sql FROM main.sqlite_master WHERE name = 'visit'"))!.sql, /REFERENCES account/);
    assert.deepEqual(await db.all('PRAGMA foreign_key_check'), []);
    assert.equal((await db.get<{ integrity_check: string }>('PRAGMA integrity_check'))?.integrity_check, 'ok');
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
