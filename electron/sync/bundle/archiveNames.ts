// Names come from an allowlist, so nothing in a bundle can address a path outside its own
// namespace even if a later layer did write files (bundle-security.md property 11).
import { fail } from './errors';

const ALLOWED = /^[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*$/;
export const MAX_NAME_LENGTH = 64;

export function checkFileName(name: string): void {
  if (name.includes('\0') || name.includes('\\') || name.startsWith('/') || /^[A-Za-z]:/.test(name)
    || name.split('/').some((seg) => seg === '..' || seg === '.')) {
    fail('BUNDLE_UNSAFE_PATH', { name: JSON.stringify(name).slice(1, -1) });
  }
  if (name.length === 0 || name.length > MAX_NAME_LENGTH || !ALLOWED.test(name)) {
    fail('BUNDLE_BAD_FILE_NAME', { name: JSON.stringify(name).slice(1, -1) });
  }
}

/** Two names that a case-insensitive or normalizing file system would merge count as one. */
export function collisionKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
