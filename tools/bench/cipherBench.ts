import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Database } from '../../electron/db/database';
import type { CoreContext } from '../../electron/services/context';
import { percentiles, round, timeEach } from './stats';

// The cost of encryption at rest: the same bulk insert (batches through json_each, as the sync
// import writes) and the same indexed lookups into a fresh database with and without the SQLCipher
// key, in the same run on the same disk. The figures go next to each other in docs/benchmarks.md.

const ROWS = 200_000;
const BATCH = 2_000;
const ROUNDS = 4;

async function run(file: string, key: Buffer | undefined, rows: { id: string; name: string; region: string }[]): Promise<{ insertRowsPerSec: number; lookupP50Ms: number }> {
  // A small page cache, as with a real office database many times larger than memory allows.
  const db = await Database.open(file, { ...(key ? { key } : {}), cacheSizeKiB: 8 * 1024, platformFile: false });
  try {
    await db.exec('CREATE TABLE person (id INTEGER PRIMARY KEY, id_number TEXT NOT NULL UNIQUE, name TEXT NOT NULL, region TEXT NOT NULL) STRICT');
    const t = performance.now();
    await db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx.run(
          `INSERT INTO person (id_number, name, region) SELECT value->>'id', value->>'name', value->>'region' FROM json_each(?)`,
          [JSON.stringify(rows.slice(i, i + BATCH))],
        );
      }
    });
    // Until the pages are in the database file: the checkpoint is where most pages get encrypted.
    await db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const insertRowsPerSec = Math.round(rows.length / ((performance.now() - t) / 1000));
    const sample = rows.filter((_, i) => i % 97 === 0).slice(0, 2000);
    const lookups = percentiles(await timeEach(sample, (r) => db.get('SELECT * FROM person WHERE id_number = ?', [r.id])));
    return { insertRowsPerSec, lookupP50Ms: lookups.p50 };
  } finally {
    await db.close();
  }
}

export async function benchCipher(_ctx: CoreContext): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-cipher-bench-'));
  try {
    const rows = Array.from({ length: ROWS }, (_, i) => ({ id: `11010519850312${String(i).padStart(4, '0')}`, name: `姓名${i}`, region: '110105' }));
    // Interleaved rounds, best of each: the machine is shared, so one round each would mostly
    // measure who ran first.
    const best = { plain: { insertRowsPerSec: 0, lookupP50Ms: Infinity }, encrypted: { insertRowsPerSec: 0, lookupP50Ms: Infinity } };
    for (let pass = 0; pass < ROUNDS; pass++) {
      for (const kind of pass % 2 === 0 ? (['plain', 'encrypted'] as const) : (['encrypted', 'plain'] as const)) {
        const r = await run(join(dir, `${kind}-${pass}.sqlite`), kind === 'encrypted' ? randomBytes(32) : undefined, rows);
        best[kind] = { insertRowsPerSec: Math.max(best[kind].insertRowsPerSec, r.insertRowsPerSec), lookupP50Ms: Math.min(best[kind].lookupP50Ms, r.lookupP50Ms) };
      }
    }
    const { plain, encrypted } = best;
    return {
      cipherBulkInsertPlainRowsPerSec: plain.insertRowsPerSec,
      cipherBulkInsertEncryptedRowsPerSec: encrypted.insertRowsPerSec,
      cipherBulkInsertSlowdownPct: round((plain.insertRowsPerSec / encrypted.insertRowsPerSec - 1) * 100, 1),
      cipherLookupPlainP50Ms: plain.lookupP50Ms,
      cipherLookupEncryptedP50Ms: encrypted.lookupP50Ms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
