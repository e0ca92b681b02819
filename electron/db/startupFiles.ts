import { chmodSync, closeSync, existsSync, openSync, rmSync } from 'node:fs';

// The database's file work that runs only while a database is being opened, before the console
// serves anyone: synchronous calls are allowed here (tools/eslint/noSyncFs.js) and nowhere else in
// db/database.ts, whose run-time file work (an import's scratch) goes through node:fs/promises.

/** SQLite gives the -wal and -shm files the database file's mode, so the file is made owner-only first. */
export function ownerOnlyFileAtOpen(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

/** A database file and any journal of it (a killed import's scratch, removed by the next open). */
export function removeDatabaseFilesAtOpen(file: string): void {
  for (const f of [file, `${file}-journal`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}
