import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { spawnWorker, workerScript } from '../../worker/spawnWorker';
import type { PdfJob, PdfRenderer, PdfReply, PdfRequest, RenderedPdf } from './pdfJob';

// Every PDF the core makes (report previews and prints, receipts, decision notices) is rendered
// in a PDF worker thread (pdfWorker.ts), never on the thread that serves every window: with 20
// windows, lookups waited behind pdfkit for hundreds of milliseconds (docs/benchmarks.md, the
// hall). The pool starts at the first document and stays warm, so the fonts are inflated once per
// worker, not per document. A worker renders one document at a time; the others queue here.
//
// Each worker has a heap limit and each document a time limit. A worker over either, or one that
// dies, is dropped: the document it was making fails with DOCUMENT_NOT_MADE (details.reason says
// why, in zh and en through shared/i18n/errorMessages.ts), the documents queued behind it go to a
// fresh worker, and nothing else notices. The core closes the pool as it closes.

/**
 * Heap of one worker. The largest report the core issues (5,000 records of 400 characters, with
 * English labels: 446 pages) needs between 256 and 384 MB; a worker past this limit is stopped.
 */
export const PDF_WORKER_HEAP_MB = 1024;
/** That report takes 9–13 s on the office's loaded 2-core machine; a document still rendering after this is stopped. */
export const PDF_WORKER_SECONDS = 60;

export interface PdfPoolOptions {
  /** Workers at most; 1 by default, never more than 2 nor more than the cores beside the serving thread. */
  size?: number;
  heapMb?: number;
  timeoutMs?: number;
}

/** The workers a pool may run: `asked` (default 1) within 1 … min(2, cores − 1). */
export function pdfPoolSize(asked: number | undefined, cores = availableParallelism()): number {
  const most = Math.max(1, Math.min(2, cores - 1));
  return Math.min(most, Math.max(1, Math.floor(asked ?? 1)));
}

const envNumber = (name: string): number | undefined => {
  const v = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isFinite(v) && v > 0 ? v : undefined;
};

/** The pool's options from the environment: CREDITDESK_PDF_WORKERS, _PDF_WORKER_HEAP_MB, _PDF_WORKER_SECONDS. */
export function pdfPoolOptionsFromEnv(): PdfPoolOptions {
  const seconds = envNumber('CREDITDESK_PDF_WORKER_SECONDS');
  return { size: envNumber('CREDITDESK_PDF_WORKERS'), heapMb: envNumber('CREDITDESK_PDF_WORKER_HEAP_MB'), ...(seconds ? { timeoutMs: seconds * 1000 } : {}) };
}

interface Pending {
  id: number;
  job: PdfJob;
  resolve: (pdf: RenderedPdf) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  gone: boolean;
}

/** What the pool emits, for the log and the tests: a document handed to a worker, and its end. */
export interface PdfPoolEvents {
  start: [{ kind: PdfJob['kind']; worker: Worker }];
  end: [{ kind: PdfJob['kind']; ok: boolean }];
}

export class PdfPool extends EventEmitter<PdfPoolEvents> implements PdfRenderer {
  readonly size: number;
  readonly heapMb: number;
  readonly timeoutMs: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(options: PdfPoolOptions = {}) {
    super();
    this.size = pdfPoolSize(options.size);
    this.heapMb = options.heapMb ?? PDF_WORKER_HEAP_MB;
    this.timeoutMs = options.timeoutMs ?? PDF_WORKER_SECONDS * 1000;
  }

  /** Workers running now (started lazily, at most `size`). */
  get workers(): number {
    return this.slots.length;
  }

  render(job: PdfJob): Promise<RenderedPdf> {
    if (this.closed) return Promise.reject(new Error('The office is closing: no more documents are made.'));
    return new Promise<RenderedPdf>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  /** Stops every worker; a document still queued or being made fails. */
  async close(): Promise<void> {
    this.closed = true;
    const closing = new Error('The office closed before the document was made.');
    for (const p of this.queue.splice(0)) p.reject(closing);
    const slots = this.slots.splice(0);
    for (const s of slots) this.drop(s, closing);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.busy);
      if (!slot && this.slots.length < this.size) {
        try {
          slot = this.spawn();
        } catch (err) {
          // No worker can start (its script missing from this build): nothing queued can be made.
          for (const p of this.queue.splice(0)) p.reject(err as Error);
          return;
        }
      }
      if (!slot) return;
      this.dispatch(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    // pdfWorker.cjs beside browser mode's bundle, .js in the Electron build and the compiled tests, .ts through tsx.
    const worker = spawnWorker(workerScript(import.meta.url, 'pdfWorker'), null, { maxOldGenerationSizeMb: this.heapMb });
    const slot: Slot = { worker, busy: null, gone: false };
    // An idle worker never keeps the process alive (a command that forgot to close still exits);
    // a busy one does, until its answer is in.
    worker.unref();
    worker.on('message', (reply: PdfReply) => this.answered(slot, reply));
    worker.on('error', (err: Error & { code?: string }) => this.lost(slot, err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.tooMuchMemory() : this.stopped(err.message)));
    worker.on('exit', (code) => this.lost(slot, this.stopped(`exit code ${code}`)));
    this.slots.push(slot);
    return slot;
  }

  private dispatch(slot: Slot, p: Pending): void {
    slot.busy = p;
    slot.worker.ref();
    p.timer = setTimeout(() => {
      this.lost(slot, this.tooSlow());
      void slot.worker.terminate();
    }, this.timeoutMs);
    slot.worker.postMessage({ id: p.id, job: p.job } satisfies PdfRequest);
    this.emit('start', { kind: p.job.kind, worker: slot.worker });
  }

  private answered(slot: Slot, reply: PdfReply): void {
    const p = slot.busy;
    if (slot.gone || !p || p.id !== reply.id) return;
    clearTimeout(p.timer);
    slot.busy = null;
    slot.worker.unref();
    this.emit('end', { kind: p.job.kind, ok: reply.ok });
    if (reply.ok) p.resolve({ bytes: Buffer.from(reply.bytes), pages: reply.pages });
    else p.reject(errorOf(reply.error));
    this.pump();
  }

  /** The worker is gone (stopped, out of memory, over time): its one document fails, the queue moves on. */
  private lost(slot: Slot, err: AppError): void {
    if (slot.gone) return;
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    this.drop(slot, err);
    this.pump();
  }

  private drop(slot: Slot, err: Error): void {
    slot.gone = true;
    const p = slot.busy;
    slot.busy = null;
    if (!p) return;
    clearTimeout(p.timer);
    this.emit('end', { kind: p.job.kind, ok: false });
    p.reject(err);
  }

  private tooSlow(): AppError {
    const seconds = Math.round(this.timeoutMs / 100) / 10;
    return new AppError('DOCUMENT_NOT_MADE', `The document was not made within ${seconds} seconds, so making it was stopped; nothing was produced.`, { reason: 'too_slow', seconds });
  }

  private tooMuchMemory(): AppError {
    return new AppError('DOCUMENT_NOT_MADE', `Making the document needed more than ${this.heapMb} MB of memory, so it was stopped; nothing was produced.`, { reason: 'too_much_memory', megabytes: this.heapMb });
  }

  private stopped(why: string): AppError {
    return new AppError('DOCUMENT_NOT_MADE', `The thread making the document stopped before it finished (${why}); nothing was produced.`, { reason: 'worker_stopped' });
  }
}

/** A refusal made in the worker (an unprintable character) is the same AppError here; anything else, an Error with the worker's stack. */
function errorOf(e: Extract<PdfReply, { ok: false }>['error']): Error {
  if (e.app) return new AppError(e.code as AppError['code'], e.message, e.details);
  const err = new Error(e.message);
  if (e.stack) err.stack = e.stack;
  return err;
}
