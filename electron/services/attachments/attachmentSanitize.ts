import { EventEmitter } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { spawnWorker, workerScript } from '../../worker/spawnWorker';
import { refuseAttachment, attachmentRefusal } from './attachmentRefusal';
import { checkPixelCap } from './imageDimensions';

// What an uploaded scan is allowed to be. A file is not trusted for its first bytes: images are
// decoded and encoded again, so only pixels survive; a PDF is parsed and refused if anything in it
// can act (pdfInspection.ts). Issue 29, item 6: decoding is the costly part (a 7000 × 7000 PNG froze
// the host for 12.3 s), so it runs in a worker thread (attachmentWorker.ts) with a heap limit and a
// time limit; the main thread keeps serving the counter meanwhile, and a worker over either limit
// is stopped and the upload refused in plain words. The pixel cap is checked before any of it.

export type AttachmentMimeType = 'image/png' | 'image/jpeg' | 'application/pdf';
export interface AttachmentJob {
  mimeType: AttachmentMimeType;
  content: Uint8Array;
}
/** The worker's answer: the re-encoded image (null: the PDF passed and is kept as it is), or the refusal. */
export type AttachmentJobResult = { ok: true; bytes: Uint8Array | null } | { ok: false; code: ErrorCode; message: string; details?: Record<string, unknown> };

/** Heap of one worker. pdf-lib's objects live there; decoded pixels are buffers outside it, bounded by the pixel cap. */
export const ATTACHMENT_WORKER_HEAP_MB = 256;
/** A 300-dpi A3 PNG re-encodes in about 4 s on the office's 2-core machine; anything past this is refused. */
export const ATTACHMENT_WORKER_SECONDS = 30;
/** Workers at once: the other uploads wait their turn, so a queue of scans cannot take every core. */
const MAX_WORKERS = 2;

/** 'start' and 'end' (with the MIME type) around each worker run: for the log and the tests. */
export const attachmentJobs = new EventEmitter();

const ACCEPTED: readonly string[] = ['image/png', 'image/jpeg', 'application/pdf'];

/** Returns the bytes to store: the re-encoded image, or the PDF unchanged once it passed the inspection. */
export async function sanitizeAttachment(mimeType: string, content: Buffer): Promise<Buffer> {
  if (!ACCEPTED.includes(mimeType)) {
    refuseAttachment('type_not_accepted', `The file type ${mimeType} is not accepted; attach a PNG or JPEG image or a PDF.`, { mimeType });
  }
  const type = mimeType as AttachmentMimeType;
  if (type !== 'application/pdf') checkPixelCap(type, content);
  const release = await workerSlot();
  try {
    const result = await runWorker({ mimeType: type, content });
    if (!result.ok) throw new AppError(result.code, result.message, result.details);
    return result.bytes ? Buffer.from(result.bytes.buffer, result.bytes.byteOffset, result.bytes.byteLength) : content;
  } finally {
    release();
  }
}

const limit = (name: string, fallback: number): number => {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
/** CREDITDESK_ATTACHMENT_WORKER_HEAP_MB and _SECONDS lower the limits (tests prove a file over them is refused). */
const workerLimits = () => ({
  heapMb: limit('CREDITDESK_ATTACHMENT_WORKER_HEAP_MB', ATTACHMENT_WORKER_HEAP_MB),
  seconds: limit('CREDITDESK_ATTACHMENT_WORKER_SECONDS', ATTACHMENT_WORKER_SECONDS),
});

let running = 0;
const queue: (() => void)[] = [];
async function workerSlot(): Promise<() => void> {
  if (running >= MAX_WORKERS) await new Promise<void>((resolve) => queue.push(resolve));
  else running++;
  // The slot passes straight to the next waiter, so `running` stays counted.
  return () => {
    const next = queue.shift();
    if (next) next();
    else running--;
  };
}

function runWorker(job: AttachmentJob): Promise<AttachmentJobResult> {
  const { heapMb, seconds } = workerLimits();
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = spawnWorker(workerScript(import.meta.url, 'attachmentWorker'), job, { maxOldGenerationSizeMb: heapMb });
    } catch (err) {
      reject(err as Error);
      return;
    }
    attachmentJobs.emit('start', job.mimeType);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      attachmentJobs.emit('end', job.mimeType);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(attachmentRefusal('check_too_slow', `Checking the file took longer than ${seconds} seconds, so it was stopped and refused; scan at a lower resolution or fewer pages.`, { seconds })),
        ),
      seconds * 1000,
    );
    worker.on('message', (result: AttachmentJobResult) => settle(() => resolve(result)));
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? attachmentRefusal('check_too_much_memory', `Checking the file needed more than ${heapMb} MB of memory, so it was stopped and refused; scan at a lower resolution or fewer pages.`, { megabytes: heapMb })
            : err,
        ),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`The attachment worker stopped (exit code ${code}) before it answered.`))));
  });
}
