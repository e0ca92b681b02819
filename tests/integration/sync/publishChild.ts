// Child process for the publish memory test: the reference platform in DIR publishes a snapshot for
// OFFICE under the heap budget the parent set (--max-old-space-size) and reports the bundle it
// wrote and this thread's largest heap.
import { openCentral } from '../../../tools/central/centralStore';
import { publish } from '../../../tools/central/platform';

const [dir, office, out] = process.argv.slice(2);
const central = await openCentral(dir!);
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
const r = await publish(central, office!, { snapshot: true, now: new Date(process.env.PUBLISH_NOW!), out: out! });
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().heapUsed);
await central.close();
process.stdout.write(`${JSON.stringify({ counts: r.counts, peakHeapMiB: Math.round(peak / 2 ** 20) })}\n`);
