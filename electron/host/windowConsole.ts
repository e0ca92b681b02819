import type { DataDirClaim } from '../db/dataDirOwner';
import type { OfficeKeys } from '../keys/derive';
import { openWindowRelay } from './consoleBackend';
import { serveConsole } from './consoleLaunch';

// A joined workstation's console in browser mode (issue 23): the renderer on 127.0.0.1 as for an
// office, every call relayed to the office host as this window (consoleBackend.ts). The
// workstation's own key file unlocks the window's key; nothing of the office is kept here.

export interface WindowConsoleArgs {
  dataDir: string;
  staticDir: string;
  port: number;
  open: boolean;
  claim: DataDirClaim;
  unlocking: Promise<OfficeKeys>;
}

export async function serveWindowConsole(a: WindowConsoleArgs): Promise<void> {
  const relay = await openWindowRelay(a.dataDir, a.unlocking, a.claim);
  const { host, number, name } = relay.identity;
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
