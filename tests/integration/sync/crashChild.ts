// Child process for the crash test: imports FILE into the office in DIR and reports progress on
// stdout, so the parent can kill it at chosen points during the apply. After each report it blocks
// until the parent says go on (one byte on stdin): the parent's kill then always lands inside the
// open transaction, however loaded the machine is, instead of racing the commit.
import { openCore } from '../../../electron/core';
import { TEST_UNLOCK } from '../../support/core';
import { waitForParent } from '../../support/waitForParent';
import { importBundle } from '../../../electron/services/sync';

const [dir, file] = process.argv.slice(2);
process.env.CREDITDESK_QUIET = '1';
const core = await openCore({ dataDir: dir!, now: () => new Date(process.env.CRASH_NOW!), unlock: TEST_UNLOCK });
process.stdout.write('opened\n');
await importBundle(core.ctx, null, file!, 'big.cdbundle', {
  onProgress: (done, total) => {
    process.stdout.write(`progress ${done} ${total}\n`);
    waitForParent();
  },
  // After the platform half committed and before the office half: the other side of the commit point.
  onPhase: (phase) => {
    process.stdout.write(`phase ${phase}\n`);
    waitForParent();
  },
});
process.stdout.write('committed\n');
await core.close();
