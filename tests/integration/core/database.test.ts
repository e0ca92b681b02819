import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Database, STATEMENT_CACHE_SIZE } from '../../../electron/db/database';
import { DIAGNOSTICS_FILE } from '../../../electron/db/diagnostics';
import { ReentrantLockError } from '../../../electron/db/mutex';

async function withDb(fn: (db: Database, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cd-db-'));
  const db = await Database.open(join(dir, 'x.sqlite'));
  try {
    await db.exec('CREATE TABLE t (x INTEGER)');
    await fn(db, dir);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const log = (dir: string) => (existsSync(join(dir, DIAGNOSTICS_FILE)) ? readFileSync(join(dir, DIAGNOSTICS_FILE), 'utf8') : '');
const count = async (db: Database) => (await db.get<{ n: number }>('SELECT count(*) AS n FROM t'))?.n;

// A deadlock would leave these tests waiting; the timeout turns that into a named failure.
test('a transaction that writes through db instead of tx gets a clear error, not a hang, and nothing is committed', { timeout: 10_000 }, async () => {
  await withDb(async (db) => {
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t VALUES (1)');
        await db.run('INSERT INTO t VALUES (2)');
      }),
      (e: unknown) => e instanceof ReentrantLockError && /db\.run.*use the transaction handle \(tx\)/s.test(e.message),
    );
    await assert.rejects(db.transaction(() => db.transaction(async () => undefined)), ReentrantLockError);
    await assert.rejects(db.transaction(() => db.exec('DELETE FROM t')), ReentrantLockError);
    assert.equal(await count(db), 0);
    // The lock is free again and works as before.
    await db.transaction((tx) => tx.run('INSERT INTO t VALUES (3)'));
    await db.run('INSERT INTO t VALUES (4)');
    assert.equal(await count(db), 2);
  });
});

test('work a transaction starts and leaves running may write once the transaction is over', { timeout: 10_000 }, async () => {
  await withDb(async (db) => {
    let later: Promise<unknown> = Promise.resolve();
    await db.transaction(async (tx) => {
      await tx.run('INSERT INTO t VALUES (1)');
      later = new Promise((r) => setTimeout(r, 20)).then(() => db.run('INSERT INTO t VALUES (2)'));
    });
    await later;
    assert.equal(await count(db), 2);
  });
});

test('a failed ROLLBACK is reported in the diagnostics log, the caller still gets its error, and the next transaction works', { timeout: 10_000 }, async () => {
  await withDb(async (db, dir) => {
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t VALUES (1)');
        // Ends the transaction underneath the wrapper, so its own ROLLBACK has nothing to undo and fails.
        await tx.exec('ROLLBACK');
        throw new Error('the operation failed');
      }),
      /the operation failed/,
    );
    assert.match(log(dir), /\[db\] ROLLBACK failed \(.*no transaction is active.*\) after: the operation failed; the writer connection is reopened/);
    await db.transaction((tx) => tx.run('INSERT INTO t VALUES (2)'));
    assert.equal(await count(db), 1);
    assert.equal((await db.transaction((tx) => tx.get<{ foreign_keys: number }>('PRAGMA foreign_keys')))?.foreign_keys, 1, 'the new writer is set up like the first');
  });
});

test('the prepared-statement cache stays bounded and evicted statements are prepared again', { timeout: 60_000 }, async () => {
  await withDb(async (db) => {
    const n = STATEMENT_CACHE_SIZE * 3;
    // Concurrently: statements still in use are not finalized under their callers.
    const rows = await Promise.all(Array.from({ length: n }, (_, i) => db.get<{ v: number }>(`SELECT ${i} AS v`)));
    assert.deepEqual(rows.map((r) => r?.v), Array.from({ length: n }, (_, i) => i));
    for (let i = 0; i < n; i++) await db.run(`INSERT INTO t SELECT ${i}`);
    assert.ok(db.cachedStatements.reader <= STATEMENT_CACHE_SIZE, `reader cache ${db.cachedStatements.reader}`);
    assert.ok(db.cachedStatements.writer <= STATEMENT_CACHE_SIZE, `writer cache ${db.cachedStatements.writer}`);
    assert.equal((await db.get<{ v: number }>('SELECT 0 AS v'))?.v, 0);
    assert.equal(await count(db), n);
  });
});

test('the slow-query log goes by duration, leaves out only statements tagged as bulk writes, and never goes to stderr by default', { timeout: 60_000 }, async () => {
  await withDb(async (db, dir) => {
    const slow = (tag: string) => `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1500000) SELECT count(*) AS n, '${tag}' FROM c, json_each('[1]')`;
    const written: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array) => (written.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      await db.get(slow('lookup'));
      await db.get(slow('bulk'), [], { bulk: 'test.bulkWriter' });
    } finally {
      process.stderr.write = original;
    }
    assert.match(log(dir), /\[db\] slow query [\d.]+ ms: WITH RECURSIVE .*'lookup'/);
    assert.doesNotMatch(log(dir), /'bulk'/);
    assert.deepEqual(written.filter((w) => w.includes('[db]')), []);
  });
});

test('a transaction that holds the writer past the bound is logged with the function that opened it', { timeout: 60_000 }, async () => {
  await withDb(async (db, dir) => {
    // Slow work under the lock, as a receipt rendered inside an intake once was.
    async function slowWorkInsideTheLock() {
      await db.transaction(async (tx) => {
        await tx.get("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1500000) SELECT count(*) AS n, 'held' FROM c");
      });
    }
    await slowWorkInsideTheLock();
    assert.match(log(dir), /\[db\] transaction held the writer [\d.]+ ms: at slowWorkInsideTheLock /);
  });
});

test('a named transaction that holds the writer past the bound is logged with its name', { timeout: 60_000 }, async () => {
  await withDb(async (db, dir) => {
    await db.transaction(async (tx) => {
      await tx.get("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1500000) SELECT count(*) AS n, 'named' FROM c");
    }, { name: 'export.plan' });
    assert.match(log(dir), /\[db\] transaction held the writer [\d.]+ ms: export\.plan at /);
  });
});
