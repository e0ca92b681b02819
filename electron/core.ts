import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from './api/dispatcher';
import { loadPurposes } from './catalog/loadPurposes';
import { Database } from './db/database';
import { migrate } from './db/migrate';
import type { CoreContext } from './services/context';
import { getSetting } from './store/settingsStore';
import { UNPROVISIONED_OFFICE_CODE, UNPROVISIONED_OFFICE_NAME } from '../shared/domain/office';

export const DATABASE_FILE = 'creditdesk.sqlite';

export interface CoreOptions {
  dataDir: string;
  demo?: boolean;
  now?: () => Date;
}

export interface Core {
  ctx: CoreContext;
  dispatch: Dispatch;
  close(): Promise<void>;
}

/**
 * Opens (or creates) the office database in `dataDir`, checks it, migrates it and returns the
 * dispatcher. Both the Electron main process and the browser-mode host start the console this way.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const db = await Database.open(join(options.dataDir, DATABASE_FILE));
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  const ctx: CoreContext = {
    db,
    now: options.now ?? (() => new Date()),
    dataDir: options.dataDir,
    catalogs: { purposes: await loadPurposes(db) },
    office: {
      code: (await getSetting(db, 'office_code')) ?? UNPROVISIONED_OFFICE_CODE,
      name: (await getSetting(db, 'office_name')) ?? UNPROVISIONED_OFFICE_NAME,
    },
    demo: (await getSetting(db, 'demo')) === '1',
    integrity: 'checking',
  };
  // quick_check reads the whole file (3.5 s per million subjects measured), so it runs after the
  // console is up, on the read connection; the status shows the outcome.
  const checked = db
    .get<{ quick_check: string }>('PRAGMA quick_check')
    .then((r) => (r?.quick_check === 'ok' ? 'ok' : 'failed'), () => 'failed' as const)
    .then((result) => {
      ctx.integrity = result;
      if (result === 'failed') console.error('CreditDesk: the database failed its integrity check (PRAGMA quick_check). Restore the latest backup.');
    });
  return {
    ctx,
    dispatch: createDispatcher(ctx),
    close: async () => {
      await checked;
      await db.close();
    },
  };
}
