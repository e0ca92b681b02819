import { AppError } from '../../shared/errors';
import type { Database } from './database';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Applies pending migrations, each in its own transaction, recording the version in
 * `PRAGMA user_version`. A database written by a newer CreditDesk is refused rather than damaged.
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
  for (const m of migrations) {
    if (m.version <= current) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.exec(`PRAGMA user_version = ${m.version}`);
    });
  }
  return latest;
}
