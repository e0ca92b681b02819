// Entry of the bundle worker thread (worker_threads: the same under plain Node and in Electron's
// main process). It runs one job and exits; the sync service starts one per import or preview.
import { parentPort, workerData } from 'node:worker_threads';
import { runBundleJob } from './bundleJob';
import type { JobInput, MainMessage, WorkerMessage } from './protocol';

const port = parentPort!;
let wake: (() => void) | null = null;
let credit = 0;
port.on('message', (m: MainMessage) => {
  if (m.type !== 'next') return;
  credit++;
  wake?.();
});

const next = (): Promise<void> => {
  if (credit > 0) {
    credit--;
    return Promise.resolve();
  }
  return new Promise<void>((resolve) => {
    wake = () => {
      wake = null;
      credit--;
      resolve();
    };
  });
};

void runBundleJob(workerData as JobInput, (m: WorkerMessage) => port.postMessage(m), next).finally(() => port.close());
