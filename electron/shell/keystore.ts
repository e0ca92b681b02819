import { safeStorage } from 'electron';
import { AppError } from '../../shared/errors';
import type { OsKeystore } from '../keys/officeKeyFile';

// The OS keystore (DPAPI, Keychain, libsecret/kwallet) through safeStorage's async API, which
// wraps the office's data-encryption key (electron/keys/officeKeyFile). Call after app 'ready'.
// Linux's `basic_text` backend encrypts with a password hard-coded in Chromium: it would look like
// protection and be none, so it is refused and the office uses its unlock passphrase instead.

export const PASSPHRASE_ALTERNATIVE =
  'Start CreditDesk with the office unlock passphrase instead: `--passphrase-file FILE` (docs/operations.md, "Office passphrase").';

export async function openOsKeystore(): Promise<OsKeystore> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    throw new AppError('KEYSTORE_UNAVAILABLE', `This computer offers no OS keystore to CreditDesk. ${PASSPHRASE_ALTERNATIVE}`);
  }
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform;
  if (backend === 'basic_text' || backend === 'unknown') {
    throw new AppError(
      'KEYSTORE_UNAVAILABLE',
      `The only OS keystore here is Chromium's "basic_text" fallback (a fixed, public password), which protects nothing; install and unlock a Secret Service keyring (GNOME Keyring, KWallet) or: ${PASSPHRASE_ALTERNATIVE}`,
      { backend },
    );
  }
  return {
    backend,
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (blob) => (await safeStorage.decryptStringAsync(blob)).result,
  };
}
