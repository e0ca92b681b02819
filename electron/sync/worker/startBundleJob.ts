// Main-thread side of the bundle worker: starts one job, turns its messages back into results,
// refusals (the same BundleError / SyncError a caller would get in-thread) and a batch stream with
// one batch in flight at a time, so memory on this side is one batch whatever the bundle's size.
import { spawnWorker, workerScript } from '../../worker/spawnWorker';
import { BundleError } from '../bundle/index';
import type { BundleErrorCode } from '../bundle/index';
import { SyncError } from '../content/syncError';
import type { SyncErrorCode } from '../content/syncError';
import type { BundleSummary, ContentEnd, ImportPhase, JobInput, MainMessage, WorkerMessage } from './protocol';

type Batch = Extract<WorkerMessage, { type: 'batch' }>;
type Preview = Extract<WorkerMessage, { type: 'preview' }>;
type Header = Extract<WorkerMessage, { type: 'header' }>;
type ManifestInfo = Extract<WorkerMessage, { type: 'manifest' }>;

/** The summary a refusal's history row is labelled with: only ever from a verified header. */
const labels = new WeakMap<object, BundleSummary>();
export const refusalSummary = (e: unknown): BundleSummary | null => (typeof e === 'object' && e !== null ? (labels.get(e) ?? null) : null);
/** Carries the label over to a refusal re-made with more words. */
export function keepSummary(from: object, to: object): void {
  const s = labels.get(from);
  if (s) labels.set(to, s);
}

export interface BundleJob {
  /** The preview (mode "preview") or the checked header (mode "open"); rejects with the refusal. */
  readonly first: Promise<Preview | Header>;
  readonly phase: ImportPhase;
  /** The manifest's counts once the content began (mode "open"). */
  readonly manifest: ManifestInfo | null;
  /** The verdict once the last batch was taken: the office's part, everything verified. */
  readonly end: ContentEnd | null;
  /** The next batch of platform rows, or null once the content ended and passed every check. */
  nextBatch(): Promise<Batch | null>;
  /** Stops the worker; whatever it held goes with it. */
  cancel(): Promise<void>;
}

/**
 * The worker's heap budget. The reader streams, so a bundle of any size fits: a chunk, a line, one
 * batch of rows and the office's small files. CREDITDESK_BUNDLE_WORKER_HEAP_MB lowers it (tests prove
 * a bundle many times the budget imports).
 */
export const BUNDLE_WORKER_HEAP_MB = 256;
function workerHeapMb(): number {
  const v = Number(process.env.CREDITDESK_BUNDLE_WORKER_HEAP_MB);
  return Number.isInteger(v) && v >= 16 ? v : BUNDLE_WORKER_HEAP_MB;
}

export function startBundleJob(input: JobInput, onPhase?: (phase: ImportPhase) => void, onManifest?: (m: ManifestInfo) => void): BundleJob {
  // bundleWorker.cjs in browser mode's bundle, .js in the Electron build and the compiled tests, .ts through tsx.
  const worker = spawnWorker(workerScript(import.meta.url, 'bundleWorker'), input, { maxOldGenerationSizeMb: workerHeapMb() });
  let phase: ImportPhase = 'checking';
  let settleFirst!: { resolve: (m: Preview | Header) => void; reject: (e: unknown) => void };
  const first = new Promise<Preview | Header>((resolve, reject) => (settleFirst = { resolve, reject }));
  let manifest: ManifestInfo | null = null;
  let end: ContentEnd | null = null;
  let waiting: { resolve: (b: Batch | null) => void; reject: (e: unknown) => void } | null = null;
  let failure: unknown = null;
  let ended = false;

  const fail = (e: unknown) => {
    failure ??= e;
    settleFirst.reject(e);
    waiting?.reject(e);
    waiting = null;
  };
  worker.on('message', (m: WorkerMessage) => {
    switch (m.type) {
      case 'phase':
        phase = m.phase;
        onPhase?.(m.phase);
        return;
      case 'preview':
      case 'header':
        return settleFirst.resolve(m);
      case 'manifest':
        manifest = m;
        onManifest?.(m);
        return;
      case 'batch':
        waiting?.resolve(m);
        waiting = null;
        return;
      case 'end':
        end = m;
        ended = true;
        waiting?.resolve(null);
        waiting = null;
        return;
      case 'refused': {
        const e = m.source === 'bundle' ? new BundleError(m.code as BundleErrorCode, m.params) : new SyncError(m.code as SyncErrorCode, m.params);
        if (m.summary) labels.set(e, m.summary);
        return fail(e);
      }
      case 'failed':
        return fail(new Error(`The bundle worker failed: ${m.message}`));
    }
  });
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!ended) fail(new Error(`The bundle worker stopped (exit code ${code}) before it finished.`));
  });
  // An unobserved refusal of `first` (a caller that cancelled) must not crash the process.
  first.catch(() => undefined);

  return {
    first,
    get phase() {
      return phase;
    },
    get manifest() {
      return manifest;
    },
    get end() {
      return end;
    },
    nextBatch() {
      if (failure) return Promise.reject(failure);
      if (ended) return Promise.resolve(null);
      return new Promise<Batch | null>((resolve, reject) => {
        waiting = { resolve, reject };
        worker.postMessage({ type: 'next' } satisfies MainMessage);
      });
    },
    async cancel() {
      ended = true;
      await worker.terminate();
      fail(new Error('The bundle job was stopped.'));
    },
  };
}
