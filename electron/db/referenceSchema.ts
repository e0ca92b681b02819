import { Connection } from './database';
import { MIGRATIONS } from './migrations';

// What the migrations define, as SQLite itself records it: every migration applied in order to an
// empty in-memory database (with an in-memory platform schema attached, as the office file has).
// `audit verify` compares the office's triggers with these, statement for statement, instead of
// searching their text for a phrase: a guard rewritten to never fire (`WHEN 0`) still contains
// `RAISE(ABORT`, but it is not the statement the migrations wrote.

/** Whitespace folded, so a statement reads the same however it was indented. */
export function canonicalSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

let triggers: Promise<Map<string, string>> | null = null;

/** The main schema's triggers the migrations leave behind, by name, in canonical form. Built once per process. */
export function referenceTriggers(): Promise<Map<string, string>> {
  triggers ??= (async () => {
    const db = await Connection.open(':memory:');
    try {
      await db.exec("ATTACH DATABASE ':memory:' AS platform");
      for (const m of MIGRATIONS) await db.exec(m.sql);
      const rows = await db.all<{ name: string; sql: string }>("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name");
      return new Map(rows.map((r) => [r.name, canonicalSql(r.sql)]));
    } finally {
      await db.close();
    }
  })();
  return triggers;
}
