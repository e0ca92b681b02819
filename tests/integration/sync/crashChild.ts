// Child process for the crash test: imports FILE into the office in DIR and reports progress on
// stdout, so the parent can kill it at chosen points during the apply.
import { openCore } from '../../../electron/core';
import { importBundle } from '../../../electron/services/syncService';

const [dir, file] = process.argv.slice(2);
process.env.CREDITDESK_QUIET = '1';
const core = await openCore({ dataDir: dir!, now: () => new Date(process.env.CRASH_NOW!) });
process.stdout.write('opened\n');
await importBundle(core.ctx, null, file!, 'big.cdbundle', (done, total) => process.stdout.write(`progress ${done} ${total}\n`));
process.stdout.write('committed\n');
await core.close();
