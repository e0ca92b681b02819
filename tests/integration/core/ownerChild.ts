// Child process for the data directory ownership tests: takes DIR (just the claim, or a whole core
// with `core`), prints "owner PID" or "refused PID|-" (the owner it was told of), and holds the
// directory until its stdin ends (or it is killed, which is the point of some tests).
import { claimDataDir, DataDirInUse } from '../../../electron/db/dataDirOwner';
import { openCore } from '../../../electron/core';
import { TEST_UNLOCK } from '../../support/core';

const [dir, mode] = process.argv.slice(2);
process.env.CREDITDESK_QUIET = '1';
try {
  const close = mode === 'core'
    ? await openCore({ dataDir: dir!, unlock: TEST_UNLOCK, now: () => new Date('2026-11-20T02:00:00Z'), repeatMaintenance: false }).then((c) => () => c.close())
    : await claimDataDir(dir!, { role: 'core' }).then((c) => () => c.release());
  process.stdout.write(`owner ${process.pid}\n`);
  process.stdin.resume();
  process.stdin.once('end', () => void close().then(() => process.exit(0)));
} catch (err) {
  if (!(err instanceof DataDirInUse)) throw err;
  process.stdout.write(`refused ${err.owner?.pid ?? '-'}\n`);
  process.exit(0);
}
