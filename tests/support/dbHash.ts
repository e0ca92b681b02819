import { createHash } from 'node:crypto';
import type { Queryable } from '../../electron/db/database';

/** A content hash of every user table, row by row: "changes nothing" means this is unchanged. */
export async function databaseContentHash(db: Queryable): Promise<string> {
  const tables = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const hash = createHash('sha256');
  for (const { name } of tables) {
    hash.update(`\u0000${name}\u0000`);
    const rows = (await db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`)).map((r) => JSON.stringify(r)).sort();
    for (const row of rows) hash.update(row);
  }
  return hash.digest('hex');
}
