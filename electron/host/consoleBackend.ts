import { openCore } from '../core';
import type { DataDirClaim } from '../db/dataDirOwner';
import { ensureDemoOffice } from '../demo/demoOffice';
import type { OfficeKeys } from '../keys/derive';
import type { OfficeUnlock } from '../keys/officeKeyFile';
import { beginOfficeUnlock } from '../keys/unlockOffice';
import { joinedAnOffice, readWindowIdentity, type WindowIdentity } from '../office/windowIdentity';
import type { Dispatch } from '../api/dispatcher';
import { windowRelay, type WindowRelay } from './windowRelay';

// What a console's renderer talks to (issue 23), the same for the desktop app and browser mode:
// the office's own core, or, on a workstation that joined an office host, a relay of every call to
// the host as this window. The Electron main process and browser mode only carry bytes to it.

export interface ConsoleBackend {
  dispatch: Dispatch;
  /** The window this console is, when it is one. */
  window: WindowIdentity | null;
  close(): Promise<void>;
}

/** The window's relay, its key opened with this workstation's own key file; the claim is released if it cannot be opened. */
export async function openWindowRelay(dataDir: string, unlocking: Promise<OfficeKeys>, claim: DataDirClaim): Promise<WindowRelay & { identity: WindowIdentity }> {
  let joined;
  try {
    joined = await readWindowIdentity(dataDir, (await unlocking).seal);
  } catch (err) {
    await claim.release();
    throw err;
  }
  if (!joined) {
    await claim.release();
    throw new Error(`${dataDir} has no window key: join an office again with --join CODE.`);
  }
  return { ...windowRelay(joined), identity: joined.identity };
}

export async function openConsoleBackend(a: { dataDir: string; demo: boolean; unlock: OfficeUnlock; claim: DataDirClaim; say?: (line: string) => void }): Promise<ConsoleBackend> {
  if (!a.demo && (await joinedAnOffice(a.dataDir))) {
    const relay = await openWindowRelay(a.dataDir, beginOfficeUnlock(a.dataDir, a.unlock, false), a.claim);
    return {
      dispatch: relay.dispatch,
      window: relay.identity,
      close: async () => {
        relay.close();
        await a.claim.release();
      },
    };
  }
  const core = await openCore({ dataDir: a.dataDir, demo: a.demo, unlock: a.unlock, claim: a.claim, backupOnClose: true });
  if (a.demo) await ensureDemoOffice(core, a.say ?? ((line) => console.log(line)));
  return { dispatch: core.dispatch, window: null, close: () => core.close() };
}
