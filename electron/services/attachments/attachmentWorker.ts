// Entry of the attachment worker thread (worker_threads: the same under plain Node and in Electron's
// main process). It checks one uploaded file, answers once and exits; attachmentSanitize.ts starts
// one per upload with a heap and a time limit.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { attachmentRefusal } from './attachmentRefusal';
import type { AttachmentJob, AttachmentJobResult } from './attachmentSanitize';
import { reencodeImage } from './imageReencode';

const job = workerData as AttachmentJob;
const content = Buffer.from(job.content.buffer, job.content.byteOffset, job.content.byteLength);

async function check(): Promise<Uint8Array | null> {
  if (job.mimeType !== 'application/pdf') return reencodeImage(job.mimeType, content);
  // pdf-lib only when a PDF came: it takes about 100 ms to load, twice what the rest of a worker's start does.
  const { inspectPdf } = await import('./pdfInspection');
  await inspectPdf(content);
  return null;
}

// Anything else that goes wrong while checking means the file could not be checked: it is refused
// as unreadable, never stored.
const unreadable = (err: unknown): AppError =>
  job.mimeType === 'application/pdf'
    ? attachmentRefusal('pdf_unreadable', 'The file is not a readable PDF; print it to PDF again or scan the paper.', { why: String(err) })
    : attachmentRefusal('image_unreadable', 'The file is not a readable image; scan it again.', { mimeType: job.mimeType, why: String(err) });

check().then(
  (bytes): void => parentPort!.postMessage({ ok: true, bytes } satisfies AttachmentJobResult),
  (err: unknown): void => {
    const refusal = err instanceof AppError ? err : unreadable(err);
    parentPort!.postMessage({ ok: false, code: refusal.code, message: refusal.message, details: refusal.details } satisfies AttachmentJobResult);
  },
);
