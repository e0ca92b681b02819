// Child process for the export crash test: writes the next export of the office in DIR, reporting
// each step on stdout ("phase planned": the plan committed; "phase written": the bundle flushed and
// renamed, not yet recorded). After each it blocks until the parent says go on (one byte on stdin),
// so the parent's SIGKILL lands exactly between the steps, however loaded the machine is.
import { readSync } from 'node:fs';
import { openCore } from '../../../electron/core';
import { writeExport } from '../../../electron/services/syncService';
import { TEST_UNLOCK } from '../../support/core';

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

const [dir] = process.argv.slice(2);
process.env.CREDITDESK_QUIET = '1';
const core = await openCore({ dataDir: dir!, now: () => new Date(process.env.CRASH_NOW!), unlock: TEST_UNLOCK, repeatMaintenance: false });
process.stdout.write('opened\n');
await writeExport(core.ctx, null, (phase) => {
  process.stdout.write(`phase ${phase}\n`);
  waitForParent();
});
process.stdout.write('recorded\n');
await core.close();
