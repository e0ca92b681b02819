import { removeUnlinkedUploads } from '../attachments/attachmentMaintenance';
import { sweepOverdue } from '../cases/caseQueueService';
import type { CoreContext } from '../context';
import { settleOrphanedEvaluations } from '../hall/evaluationService';

/** A background job: run once at start, then every `everyMs`. */
export interface MaintenanceJob {
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
}

/** The office's own jobs: abandoned uploads go hourly; deadlines are dates, so a minute is plenty for the overdue sweep. */
export function officeJobs(ctx: CoreContext): MaintenanceJob[] {
  return [
    { name: 'unlinked uploads', everyMs: 60 * 60 * 1000, run: () => removeUnlinkedUploads(ctx) },
    { name: 'overdue sweep', everyMs: 60 * 1000, run: () => sweepOverdue(ctx) },
    // Evaluation notifications a stopped core left pending are failed as interrupted, never sent late.
    { name: 'interrupted evaluations', everyMs: 60 * 60 * 1000, run: () => settleOrphanedEvaluations(ctx) },
  ];
}

/**
 * One place for the core's periodic work. Jobs run one at a time (never two writers racing each
 * other for the write lock), a failure is logged and never stops the next run, and the timers never
 * keep Node alive. `firstRun` settles when every job has run once; `stop` waits for the one running.
 * With `repeat: false` the jobs run once at start only: a test core whose clock the test moves
 * runs them when the test says, never on the wall clock's minute.
 */
export function startScheduler(
  jobs: readonly MaintenanceJob[],
  { repeat = true, log = (m, e) => console.error(`CreditDesk: ${m}`, e) }: { repeat?: boolean; log?: (msg: string, err: unknown) => void } = {},
) {
  let chain: Promise<unknown> = Promise.resolve();
  const enqueue = (job: MaintenanceJob) => {
    chain = chain.then(job.run).catch((err: unknown) => log(`${job.name} failed`, err));
    return chain;
  };
  const timers = (repeat ? jobs : []).map((job) => {
    const t = setInterval(() => void enqueue(job), job.everyMs);
    t.unref();
    return t;
  });
  let firstRun: Promise<unknown> = Promise.resolve();
  for (const job of jobs) firstRun = enqueue(job);
  return {
    firstRun: firstRun.then(() => undefined),
    stop: async (): Promise<void> => {
      for (const t of timers) clearInterval(t);
      await chain;
    },
  };
}
