import sqlite3 from '@journeyapps/sqlcipher';
import { platformFileOf } from '../../electron/db/database';

/** The baseline of the lookup figures: a bare read-only SQLCipher connection, same key, on the office's platform file. */
export async function openBarePlatform(officeFile: string, key: Buffer): Promise<sqlite3.Database> {
  const bare = new sqlite3.Database(platformFileOf(officeFile), sqlite3.OPEN_READONLY);
  await new Promise<void>((res, rej) => bare.exec(`PRAGMA key = "x'${key.toString('hex')}'"`, (e) => (e ? rej(e) : res())));
  return bare;
}
