// Run by hall.spec.ts (`node --import tsx`): a demo office made by an earlier console start, served
// as the office host on ADDRESS (any port) at the office clock NOW, with windows 1 and 2 enrolled
// and two fresh workstations joined with their codes. Prints one JSON line (the host's port and the
// workstations' data directories, unlocked with TEST_PASSPHRASE) and serves until SIGTERM.
//   hallHost.ts DIR NOW ADDRESS        enrol windows 1 and 2 and join them
//   hallHost.ts DIR NOW ADDRESS PORT   the host again on its port, after a stop: nothing enrolled
import { openCore } from '../../../electron/core';
import { serveOfficeHost } from '../../../electron/host/serveOfficeHost';
import { DEMO_PASSPHRASE } from '../../../electron/keys/officeKeyFile';
import { joinOffice } from '../../../electron/office/joinOffice';
import { createEnrollmentCode } from '../../../electron/services/office/windowService';
import { clockFrom } from '../../support/clock';
import { testWorkstation } from '../../support/officeWindow';

const [dataDir, now, address, again] = process.argv.slice(2);
const core = await openCore({ dataDir: dataDir!, now: clockFrom(now!), unlock: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE } });
await core.startupJobs;
const host = await serveOfficeHost(core.ctx, address!, again ? Number(again) : 0);
const windows: { number: number; dataDir: string }[] = [];
for (const number of again ? [] : [1, 2]) {
  const code = await createEnrollmentCode(core.ctx, null, { number, name: `${number} 号窗口` });
  const ws = await testWorkstation();
  await joinOffice(ws.dir, ws.seal, code.code);
  windows.push({ number, dataDir: ws.dir });
}
const stop = async () => {
  await host.close();
  await core.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
console.log(JSON.stringify({ port: host.port, windows }));
