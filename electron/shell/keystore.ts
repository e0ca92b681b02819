import { safeStorage } from 'electron';
import type { OsKeystore } from '../keys/officeKeyFile';
import { osKeystoreOf } from '../keys/osKeystore';

// The OS keystore through Electron's safeStorage (async API); the checks live in
// electron/keys/osKeystore.ts, which runs (and is tested) without Electron. Call after app 'ready'.

export function openOsKeystore(): Promise<OsKeystore> {
  return osKeystoreOf(safeStorage);
}
