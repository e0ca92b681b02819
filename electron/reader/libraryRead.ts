import { spawnWorker, workerScript } from '../worker/spawnWorker';
import type { CvrRaw, LibraryFailure, LibraryJob, LibraryOutcome, SdtRaw } from './libraryJob';
import { readerError } from './readerPort';

// The serving side of a read through a vendor library (issue 25): the calls run in a worker
// thread (readerLibraryWorker.ts), and the read's deadline is kept from here. A vendor call cannot
// be interrupted, so at the deadline the worker is terminated and the read told as timed out at
// once; the thread itself ends when the blocked call returns, without holding anything up here.
// A terminated worker never runs its own close, so a second, short-lived worker closes the device
// (the vendors' port state belongs to the process, not the thread), and the next window can read.

/** What the worker may use: enough for the vendor library and a 64 KB photo. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 32 };
const CLOSE_MS = 2000;

function start(job: LibraryJob) {
  // readerLibraryWorker.cjs beside browser mode's bundle, .js in the Electron build and the compiled tests, .ts through tsx.
  return spawnWorker(workerScript(import.meta.url, 'readerLibraryWorker'), job, WORKER_LIMITS);
}

/** Closes the device after a stopped read; a close that itself hangs is given up after CLOSE_MS. */
function closeAfterTimeout(job: LibraryJob): void {
  const closer = start({ ...job, closeOnly: true });
  const timer = setTimeout(() => void closer.terminate(), CLOSE_MS);
  closer.once('exit', () => clearTimeout(timer));
  closer.once('error', () => undefined);
}

export async function libraryRead(job: LibraryJob, timeoutMs: number): Promise<SdtRaw | CvrRaw | LibraryFailure> {
  const worker = start(job);
  let late = false;
  try {
    return await new Promise<SdtRaw | CvrRaw | LibraryFailure>((resolve, reject) => {
      const timer = setTimeout(() => {
        late = true;
        reject(readerError('READER_TIMEOUT', `The reader's library did not finish within ${timeoutMs} ms`, { timeoutMs }));
      }, timeoutMs);
      const settle = () => clearTimeout(timer);
      worker.once('message', (outcome: LibraryOutcome) => {
        settle();
        resolve(outcome.ok ? outcome.raw : outcome);
      });
      worker.once('error', (err) => {
        settle();
        reject(readerError('READER_SERVICE_DOWN', `The reader's library failed: ${err.message}`, { reason: 'library_failed', library: job.library }));
      });
      worker.once('exit', (code) => {
        settle();
        reject(readerError('READER_SERVICE_DOWN', `The reader's library stopped its thread (exit ${code})`, { reason: 'library_failed', library: job.library }));
      });
    });
  } finally {
    // Not awaited: a thread blocked in the vendor's call ends only when the call returns.
    void worker.terminate();
    if (late) closeAfterTimeout(job);
  }
}
