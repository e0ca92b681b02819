// Child process for the crash test: imports FILE into the office in DIR and reports progress on
// stdout, so the parent can kill it at chosen points during the apply. After each report it blocks
// until the parent says go on (one byte on stdin): the parent's kill then always lands inside the
// open transaction, however loaded the machine is, instead of racing the commit.
import { readSync } from 'node:fs';
import { openCore } from '../../../electron/core';
import { TEST_UNLOCK } from '../../support/core';
import { importBundle } from '../../../electron/services/syncService';

function waitForParent(): void {
  const byte = Buffer.alloc(1);
  for (;;) {
    try {
      const n = readSync(0, byte, 0, 1, null);
      if (n === 1) return;
      // End of input: the parent is gone (a test that failed or timed out); so is the reason to wait.
      if (n === 0) process.exit(3);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
  }
}

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
