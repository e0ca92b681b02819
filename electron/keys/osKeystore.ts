import { AppError } from '../../shared/errors';
import type { OsKeystore } from './officeKeyFile';

// Whether this computer's OS keystore (DPAPI, Keychain, libsecret/kwallet), as Electron's
// safeStorage offers it, can hold the office's data-encryption key (electron/keys/officeKeyFile).
// Electron itself is not imported here: electron/shell/keystore.ts hands in the real safeStorage.
// Linux's `basic_text` backend encrypts with a password hard-coded in Chromium: it would look like
// protection and be none, so it is refused and the office uses its unlock passphrase instead.

/** The part of Electron's safeStorage (async API) the keystore uses. */
export interface SafeStorageApi {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  /** Linux only: which store Chromium picked ('basic_text', 'gnome_libsecret', 'kwallet6', ...). */
  getSelectedStorageBackend(): string;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
}

export const PASSPHRASE_ALTERNATIVE =
  'Start CreditDesk with the office unlock passphrase instead: `--passphrase-file FILE` (docs/operations.md, "Office passphrase").';

/** Throws KEYSTORE_UNAVAILABLE when there is no keystore, or only one that protects nothing. */
export async function osKeystoreOf(storage: SafeStorageApi, platform: NodeJS.Platform = process.platform): Promise<OsKeystore> {
  if (!(await storage.isAsyncEncryptionAvailable())) {
    throw new AppError('KEYSTORE_UNAVAILABLE', `This computer offers no OS keystore to CreditDesk. ${PASSPHRASE_ALTERNATIVE}`);
  }
  const backend = platform === 'linux' ? storage.getSelectedStorageBackend() : platform;
  if (backend === 'basic_text' || backend === 'unknown') {
    throw new AppError(
      'KEYSTORE_UNAVAILABLE',
      `The only OS keystore here is Chromium's "basic_text" fallback (a fixed, public password), which protects nothing; install and unlock a Secret Service keyring (GNOME Keyring, KWallet) or: ${PASSPHRASE_ALTERNATIVE}`,
      { backend },
    );
  }
  return {
    backend,
    encrypt: (plain) => storage.encryptStringAsync(plain),
    decrypt: async (blob) => (await storage.decryptStringAsync(blob)).result,
  };
}
