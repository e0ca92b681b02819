import { chmodSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, rename, rm, writeFile } from 'node:fs/promises';
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

/** writeOwnerOnlyFile for the serving side: the same temp file and rename, without blocking the thread. */
export async function writeOwnerOnlyFileAsync(file: string, data: string | Buffer): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await chmod(dirname(file), 0o700);
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(tmp, data, { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Files created by libraries (SQLite, zip writers) inherit this; the console sets it once at start. */
export function ownerOnlyUmask(): void {
  try {
    process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask; the main thread already did.
  }
}
