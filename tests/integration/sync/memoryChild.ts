// Child process for the memory test: imports FILE into the office in DIR under the heap budget the
// parent set (--max-old-space-size for this thread, CREDITDESK_BUNDLE_WORKER_HEAP_MB for the bundle
// worker) and reports the outcome and this thread's largest heap.
import { openCore } from '../../../electron/core';
import { TEST_UNLOCK } from '../../support/core';
import { importBundle } from '../../../electron/services/sync';

const [dir, file] = process.argv.slice(2);
process.env.CREDITDESK_QUIET = '1';
const core = await openCore({ dataDir: dir!, now: () => new Date(process.env.CRASH_NOW!), unlock: TEST_UNLOCK });
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
const r = await importBundle(core.ctx, null, file!, 'large.cdbundle', { onProgress: () => void (peak = Math.max(peak, process.memoryUsage().heapUsed)) });
clearInterval(timer);
const n = (await core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM record'))!.n;
await core.close();
process.stdout.write(`${JSON.stringify({ result: r.result, records: n, peakHeapMiB: Math.round(peak / 2 ** 20) })}\n`);
