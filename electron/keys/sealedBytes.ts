import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM with a fresh 96-bit nonce per message. The purpose string is the associated data, so
// a sealed file moved under another name (an attachment swapped for another, the sync key put where
// the signing key belongs) fails to open instead of being used for the wrong thing.

const MAGIC = Buffer.from('CDSEAL1\n', 'latin1');
const IV = 12;
const TAG = 16;

export function isSealed(bytes: Buffer): boolean {
  return bytes.length >= MAGIC.length + IV + TAG && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

export function seal(key: Buffer, purpose: string, plain: Buffer): Buffer {
  const iv = randomBytes(IV);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(Buffer.from(purpose, 'utf8'));
  const body = Buffer.concat([c.update(plain), c.final()]);
  return Buffer.concat([MAGIC, iv, c.getAuthTag(), body]);
}

/** Returns null when the bytes were not sealed by this key for this purpose (or were altered). */
export function unseal(key: Buffer, purpose: string, sealed: Buffer): Buffer | null {
  if (!isSealed(sealed)) return null;
  const iv = sealed.subarray(MAGIC.length, MAGIC.length + IV);
  const tag = sealed.subarray(MAGIC.length + IV, MAGIC.length + IV + TAG);
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAAD(Buffer.from(purpose, 'utf8'));
  d.setAuthTag(tag);
  try {
    return Buffer.concat([d.update(sealed.subarray(MAGIC.length + IV + TAG)), d.final()]);
  } catch {
    return null;
  }
}
