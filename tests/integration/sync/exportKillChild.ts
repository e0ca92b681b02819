// Child process for the export crash test: writes the next export of the office in DIR, reporting
// each step on stdout ("phase planned": the plan committed; "phase written": the bundle flushed and
// renamed, not yet recorded). After each it blocks until the parent says go on (one byte on stdin),
// so the parent's SIGKILL lands exactly between the steps, however loaded the machine is.
import { openCore } from '../../../electron/core';
import { writeExport } from '../../../electron/services/sync';
import { TEST_UNLOCK } from '../../support/core';
import { waitForParent } from '../../support/waitForParent';

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
