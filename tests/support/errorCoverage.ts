import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Records that a test observed an error code (an API error returned by the dispatcher, or a sync
 * refusal a test asserted). tools/run-tests.mjs collects these across all test processes and
 * fails a full run when a catalogue code was never observed. A code named in a comment or a string counts for
 * nothing: only an error that actually happened does.
 */
export function observedError(code: unknown): void {
  const dir = process.env.CREDITDESK_ERROR_COVERAGE_DIR;
  if (!dir || typeof code !== 'string' || code === '') return;
  appendFileSync(join(dir, `${process.pid}.codes`), `${code}\n`);
}
