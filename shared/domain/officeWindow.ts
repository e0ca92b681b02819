// The office host's windows (issue 23): what a window is, and the join code an administrator
// hands to a workstation. Shared so the admin screen, the core and the command line read one rule.

/** A one-time enrollment code is good for this many minutes of the office clock. */
export const ENROLLMENT_CODE_MINUTES = 10;
/** How long enrollment stays paused after too many wrong codes (electron/services/office/enrollmentGuard.ts). */
export const ENROLL_PAUSE_MINUTES = 10;
export const WINDOW_NUMBER_MAX = 999;
export const WINDOW_NAME_MAX = 40;

export type WindowStatus = 'active' | 'disabled' | 'revoked';

/** The enrolled window a call came through (issue 23): its number, and the workstation's enrolled id. */
export interface AtWindow {
  id: string;
  number: number;
}

/**
 * What a workstation needs to join: where the host listens, the pin of the host's key (SHA-256 of
 * its SPKI, hex) and the one-time secret. `pin` may be only the first 16 hex digits when typed
 * from the screen (64 bits: no key can be made to match it within the code's ten minutes).
 */
export interface JoinCode {
  address: string;
  port: number;
  pin: string;
  secret: string;
}

const PREFIX = 'creditdesk-join';
// Crockford's base32: no I, L, O or U, so a typed code has no letters that read as digits.
export const SECRET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const SECRET_LENGTH = 16;
export const PIN_MIN_HEX = 16;

export class JoinCodeError extends Error {
  constructor(readonly reason: 'code_malformed' | 'pin_malformed' | 'address_malformed') {
    super(reason);
  }
}

/** The secret as typed: case, spaces and dashes ignored, O read as 0 and I or L as 1. */
export function normaliseSecret(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The short code shown on the screen: the secret in groups of four. */
export function shortCode(secret: string): string {
  return secret.match(/.{1,4}/g)!.join('-');
}

export function formatJoinCode(j: JoinCode): string {
  return [PREFIX, '1', j.address, String(j.port), j.pin, j.secret].join('/');
}

function checked(j: JoinCode): JoinCode {
  const secret = normaliseSecret(j.secret);
  if (secret.length !== SECRET_LENGTH || [...secret].some((c) => !SECRET_ALPHABET.includes(c))) throw new JoinCodeError('code_malformed');
  const pin = j.pin.toLowerCase().replace(/[\s:-]/g, '');
  if (!/^[0-9a-f]+$/.test(pin) || pin.length < PIN_MIN_HEX || pin.length > 64) throw new JoinCodeError('pin_malformed');
  if (!Number.isInteger(j.port) || j.port < 1 || j.port > 65535 || !/^[0-9a-fA-F.:]+$/.test(j.address)) throw new JoinCodeError('address_malformed');
  return { address: j.address, port: j.port, pin, secret };
}

/** The whole code (the QR's text), or the short code with the host's address and pin typed beside it. */
export function parseJoinCode(code: string, typed: { host?: string; pin?: string } = {}): JoinCode {
  const trimmed = code.trim();
  if (trimmed.startsWith(`${PREFIX}/`)) {
    const parts = trimmed.split('/');
    if (parts.length !== 6 || parts[1] !== '1') throw new JoinCodeError('code_malformed');
    return checked({ address: parts[2]!, port: Number(parts[3]), pin: parts[4]!, secret: parts[5]! });
  }
  if (!typed.host || !typed.pin) throw new JoinCodeError('code_malformed');
  const m = /^\[?([0-9a-fA-F.:]+?)\]?:(\d{1,5})$/.exec(typed.host.trim());
  if (!m) throw new JoinCodeError('address_malformed');
  return checked({ address: m[1]!, port: Number(m[2]), pin: typed.pin, secret: trimmed });
}
