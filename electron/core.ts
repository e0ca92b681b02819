import { join } from 'node:path';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { loadPurposes } from './catalog/loadPurposes';
import { Database } from './db/database';
import { claimDataDir, type DataDirClaim } from './db/dataDirOwner';
import { migrate } from './db/migrate';
import { forgetOfficeKeys, registerOfficeKeys } from './keys/officeSeal';
import type { OfficeUnlock } from './keys/officeKeyFile';
import { beginOfficeUnlock, DATABASE_FILE } from './keys/unlockOffice';
import type { OfficeKeys } from './keys/derive';
import { writeAuditCheckpoint } from './services/audit/auditCheckpoint';
import { backupNow } from './services/office/backupService';
import { finishPendingImports } from './services/sync';
import { seedCalendar } from './services/office/calendarService';
import { loadReportFonts } from './report/pdf/fonts';
import { PdfPool, pdfPoolOptionsFromEnv } from './report/pdf/pdfPool';
import type { CoreContext } from './services/context';
import { getSetting } from './store/settingsStore';
import { ensureOfficeSigningKey } from './services/office/officeKeyService';
import { officeJobs, startScheduler } from './services/office/maintenanceScheduler';
import { closeEvaluations } from './services/hall/evaluationService';
import { UNPROVISIONED_OFFICE_CODE, UNPROVISIONED_OFFICE_NAME } from '../shared/domain/office';

export { DATABASE_FILE } from './keys/unlockOffice';

export interface CoreOptions {
  dataDir: string;
  demo?: boolean;
  now?: () => Date;
  /** How the office's keys are unwrapped: the OS keystore (desktop app) or the unlock passphrase. */
  unlock: OfficeUnlock;
  /** The keys already being derived from `unlock` by `beginOfficeUnlock` (browser mode starts it before loading the core). */
  unlocking?: Promise<OfficeKeys>;
  /** A rotated encrypted backup in <dataDir>/backups on clean close (the console does; tools and tests do not). */
  backupOnClose?: boolean;
  /**
   * Whether the maintenance jobs (overdue sweep, upload expiry) repeat on timers after their run at
   * start (default). Tests that move the clock turn this off and run the jobs themselves.
   */
  repeatMaintenance?: boolean;
  /**
   * The data directory, already claimed by the caller (browser mode, the desktop app and the staff
   * commands claim it before they ask for a passphrase). Without one, openCore claims it itself.
   * Either way the core owns the claim from here: it is released when the core closes or fails to open.
   */
  claim?: DataDirClaim;
}

export interface Core {
  ctx: CoreContext;
  dispatch: Dispatch;
  /** Settles once the maintenance jobs (abandoned uploads, overdue sweep) have run at start. */
  startupJobs: Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens (or creates) the office database in `dataDir`, checks it, migrates it and returns the
 * dispatcher. Both the Electron main process and the browser-mode host start the console this way.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  // One process owns a data directory (docs/operations.md): a second one is refused here, by name,
  // before it reads a key or touches the database.
  const claim = options.claim ?? (await claimDataDir(options.dataDir, { role: 'core' }));
  try {
    return await openClaimed(options, claim);
  } catch (err) {
    await claim.release();
    throw err;
  }
}

async function openClaimed(options: CoreOptions, claim: DataDirClaim): Promise<Core> {
  const keys = await (options.unlocking ?? beginOfficeUnlock(options.dataDir, options.unlock, options.demo ?? false));
  const dbFile = join(options.dataDir, DATABASE_FILE);
  const db = await Database.open(dbFile, { key: keys.db });
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  registerOfficeKeys(options.dataDir, keys);
  ensureOfficeSigningKey({ dataDir: options.dataDir });
  // The PDF workers start at the first document, not here: a console that prints nothing runs none.
  const pdf = new PdfPool(pdfPoolOptionsFromEnv());
  const ctx: CoreContext = {
    db,
    now: options.now ?? (() => new Date()),
    dataDir: options.dataDir,
    keys,
    catalogs: { purposes: await loadPurposes(db) },
    office: {
      code: (await getSetting(db, 'office_code')) ?? UNPROVISIONED_OFFICE_CODE,
      name: (await getSetting(db, 'office_name')) ?? UNPROVISIONED_OFFICE_NAME,
    },
    demo: (await getSetting(db, 'demo')) === '1',
    integrity: 'checking',
    pdf,
  };
  // An import killed between its platform commit and its office commit is finished before anything
  // else reads the office (bundle-security.md 8).
  try {
    await seedCalendar(ctx);
    await finishPendingImports(ctx);
  } catch (err) {
    await db.close();
    throw err;
  }
  // quick_check reads the whole file (3.5 s per million subjects measured), so it runs after the
  // console is up, on a connection of its own (never the shared reader); the status shows the outcome.
  // Damage met at any time, by any statement or by the check below, shows as the restore banner
  // (the database refuses writes from then on).
  db.whenCorrupted(() => {
    ctx.integrity = 'failed';
    console.error('CreditDesk: the database is damaged; writes are refused. Restore the latest backup.');
  });
  const checked = db
    .quickCheck()
    .then((ok) => (ok ? 'ok' : 'failed'), () => 'failed' as const)
    .then((result) => {
      if (ctx.integrity === 'checking' || result === 'failed') ctx.integrity = result;
    });
  // The report fonts are inflated on the thread pool now, so the first document does not wait on them.
  void loadReportFonts().catch((err: unknown) => console.error(`CreditDesk: the report fonts could not be read (${(err as Error).message}); reinstall CreditDesk.`));
  // The jobs' first run goes on behind the login screen; a start never waits for it.
  const scheduler = startScheduler(officeJobs(ctx), { repeat: options.repeatMaintenance ?? true });
  return {
    ctx,
    startupJobs: scheduler.firstRun,
    dispatch: createDispatcher(ctx),
    close: async () => {
      await scheduler.stop();
      // Evaluation notifications not yet delivered are recorded as interrupted, while the database is open.
      await closeEvaluations(ctx);
      await pdf.close();
      await checked;
      // A signed checkpoint of the final head: a tail cut off after this close shows in audit verify.
      await writeAuditCheckpoint(ctx).catch((err: unknown) => console.error(`CreditDesk: no audit checkpoint on close (${(err as Error).message}).`));
      if (options.backupOnClose) {
        await backupNow(ctx).then(
          (b) => console.error(`CreditDesk: backup written to ${b.path}`),
          (err: unknown) => console.error(`CreditDesk: the backup on close failed (${(err as Error).message}); run \`creditdesk backup\`.`),
        );
      }
      await db.close();
      forgetOfficeKeys(options.dataDir);
      await claim.release();
    },
  };
}
