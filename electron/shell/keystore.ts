import { safeStorage } from 'electron';
import { useKeyWrapper } from '../services/officeKeyService';

// Wraps the office signing key with the OS keystore (DPAPI, Keychain, libsecret) so that the key
// file copied off this machine or account is useless. Call once after app 'ready', before the core
// signs anything. Where the OS offers no keystore the plain owner-only file stays in use.
export function installOfficeKeyWrapper(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  useKeyWrapper({
    wrap: (pem) => safeStorage.encryptString(pem),
    unwrap: (data) => safeStorage.decryptString(data),
  });
  return true;
}
