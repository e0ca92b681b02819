import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CoreContext } from '../context';

// Lock by account *and* source (issue 29: five wrong passwords every 15 minutes from anywhere kept
// the administrator out for good). A source is a browser or desktop window that has logged in to
// the account before: a successful login hands it a device token (an HMAC under a key derived from
// the office key, naming the account), which it keeps and presents at its next login. A login
// presenting a valid token counts its failures against that token only; every other login (no
// token, a forged one, another account's) counts against the account, as before. So wrong passwords
// sent from elsewhere lock out only "elsewhere", never a browser the owner already used, and a
// guesser still gets five tries per 15 minutes per source — and the only sources that are not the
// common pool are browsers where the password was once typed correctly.
//
// The token does not log anyone in (the password is still checked); it is not a secret worth
// stealing. Counts per token live in memory, like those of unknown names (authService): a restart
// forgets them, which only lifts a lock early.

const PREFIX = 'cd1';
const TOKEN = /^cd1\.([1-9]\d{0,9})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
const DEVICES_MAX = 10_000;

export interface LoginDevice {
  accountId: number;
  /** The token's random part: the key of its failure count. */
  id: string;
  token: string;
}

function mac(ctx: CoreContext, accountId: number, id: string): Buffer {
  return createHmac('sha256', ctx.keys.loginDevices).update(`creditdesk login device v1\n${accountId}\n${id}`).digest();
}

/** A fresh token making the caller's browser a known source for this account. */
export function issueDeviceToken(ctx: CoreContext, accountId: number): LoginDevice {
  const id = randomBytes(16).toString('base64url');
  return { accountId, id, token: `${PREFIX}.${accountId}.${id}.${mac(ctx, accountId, id).toString('base64url')}` };
}

/** The device a token names, or null for anything this office did not issue. */
export function readDeviceToken(ctx: CoreContext, token: string | undefined): LoginDevice | null {
  const m = token ? TOKEN.exec(token) : null;
  if (!m) return null;
  const accountId = Number(m[1]);
  const given = Buffer.from(m[3]!, 'base64url');
  // Only the canonical spelling: base64's last character carries unused bits, so four spellings
  // decode to the same MAC, and a changed token must not pass for the device's own.
  if (given.toString('base64url') !== m[3]) return null;
  const expected = mac(ctx, accountId, m[2]!);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { accountId, id: m[2]!, token: token! } : null;
}

interface Count { failures: number; lockedUntil: string | null }
const counts = new WeakMap<CoreContext, Map<string, Count>>();
const keyOf = (d: LoginDevice) => `${d.accountId}:${d.id}`;

function countsOf(ctx: CoreContext): Map<string, Count> {
  let map = counts.get(ctx);
  if (!map) counts.set(ctx, (map = new Map()));
  return map;
}

/**
 * Takes one attempt from this device before the password is checked (synchronously, so attempts
 * sent in parallel are each counted): refused while the device is locked, otherwise the count it
 * reached and the lock that count engaged.
 */
export function reserveDeviceAttempt(ctx: CoreContext, d: LoginDevice, opts: { now: string; lockUntil: string; max: number }): Count & { refused: boolean } {
  const map = countsOf(ctx);
  const prev = map.get(keyOf(d));
  if (prev?.lockedUntil && prev.lockedUntil > opts.now) return { refused: true, ...prev };
  const failures = prev && !prev.lockedUntil ? prev.failures + 1 : 1;
  const next = { failures, lockedUntil: failures >= opts.max ? opts.lockUntil : null };
  map.delete(keyOf(d));
  map.set(keyOf(d), next);
  if (map.size > DEVICES_MAX) map.delete(map.keys().next().value!);
  return { refused: false, ...next };
}

/** A correct password clears the device's count, unless later attempts locked it meanwhile. False: locked. */
export function settleDeviceAttempt(ctx: CoreContext, d: LoginDevice, attempt: number, now: string): boolean {
  const map = countsOf(ctx);
  const c = map.get(keyOf(d));
  if (c?.lockedUntil && c.lockedUntil > now && c.failures !== attempt) return false;
  map.delete(keyOf(d));
  return true;
}

export function deviceLockedUntil(ctx: CoreContext, d: LoginDevice): string | null {
  return countsOf(ctx).get(keyOf(d))?.lockedUntil ?? null;
}

/** An administrator's unlock lifts the account's lock and every device lock of the account. */
export function clearDeviceLocks(ctx: CoreContext, accountId: number): void {
  const map = countsOf(ctx);
  for (const k of [...map.keys()]) if (k.startsWith(`${accountId}:`)) map.delete(k);
}

// The device a session logged in from: screen unlock and the password change are checks from the
// same source. Forgotten at restart (those checks then count against the account).
const sessionDevices = new WeakMap<CoreContext, Map<string, LoginDevice>>();

export function rememberSessionDevice(ctx: CoreContext, tokenHash: string, d: LoginDevice): void {
  let map = sessionDevices.get(ctx);
  if (!map) sessionDevices.set(ctx, (map = new Map()));
  map.set(tokenHash, d);
  if (map.size > DEVICES_MAX) map.delete(map.keys().next().value!);
}

export function sessionDevice(ctx: CoreContext, tokenHash: string): LoginDevice | null {
  return sessionDevices.get(ctx)?.get(tokenHash) ?? null;
}
