import type { Database } from '../db/database';

/**
 * A consistent copy of the database as of one moment, written by SQLite itself. With SQLCipher the
 * copy is encrypted with the same key. It runs on the writer connection (the read-only reader may
 * not create files), so writes wait for it; reads carry on.
 */
export async function vacuumInto(db: Database, file: string): Promise<void> {
  await db.run('VACUUM INTO ?', [file]);
}
