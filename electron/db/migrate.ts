import { createHash } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Database, Queryable } from './database';
import { MIGRATIONS, type Migration } from './migrations';

// Applied migrations are recorded in a ledger with the SHA-256 of their SQL. A database whose
// ledger disagrees with the code (a released migration edited, or one this version does not have)
// is refused rather than migrated into a schema nobody wrote. `PRAGMA user_version` still holds
// the highest version, for tools that read it.

const LEDGER_SQL = /* sql */ `
CREATE TABLE IF NOT EXISTS schema_migration (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  sha256     TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

interface LedgerRow {
  version: number;
  name: string;
  sha256: string;
}

export const migrationChecksum = (m: Migration): string => createHash('sha256').update(m.sql, 'utf8').digest('hex');

function refuse(message: string, details: Record<string, unknown>): never {
  throw new AppError('MIGRATION_LEDGER_MISMATCH', message, details);
}

async function record(tx: Queryable, m: Migration, at: string): Promise<void> {
  await tx.run('INSERT INTO schema_migration (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)', [m.version, m.name, migrationChecksum(m), at]);
}

/**
 * Applies pending migrations, each in its own transaction with its ledger row. Pending means "not
 * in the ledger", so a migration numbered below the newest applied one (branches merged later)
 * is still applied. A database written by a newer CreditDesk is refused rather than damaged.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  const current = (await db.get<{ user_version: number }>('PRAGMA user_version'))?.user_version ?? 0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new AppError(
      'CONFLICT',
      `This database was created by a newer CreditDesk (schema ${current}; this version knows ${latest}). Install the newer version.`,
      { schema: current, known: latest },
    );
  }
  const hasLedger = (await db.get<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'schema_migration'"))!.n > 0;
  const now = new Date().toISOString();
  if (!hasLedger) {
    await db.transaction(async (tx) => {
      await tx.exec(LEDGER_SQL);
      // A database from before the ledger: what it has applied is what its version says, recorded
      // once with today's checksums (the ledger starts trusting from here).
      for (const m of migrations) if (m.version <= current) await record(tx, m, now);
    });
  }
  const ledger = new Map((await db.all<LedgerRow>('SELECT version, name, sha256 FROM schema_migration ORDER BY version')).map((r) => [r.version, r]));
  const byVersion = new Map(migrations.map((m) => [m.version, m]));
  for (const row of ledger.values()) {
    const m = byVersion.get(row.version);
    if (!m) {
      refuse(
        `This database has migration ${row.version} (${row.name}) applied, which this version of CreditDesk does not have. Install the version that created it, or restore a backup.`,
        { version: row.version, name: row.name },
      );
    }
    if (migrationChecksum(m) !== row.sha256 || m.name !== row.name) {
      refuse(
        `Migration ${row.version} (${row.name}) was changed after this database applied it (checksum ${row.sha256.slice(0, 12)}… in the database, ${migrationChecksum(m).slice(0, 12)}… in this version). The database was not opened.`,
        { version: row.version, name: row.name, recorded: row.sha256, code: migrationChecksum(m) },
      );
    }
  }
  for (const m of migrations) {
    if (ledger.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await record(tx, m, new Date().toISOString());
      await tx.exec(`PRAGMA user_version = ${Math.max(current, m.version)}`);
    });
  }
  return latest;
}
