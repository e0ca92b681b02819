import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Database, type PlatformTx } from '../../../electron/db/database';
import { markUnderObjection, setRecordStatus } from '../../../electron/store/caseRecordStore';
import { upsertRecordsJson } from '../../../electron/store/populationStore';

// Issue 26: a platform row (a record, a list entry, a subject) is written only through a handle
// that a platform transaction or the import's own writer hands out (PlatformTx), as Signal brands
// its writable handles. The attack is the compile: each call marked @ts-expect-error must fail
// `npm run typecheck` (tsc reports an unused @ts-expect-error), so a platform write from an office
// transaction does not build. The runtime part holds the one choice made while running: an
// 'if_free' transaction gets the handle only when no import holds or waits for the platform file.

/** Never called: these lines exist for the compiler. */
export function officeTransactionsCannotWritePlatformRows(db: Database): Promise<unknown>[] {
  return [
    // @ts-expect-error an office transaction's handle cannot mark a record
    db.transaction((tx) => setRecordStatus(tx, 1, 'repaired')),
    // @ts-expect-error nor upsert records
    db.transaction((tx) => upsertRecordsJson(tx, '[]')),
    // @ts-expect-error a flag decided elsewhere gives no handle either
    db.transaction((tx) => setRecordStatus(tx, 1, 'repaired'), { platform: Math.random() > 2 }),
    // @ts-expect-error the office handle passed where the platform one goes
    db.transaction((tx) => markUnderObjection(tx, tx, 1)),
    // The lawful forms compile.
    db.transaction((tx) => setRecordStatus(tx, 1, 'repaired'), { platform: true }),
    db.transaction((tx, platform) => markUnderObjection(tx, platform, 1), { platform: 'if_free' }),
  ];
}

async function withDb(fn: (db: Database) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cd-platform-'));
  const db = await Database.open(join(dir, 'office.sqlite'));
  try {
    await fn(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test("an 'if_free' transaction gets the platform handle when the platform file is free, and none at once while an import waits for it or holds it", { timeout: 30_000 }, async () => {
  await withDb(async (db) => {
    assert.equal(typeof officeTransactionsCannotWritePlatformRows, 'function');
    const handleWhenFree = await db.transaction(async (_tx, platform: PlatformTx | null) => platform !== null, { platform: 'if_free' });
    assert.equal(handleWhenFree, true);
    assert.equal(await db.transaction(async (_tx, platform) => platform, {}), null, 'an office transaction has none');

    // An import that holds the platform file until released; a backup's hold on the platform file
    // (not on the writer) comes first, so the import is still waiting when the next 'if_free'
    // transaction asks.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let importStarted!: () => void;
    const started = new Promise<void>((r) => (importStarted = r));
    let freePlatform!: () => void;
    const blocker = db.holdingPlatform(() => new Promise<void>((r) => (freePlatform = r)));
    const importing = db.importExclusive(async () => {
      importStarted();
      await held;
    });
    assert.equal(await db.transaction(async (_tx, platform) => platform, { platform: 'if_free' }), null, 'an import waiting: no handle, no wait behind the import');
    freePlatform();
    await blocker;
    await started;
    assert.equal(db.importing, true);
    assert.equal(await db.transaction(async (_tx, platform) => platform, { platform: 'if_free' }), null, 'an import running: no handle, no wait');
    await assert.rejects(db.transaction(async () => undefined, { platform: true }), /being imported/);
    release();
    await importing;
    assert.equal(await db.transaction(async (_tx, platform) => platform !== null, { platform: 'if_free' }), true, 'the import done: the handle again');
  });
});
