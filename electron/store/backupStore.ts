import { basename, join } from 'node:path';
import { platformFileOf, PLATFORM_SCHEMA } from '../db/database';
import type { Database } from '../db/database';

/**
 * A consistent copy of the office as of one moment, written by SQLite itself: the office file and,
 * beside it, the platform file (office rows refer to platform rows by id, so the two are copied
 * while no import or record change can run between them). With SQLCipher the copies are encrypted
 * with the same key. It runs on the writer connection (the read-only reader may not create
 * files), so office writes wait for it; reads carry on. Returns the file names written.
 */
export async function vacuumInto(db: Database, dir: string, officeName: string): Promise<string[]> {
  return db.holdingPlatform(async () => {
    const office = join(dir, officeName);
    await db.run('VACUUM INTO ?', [office]);
    if (!db.platformFile) return [officeName];
    const platform = platformFileOf(office);
    await db.run(`VACUUM ${PLATFORM_SCHEMA} INTO ?`, [platform]);
    return [officeName, basename(platform)];
  });
}
