import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DATABASE_FILE } from '../../electron/core';
import { claimDataDir } from '../../electron/db/dataDirOwner';
import { verifyAuditChain } from '../../electron/services/audit/auditService';
import { BACKUP_KEEP, backupNow, restoreBackup } from '../../electron/services/office/backupService';
import { AppError } from '../../shared/errors';
import { CliUsageError, type CliCommand } from './command';
import { openCommandCore, parseCommandArgs } from './dataDirArg';

function refused(e: unknown): number {
  if (e instanceof AppError) {
    console.error(`${e.code}: ${e.message}`);
    return 1;
  }
  throw e;
}

export const backup: CliCommand = {
  words: ['backup'],
  usage: 'backup --data-dir DIR [--to BACKUP_DIR] [--keep N]',
  summary: `write a consistent encrypted backup (default DIR/backups, the ${BACKUP_KEEP} newest kept)`,
  async run(args) {
    const { dataDir, values, passphraseFile } = parseCommandArgs(args, { to: { type: 'string' }, keep: { type: 'string' } });
    const keep = values.keep === undefined ? BACKUP_KEEP : Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1) throw new CliUsageError('--keep takes a whole number of at least 1.');
    process.env.CREDITDESK_QUIET = '1';
    try {
      const core = await openCommandCore(dataDir, passphraseFile);
      try {
        const b = await backupNow(core.ctx, { to: typeof values.to === 'string' ? values.to : undefined, keep });
        console.log(`backup written: ${b.path} (${(b.sizeBytes / 2 ** 20).toFixed(1)} MiB); it opens only with this office's passphrase or keystore.`);
        return 0;
      } finally {
        await core.close();
      }
    } catch (e) {
      return refused(e);
    }
  },
};

export const restore: CliCommand = {
  words: ['restore'],
  usage: 'restore --from BACKUP --data-dir DIR [--force]',
  summary: 'put a backup in place as the data directory (--force moves existing data aside), then check it',
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { 'data-dir': { type: 'string' }, from: { type: 'string' }, force: { type: 'boolean' }, 'passphrase-file': { type: 'string' } }, strict: true });
    } catch (err) {
      throw new CliUsageError((err as Error).message);
    }
    const v = parsed.values;
    if (!v['data-dir'] || !v.from) throw new CliUsageError('--from BACKUP and --data-dir DIR are required.');
    const dataDir = resolve(v['data-dir']);
    const from = resolve(v.from);
    // A restore moves the directory's files away: never under a console or command that has them
    // open. Checked by taking the directory and giving it back (released before the move: Windows
    // cannot rename a directory with an open file in it); the check of the restored office below
    // takes it again.
    if (existsSync(dataDir)) await (await claimDataDir(dataDir, { role: 'command', command: 'restore' })).release();
    try {
      const r = restoreBackup(from, dataDir, { force: v.force === true });
      if (r.movedAside) console.log(`the data that was in ${dataDir} is now in ${r.movedAside}`);
      if (!existsSync(join(dataDir, DATABASE_FILE))) throw new AppError('CONFLICT', 'The backup holds no database.');
      process.env.CREDITDESK_QUIET = '1';
      const core = await openCommandCore(dataDir, v['passphrase-file'] ? resolve(v['passphrase-file']) : undefined);
      try {
        const q = await core.ctx.db.get<{ integrity_check: string }>('PRAGMA integrity_check');
        const audit = await verifyAuditChain(core.ctx);
        console.log(`restored ${r.manifest.createdAt} backup of office ${r.manifest.officeCode} into ${dataDir}: integrity ${q?.integrity_check ?? 'unknown'}, audit chain ${audit.ok ? `intact (${audit.checked} events)` : `BROKEN: ${audit.firstBroken?.reason}`}`);
        return q?.integrity_check === 'ok' && audit.ok ? 0 : 1;
      } finally {
        await core.close();
      }
    } catch (e) {
      return refused(e);
    }
  },
};
