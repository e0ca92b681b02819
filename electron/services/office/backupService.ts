import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { AppError } from '../../../shared/errors';
import { ownerOnlyDir, ownerOnlyUmask, writeOwnerOnlyFile } from '../../keys/ownerOnly';
import { vacuumInto } from '../../store/backupStore';
import { DATABASE_FILE } from '../../keys/unlockOffice';
import { OWNER_LOCK_FILE, OWNER_RECORD_FILE } from '../../db/dataDirOwner';
import { getSetting, setSetting } from '../../store/settingsStore';
import { AUDIT_HEAD_FILE, writeAuditCheckpoint } from '../audit/auditCheckpoint';
import type { CoreContext } from '../context';

// A backup is a directory that is a complete, still-encrypted office: the database as one
// consistent snapshot (VACUUM INTO, same SQLCipher key), the wrapped key file and sealed private
// keys, the sealed attachments and the signed audit head, with a manifest of SHA-256 per file.
// Restoring it needs the office passphrase (or the same OS keystore) like the original.

export const BACKUP_DIR = 'backups';
export const BACKUP_KEEP = 7;
const MANIFEST = 'backup.json';
const FORMAT = 'creditdesk-backup';
const LAST_BACKUP_SETTING = 'last_backup';
const NAME = /^creditdesk-backup-\d{8}T\d{6}\d{3}Z$/;
// What a backup carries besides the database; exports, staging and older backups stay behind.
const CARRIED = ['keys', 'attachments', AUDIT_HEAD_FILE];

export interface BackupInfo {
  path: string;
  name: string;
  at: string;
  sizeBytes: number;
}

interface Manifest {
  format: typeof FORMAT;
  formatVersion: 1;
  createdAt: string;
  officeCode: string;
  officeKeyId: string;
  auditHeadSeq: number | null;
  files: { path: string; sha256: string; size: number }[];
}

const sha256File = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function walkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walkFiles(join(dir, e.name)) : e.name.endsWith('.tmp') ? [] : [join(dir, e.name)]));
}

/** Attachments never change once written (content-addressed), so a hard link is as good as a copy. */
function linkOrCopy(src: string, dest: string): void {
  ownerOnlyDir(dirname(dest));
  try {
    linkSync(src, dest);
  } catch {
    copyFileSync(src, dest);
    chmodSync(dest, 0o600);
  }
}

export function backupRoot(ctx: Pick<CoreContext, 'dataDir'>, to?: string): string {
  return to ? resolve(to) : join(ctx.dataDir, BACKUP_DIR);
}

/** The backups under `root`, newest first. */
export function listBackups(root: string): BackupInfo[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((n) => NAME.test(n) && existsSync(join(root, n, MANIFEST)))
    .sort()
    .reverse()
    .map((name) => {
      const path = join(root, name);
      const m = JSON.parse(readFileSync(join(path, MANIFEST), 'utf8')) as Manifest;
      return { path, name, at: m.createdAt, sizeBytes: m.files.reduce((n, f) => n + f.size, 0) };
    });
}

/** Writes a backup of the open office and keeps the `keep` newest in its directory. */
export async function backupNow(ctx: CoreContext, opts: { to?: string; keep?: number } = {}): Promise<BackupInfo> {
  const root = backupRoot(ctx, opts.to);
  const keep = opts.keep ?? BACKUP_KEEP;
  if (!Number.isInteger(keep) || keep < 1) throw new AppError('VALIDATION', 'Keep at least one backup.');
  ownerOnlyDir(root);
  // The audit head is signed first, so the backup carries a checkpoint of exactly its own content.
  const checkpoint = await writeAuditCheckpoint(ctx);
  const at = ctx.now();
  const stamp = at.toISOString().replace(/[-:.]/g, '').replace(/^(\d{8}T\d{6})(\d{3})Z$/, '$1$2Z');
  const name = `creditdesk-backup-${stamp}`;
  const partial = join(root, `${name}.partial`);
  rmSync(partial, { recursive: true, force: true });
  ownerOnlyDir(partial);
  try {
    await vacuumInto(ctx.db, partial, DATABASE_FILE);
    for (const item of CARRIED) for (const f of walkFiles(join(ctx.dataDir, item))) linkOrCopy(f, join(partial, relative(ctx.dataDir, f)));
    const files = walkFiles(partial).map((f) => ({ path: relative(partial, f), sha256: sha256File(f), size: statSync(f).size }));
    const manifest: Manifest = {
      format: FORMAT, formatVersion: 1, createdAt: at.toISOString(), officeCode: ctx.office.code, officeKeyId: ctx.keys.keyId,
      auditHeadSeq: checkpoint?.head_seq ?? null, files,
    };
    writeOwnerOnlyFile(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(join(root, name))) throw new AppError('CONFLICT', `A backup named ${name} already exists.`);
    renameSync(partial, join(root, name));
  } catch (err) {
    rmSync(partial, { recursive: true, force: true });
    throw err;
  }
  for (const old of listBackups(root).slice(keep)) rmSync(old.path, { recursive: true, force: true });
  await setSetting(ctx.db, LAST_BACKUP_SETTING, JSON.stringify({ path: join(root, name), at: at.toISOString() }));
  return listBackups(root).find((b) => b.name === name)!;
}

/** The newest backup that still exists where the last one was written (or in the default place). */
export async function latestBackup(ctx: Pick<CoreContext, 'db' | 'dataDir'>): Promise<BackupInfo | null> {
  const last = await getSetting(ctx.db, LAST_BACKUP_SETTING);
  const roots = new Set<string>([join(ctx.dataDir, BACKUP_DIR)]);
  if (last) roots.add(dirname((JSON.parse(last) as { path: string }).path));
  return [...roots].flatMap(listBackups).sort((a, b) => b.at.localeCompare(a.at))[0] ?? null;
}

/** Checks every file of a backup against its manifest; returns the manifest. */
export function checkBackup(dir: string): Manifest {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `${dir} is not a CreditDesk backup (no ${MANIFEST}).`, { dir });
  const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== FORMAT || m.formatVersion !== 1) throw new AppError('VALIDATION', `${dir} is not a CreditDesk backup this version can read.`, { dir });
  for (const f of m.files) {
    const p = join(dir, f.path);
    if (!existsSync(p) || sha256File(p) !== f.sha256) throw new AppError('CONFLICT', `The backup ${basename(dir)} is damaged: ${f.path} is missing or altered.`, { file: f.path });
  }
  return m;
}

/**
 * Puts a backup in place as the data directory (the console must not be running on it). An
 * existing office there is moved aside only with `force`, never overwritten.
 */
export function restoreBackup(backupDir: string, dataDir: string, opts: { force?: boolean; now?: Date } = {}): { movedAside: string | null; manifest: Manifest } {
  ownerOnlyUmask();
  const src = resolve(backupDir);
  const dest = resolve(dataDir);
  const manifest = checkBackup(src);
  let movedAside: string | null = null;
  // The ownership lock and record of an earlier owner are not data (electron/db/dataDirOwner.ts).
  if (existsSync(dest) && readdirSync(dest).some((n) => n !== OWNER_LOCK_FILE && n !== OWNER_RECORD_FILE)) {
    if (!opts.force) {
      throw new AppError('CONFLICT', `${dest} already holds data; restore into an empty directory, or add --force to move the current data aside first.`, { dataDir: dest });
    }
    movedAside = `${dest}.before-restore-${(opts.now ?? new Date()).toISOString().replace(/[-:.]/g, '')}`;
    renameSync(dest, movedAside);
  }
  const staging = `${dest}.restoring`;
  rmSync(staging, { recursive: true, force: true });
  ownerOnlyDir(staging);
  for (const f of manifest.files) {
    ownerOnlyDir(dirname(join(staging, f.path)));
    copyFileSync(join(src, f.path), join(staging, f.path));
    chmodSync(join(staging, f.path), 0o600);
  }
  mkdirSync(dirname(dest), { recursive: true });
  if (existsSync(dest)) rmSync(dest, { recursive: true });
  renameSync(staging, dest);
  return { movedAside, manifest };
}
