import type { Queryable } from '../db/database';

/** The purpose catalogue the last platform bundle carried (written by an import, read by the catalogue). */
export const PURPOSES_SETTING = 'catalog_purposes';

export async function getSetting(db: Queryable, key: string): Promise<string | undefined> {
  return (await db.get<{ value: string }>('SELECT value FROM office_setting WHERE key = ?', [key]))?.value;
}

export async function setSetting(db: Queryable, key: string, value: string): Promise<void> {
  await db.run('INSERT INTO office_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value', [key, value]);
}

export async function allSettings(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.all<{ key: string; value: string }>('SELECT key, value FROM office_setting');
  return new Map(rows.map((r) => [r.key, r.value]));
}
