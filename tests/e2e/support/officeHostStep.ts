// Run by windows.spec.ts while its console is stopped (`node --import tsx`): the office host and a
// workstation, which cannot run beside the console (one process owns a data directory).
//   provision DIR NOW ADDRESS  the host serves once on ADDRESS (any port), so codes can be made
//   join DIR NOW CODE          the host serves on the code's address and port, and a fresh
//                              workstation joins with the code (its key made here, as on a window)
import { openCore } from '../../../electron/core';
import { serveOfficeHost } from '../../../electron/host/serveOfficeHost';
import { DEMO_PASSPHRASE } from '../../../electron/keys/officeKeyFile';
import { joinOffice } from '../../../electron/office/joinOffice';
import { parseJoinCode } from '../../../shared/domain/officeWindow';
import { testWorkstation } from '../../support/officeWindow';

const [step, dataDir, now, arg] = process.argv.slice(2);
const core = await openCore({ dataDir: dataDir!, now: () => new Date(now!), unlock: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE }, repeatMaintenance: false });
try {
  await core.startupJobs;
  if (step === 'provision') {
    await (await serveOfficeHost(core.ctx, arg!, 0)).close();
  } else {
    const { address, port } = parseJoinCode(arg!);
    const host = await serveOfficeHost(core.ctx, address, port);
    try {
      const ws = await testWorkstation();
      const joined = await joinOffice(ws.dir, ws.seal, arg!);
      console.log(`joined window ${joined.number} ${joined.windowId}`);
    } finally {
      await host.close();
    }
  }
} finally {
  await core.close();
}
