import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

// Every file the console writes is the owner's only (0600) inside owner-only directories (0700),
// whatever the umask: a second account on the same computer reads nothing.

export function ownerOnlyDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Writes atomically (temp file, then rename) unless `exclusive`, where an existing file is an EEXIST error. */
export function writeOwnerOnlyFile(file: string, data: string | Buffer, opts: { exclusive?: boolean } = {}): void {
  ownerOnlyDir(dirname(file));
  if (opts.exclusive) {
    writeFileSync(file, data, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** Files created by libraries (SQLite, zip writers) inherit this; the console sets it once at start. */
export function ownerOnlyUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask; the main thread already did.
  }
}
