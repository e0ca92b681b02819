import { createHash } from 'node:crypto';
import type { Queryable } from '../../electron/db/database';

/** Order-independent hash of every row of every table, in the office file and the platform file. */
export async function databaseContentHash(db: Queryable, opts: { except?: readonly string[] } = {}): Promise<string> {
  const schemas = (await db.all<{ name: string }>('PRAGMA database_list')).map((d) => d.name).filter((n) => n === 'main' || n === 'platform');
  const hash = createHash('sha256');
  for (const schema of schemas) {
    const tables = await db.all<{ name: string }>(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
    for (const { name } of tables) {
      if (opts.except?.includes(name)) continue;
      hash.update(`\u0000${schema}.${name}\u0000`);
      const rows = (await db.all<Record<string, unknown>>(`SELECT * FROM ${schema}."${name}"`)).map((r) => JSON.stringify(r)).sort();
      for (const row of rows) hash.update(row);
    }
  }
  return hash.digest('hex');
}
