import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import type { OfficeKeys } from './derive';
import { join } from 'node:path';
import { ownerOnlyDir, ownerOnlyUmask } from './ownerOnly';
import { createOfficeKeyFile, OFFICE_KEY_FILE, officeKeyFileExists, unlockOfficeKeyFile, type OfficeUnlock } from './officeKeyFile';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A plain SQLite file starts with its magic string; an SQLCipher file starts with random salt. */
export function isPlaintextDatabase(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < SQLITE_HEADER.length) return false;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(SQLITE_HEADER.length);
    readSync(fd, head, 0, head.length, 0);
    return head.equals(SQLITE_HEADER);
  } finally {
    closeSync(fd);
  }
}

/**
 * The keys of the office in `dataDir`: unwrapped from its key file, or a new key file for a new
 * office. A database without its key file, or a database written before encryption at rest, is
 * refused: guessing would either lose the data or leave it readable.
 */
export async function unlockOffice(dataDir: string, dbFile: string, unlock: OfficeUnlock, opts: { demo: boolean }): Promise<OfficeKeys> {
  const hasDb = existsSync(dbFile) && statSync(dbFile).size > 0;
  if (hasDb && isPlaintextDatabase(dbFile)) {
    throw new AppError(
      'DATA_DIR_UNENCRYPTED',
      `The data directory ${dataDir} was written by a CreditDesk without encryption at rest, so it is not opened: its files are readable by anyone who copies them. ` +
        'Start this version on an empty data directory (--data-dir) and provision the office afresh; then store the old directory offline or destroy it ' +
        '(a demo office can simply be deleted). See docs/operations.md, "Data directories from before encryption".',
      { dataDir },
    );
  }
  if (officeKeyFileExists(dataDir)) return unlockOfficeKeyFile(dataDir, unlock);
  if (hasDb) {
    throw new AppError(
      'UNLOCK_REFUSED',
      `The office database in ${dataDir} has no key file (keys/${OFFICE_KEY_FILE}); without it the data cannot be read. Restore the data directory from a backup that includes keys/.`,
      { dataDir },
    );
  }
  return createOfficeKeyFile(dataDir, unlock, opts.demo);
}

/** The office database file in a data directory. */
export const DATABASE_FILE = 'creditdesk.sqlite';

/**
 * Everything before the database opens: owner-only permissions for what is created from here on,
 * then the office keys (scrypt on the thread pool). Browser mode starts this before it loads the
 * rest of the core, so the key derivation and the module loading overlap.
 */
export function beginOfficeUnlock(dataDir: string, unlock: OfficeUnlock, demo: boolean): Promise<OfficeKeys> {
  ownerOnlyUmask();
  ownerOnlyDir(dataDir);
  return unlockOffice(dataDir, join(dataDir, DATABASE_FILE), unlock, { demo });
}
