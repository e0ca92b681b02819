import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beginOfficeUnlock } from '../../electron/keys/unlockOffice';
import { TEST_UNLOCK } from './core';

/** A workstation's own data directory, unlocked as a real one is (its own key file), for joining a test host. */
export async function testWorkstation(): Promise<{ dir: string; seal: Buffer }> {
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-window-'));
  const keys = await beginOfficeUnlock(dir, TEST_UNLOCK, false);
  return { dir, seal: keys.seal };
}
