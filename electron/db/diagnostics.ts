import { appendFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Beside the database file, in the data directory. */
export const DIAGNOSTICS_FILE = 'diagnostics.log';

/**
 * Diagnostics (slow queries, a failed ROLLBACK) are for whoever looks after the machine, not for
 * the output of a staff command: they are appended to diagnostics.log in the data directory, and
 * also written to stderr only when asked (`--verbose`, i.e. CREDITDESK_VERBOSE=1) — or, for
 * errors, unless CREDITDESK_QUIET=1. A log that cannot be written never fails the query it is about.
 */
export function diagnostic(databaseFile: string, line: string, level: 'info' | 'error' = 'info'): void {
  const stamped = `${new Date().toISOString()} ${line}\n`;
  try {
    appendFileSync(join(dirname(databaseFile), DIAGNOSTICS_FILE), stamped, { mode: 0o600 });
  } catch {
    // The data directory is read-only or gone; stderr below is the only place left.
  }
  const verbose = process.env.CREDITDESK_VERBOSE === '1';
  if (verbose || (level === 'error' && process.env.CREDITDESK_QUIET !== '1')) process.stderr.write(stamped);
}
