import type { DataDirClaim } from '../db/dataDirOwner';
import type { OfficeKeys } from '../keys/derive';
import { readWindowIdentity } from '../office/windowIdentity';
import { serveConsole } from './consoleLaunch';
import { windowRelay } from './windowRelay';

// A joined workstation's console (issue 23): the renderer on 127.0.0.1 as in browser mode, every
// call relayed to the office host as this window. The workstation's own key file unlocks the
// window's key; nothing of the office is kept here.

export interface WindowConsoleArgs {
  dataDir: string;
  staticDir: string;
  port: number;
  open: boolean;
  claim: DataDirClaim;
  unlocking: Promise<OfficeKeys>;
}

export async function serveWindowConsole(a: WindowConsoleArgs): Promise<void> {
  let joined;
  try {
    joined = await readWindowIdentity(a.dataDir, (await a.unlocking).seal);
  } catch (err) {
    await a.claim.release();
    throw err;
  }
  if (!joined) {
    await a.claim.release();
    throw new Error(`${a.dataDir} has no window key: join an office again with --join CODE.`);
  }
  const relay = windowRelay(joined);
  const { host, number, name } = joined.identity;
  await serveConsole({
    dataDir: a.dataDir,
    staticDir: a.staticDir,
    port: a.port,
    open: a.open,
    claim: a.claim,
    dispatch: relay.dispatch,
    preflight: relay.preflight,
    before: [`Window ${number} (${name}) of the office host at ${host.address}:${host.port}`, `办公主机 ${host.address}:${host.port} 的 ${number} 号窗口（${name}）`],
    close: async () => {
      relay.close();
      await a.claim.release();
    },
  });
}
