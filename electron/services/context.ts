import type { Purpose } from '../../shared/contract';
import type { Role } from '../../shared/domain/account';
import type { AtWindow } from '../../shared/domain/officeWindow';
import type { Database } from '../db/database';
import type { OfficeKeys } from '../keys/derive';
import type { PdfRenderer } from '../report/pdf/pdfJob';

/** What every service gets: the database, the clock (tests move it), and office facts. */
export interface CoreContext {
  db: Database;
  now: () => Date;
  dataDir: string;
  /** The office's at-rest keys, unwrapped at start (electron/keys). */
  keys: OfficeKeys;
  catalogs: { purposes: Purpose[] };
  office: { code: string; name: string };
  demo: boolean;
  /** Outcome of the start-up PRAGMA quick_check, which runs in the background. */
  integrity: 'checking' | 'ok' | 'failed';
  /** Where documents are rendered: the core's PDF workers, off the thread that serves every window. */
  pdf: PdfRenderer;
}

/** The authenticated caller, as the dispatcher resolved it. */
export interface Caller {
  accountId: number;
  username: string;
  role: Role;
  tokenHash: string;
  /** The enrolled window the session was opened at and is bound to; absent or null: the office's own console. */
  window?: AtWindow | null;
}
