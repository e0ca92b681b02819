import type { OfficeUnlock } from '../../electron/keys/officeKeyFile';

/** The bench's throw-away offices are encrypted like any other, with the default scrypt cost. */
export const BENCH_UNLOCK: OfficeUnlock = { kind: 'passphrase', passphrase: 'bench-office-passphrase' };
