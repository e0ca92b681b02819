// Entry of a PDF worker thread (worker_threads: the same under plain Node and in Electron's main
// process). pdfPool.ts keeps one or two of them warm and sends one job at a time; the fonts are
// inflated and pdfkit loaded once, as the worker starts, and serve every document it renders.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { loadReportFonts } from './fonts';
import { pdfKit } from './pdfkit';
import { renderPdfJob, type PdfReply, type PdfRequest } from './pdfJob';

const port = parentPort!;
const warm = loadReportFonts().then(() => {
  pdfKit();
});

port.on('message', (m: PdfRequest) => {
  void answer(m);
});

async function answer({ id, job }: PdfRequest): Promise<void> {
  try {
    await warm;
    const pdf = await renderPdfJob(job);
    // The bytes move to the serving thread rather than being copied: a Buffer of a PDF's size has
    // an ArrayBuffer of its own, but a smaller one may sit in Node's shared pool.
    const b = pdf.bytes;
    const bytes = (b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b.buffer : b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)) as ArrayBuffer;
    port.postMessage({ id, ok: true, bytes, pages: pdf.pages } satisfies PdfReply, [bytes]);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const error =
      e instanceof AppError
        ? { app: true, code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) }
        : { app: false, code: (e as NodeJS.ErrnoException).code ?? '', message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
    port.postMessage({ id, ok: false, error } satisfies PdfReply);
  }
}
