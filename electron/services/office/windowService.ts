import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { AppError } from '../../../shared/errors';
import {
  ENROLLMENT_CODE_MINUTES,
  formatJoinCode,
  normaliseSecret,
  SECRET_ALPHABET,
  SECRET_LENGTH,
  shortCode,
  WINDOW_NAME_MAX,
  WINDOW_NUMBER_MAX,
  type WindowStatus,
} from '../../../shared/domain/officeWindow';
import { currentHostIdentity, issueWindowCertificate } from '../../office/officeCa';
import { getSetting } from '../../store/settingsStore';
import {
  enrollmentCodeBySecret,
  insertEnrollmentCode,
  insertWindow,
  listWindowRows,
  liveWindowByNumber,
  spendEnrollmentCode,
  updateWindow,
  windowRow,
  type WindowRow,
} from '../../store/windowStore';
import { auditIn } from '../audit/auditService';
import { ENROLL_LOCK_MINUTES, EnrollmentGuard } from './enrollmentGuard';
import type { Caller, CoreContext } from '../context';

// The office host's enrolled windows (issue 23): one-time codes, enrolment from a window's
// certificate request, and revoke / disable / rename. Every change is audited with the change it
// describes, and announced to the running host (onWindowChange), which cuts a revoked or disabled
// window's open connections at once.

/** Where the host last listened, written by the host when it starts: what a join code points at. */
export const HOST_LISTEN_SETTING = 'office_host_listen';

type Actor = Pick<Caller, 'accountId' | 'username'> | null;

const changes = new WeakMap<CoreContext, EventEmitter>();
function changesOf(ctx: CoreContext): EventEmitter {
  let e = changes.get(ctx);
  if (!e) changes.set(ctx, (e = new EventEmitter()));
  return e;
}

/** Called after a window's status changed and committed; returns the unsubscribe. */
export function onWindowChange(ctx: CoreContext, fn: (w: { id: string; status: WindowStatus }) => void): () => void {
  changesOf(ctx).on('change', fn);
  return () => changesOf(ctx).off('change', fn);
}

function announce(ctx: CoreContext, id: string, status: WindowStatus): void {
  changesOf(ctx).emit('change', { id, status });
}

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

function newSecret(): string {
  // 80 random bits, five to a character: no modulo bias.
  const bits = [...randomBytes(10)].map((b) => b.toString(2).padStart(8, '0')).join('');
  return Array.from({ length: SECRET_LENGTH }, (_, i) => SECRET_ALPHABET[parseInt(bits.slice(i * 5, i * 5 + 5), 2)]).join('');
}

function checkNumber(number: number): void {
  if (!Number.isInteger(number) || number < 1 || number > WINDOW_NUMBER_MAX) {
    throw new AppError('VALIDATION', `A window number is a whole number from 1 to ${WINDOW_NUMBER_MAX}.`, { field: 'number', reason: 'window_number', max: WINDOW_NUMBER_MAX });
  }
}

function checkName(name: string): string {
  const n = name.trim();
  if (n === '' || n.length > WINDOW_NAME_MAX) throw new AppError('VALIDATION', `A window's name has 1 to ${WINDOW_NAME_MAX} characters.`, { field: 'name', reason: 'window_name', max: WINDOW_NAME_MAX });
  return n;
}

export interface EnrollmentCode {
  number: number;
  name: string;
  /** The whole code: the QR's text and what `npm start -- --join` takes. */
  code: string;
  /** The secret alone, in groups of four, to type beside the address and the pin. */
  shortCode: string;
  host: string;
  pin: string;
  expiresAt: string;
}

/** A one-time code for window `number`, good for ENROLLMENT_CODE_MINUTES of the office clock. */
export async function createEnrollmentCode(ctx: CoreContext, actor: Actor, input: { number: number; name?: string }): Promise<EnrollmentCode> {
  checkNumber(input.number);
  const name = checkName(input.name ?? `${input.number}`);
  const listen = await getSetting(ctx.db, HOST_LISTEN_SETTING);
  const host = await currentHostIdentity(ctx.dataDir, ctx.office);
  if (!listen || !host) {
    throw new AppError('ENROLLMENT_REFUSED', 'The office host has not served yet: start it once with `creditdesk host --listen ADDRESS:PORT`, then make the code.', { reason: 'host_not_started' });
  }
  const port = Number(listen.slice(listen.lastIndexOf(':') + 1));
  const secret = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ENROLLMENT_CODE_MINUTES * 60_000).toISOString();
  await ctx.db.transaction(async (tx) => {
    await insertEnrollmentCode(tx, { secretSha256: sha256(secret), number: input.number, name, createdAt: now.toISOString(), expiresAt, createdBy: actor?.accountId ?? null });
    await auditIn(tx, ctx, actor, { action: 'window.enrollment_code', target: `window:${input.number}`, detail: { number: input.number, name, expiresAt } });
  });
  return {
    number: input.number,
    name,
    code: formatJoinCode({ address: host.address, port, pin: host.pin, secret }),
    shortCode: shortCode(secret),
    host: `${host.address.includes(':') ? `[${host.address}]` : host.address}:${port}`,
    pin: host.pin,
    expiresAt,
  };
}

export interface EnrolledWindow {
  windowId: string;
  number: number;
  name: string;
  certificatePem: string;
}

const guards = new WeakMap<CoreContext, EnrollmentGuard>();
function guardOf(ctx: CoreContext): EnrollmentGuard {
  let g = guards.get(ctx);
  if (!g) guards.set(ctx, (g = new EnrollmentGuard()));
  return g;
}

async function refuseEnrollment(ctx: CoreContext, source: string, reason: string, message: string, number?: number): Promise<never> {
  const locked = guardOf(ctx).refused(source, ctx.now().getTime());
  await ctx.db.transaction(async (tx) => {
    await auditIn(tx, ctx, null, { action: 'window.enroll_refused', target: number ? `window:${number}` : null, detail: { reason, source } });
    if (locked) await auditIn(tx, ctx, null, { action: 'window.enroll_locked', target: null, detail: { lock: locked, source, minutes: ENROLL_LOCK_MINUTES } });
  });
  throw new AppError('ENROLLMENT_REFUSED', message, { reason });
}

/**
 * The host's half of a join: the code spent, the window's certificate issued from its request.
 * `source` is the client's address, for the brute-force limit (enrollmentGuard.ts).
 */
export async function enrollWindow(ctx: CoreContext, input: { secret: string; csrPem: string }, source: string): Promise<EnrolledWindow> {
  if (guardOf(ctx).state(source, ctx.now().getTime()) !== 'open') {
    throw new AppError('ENROLLMENT_REFUSED', `Too many refused enrollment codes: enrollment is paused for up to ${ENROLL_LOCK_MINUTES} minutes.`, { reason: 'too_many_attempts', minutes: ENROLL_LOCK_MINUTES });
  }
  const secret = normaliseSecret(input.secret);
  if (secret.length !== SECRET_LENGTH || [...secret].some((c) => !SECRET_ALPHABET.includes(c))) {
    return refuseEnrollment(ctx, source, 'code_malformed', 'The enrollment code is not one this office makes.');
  }
  const code = await enrollmentCodeBySecret(ctx.db, sha256(secret));
  if (!code) return refuseEnrollment(ctx, source, 'code_unknown', 'There is no such enrollment code: ask the administrator for a new one.');
  if (code.used_at) return refuseEnrollment(ctx, source, 'code_used', 'This enrollment code has already been used: ask the administrator for a new one.', code.window_number);
  if (ctx.now().getTime() >= Date.parse(code.expires_at)) {
    return refuseEnrollment(ctx, source, 'code_expired', `This enrollment code expired at ${code.expires_at}: ask the administrator for a new one.`, code.window_number);
  }
  const id = randomUUID();
  const cert = await issueWindowCertificate(ctx.dataDir, ctx.office, input.csrPem, { id, number: code.window_number });
  const at = ctx.now().toISOString();
  const spent = new AppError('ENROLLMENT_REFUSED', 'This enrollment code has already been used: ask the administrator for a new one.', { reason: 'code_used' });
  let replaced: WindowRow | null;
  try {
    replaced = await ctx.db.transaction(async (tx) => {
      const old = await liveWindowByNumber(tx, code.window_number);
      if (old) {
        await updateWindow(tx, old.id, { status: 'revoked' }, at);
        await auditIn(tx, ctx, null, { action: 'window.revoke', target: `window:${old.id}`, detail: { number: old.number, reason: 're-enrolled' } });
      }
      await insertWindow(tx, { id, number: code.window_number, name: code.window_name, status: 'active', cert_sha256: cert.fingerprint256, enrolled_at: at });
      // The single use: a second request with the same code, however close behind, finds it spent
      // here and rolls back everything above.
      if (!(await spendEnrollmentCode(tx, code.id, id, at))) throw spent;
      await auditIn(tx, ctx, null, { action: 'window.enroll', target: `window:${id}`, detail: { number: code.window_number, name: code.window_name, certSha256: cert.fingerprint256 } });
      return old ?? null;
    });
  } catch (err) {
    if (err === spent) return refuseEnrollment(ctx, source, 'code_used', spent.message, code.window_number);
    throw err;
  }
  if (replaced) announce(ctx, replaced.id, 'revoked');
  return { windowId: id, number: code.window_number, name: code.window_name, certificatePem: cert.certPem };
}

export function listWindows(ctx: CoreContext): Promise<WindowRow[]> {
  return listWindowRows(ctx.db);
}

/** The enrolled window a client certificate belongs to, if it may connect now. */
export async function admittedWindow(ctx: CoreContext, id: string, fingerprint256: string): Promise<WindowRow | null> {
  const w = await windowRow(ctx.db, id);
  return w && w.status === 'active' && w.cert_sha256 === fingerprint256 ? w : null;
}

type Change = { kind: 'revoke' } | { kind: 'disable' } | { kind: 'enable' } | { kind: 'rename'; name: string };

/** Revoke (for good), disable, enable or rename an enrolled window; audited, and told to the host. */
export async function changeWindow(ctx: CoreContext, actor: Actor, id: string, change: Change): Promise<WindowRow> {
  const name = change.kind === 'rename' ? checkName(change.name) : undefined;
  const at = ctx.now().toISOString();
  const after = await ctx.db.transaction(async (tx) => {
    const w = await windowRow(tx, id);
    if (!w) throw new AppError('NOT_FOUND', `There is no enrolled window ${id}.`, { id });
    if (w.status === 'revoked') throw new AppError('CONFLICT', `Window ${w.number} (${id}) is revoked; enrol the workstation again with a new code.`, { reason: 'window_revoked' });
    const status: WindowStatus = change.kind === 'revoke' ? 'revoked' : change.kind === 'disable' ? 'disabled' : change.kind === 'enable' ? 'active' : w.status;
    await updateWindow(tx, id, { status, ...(name ? { name } : {}) }, at);
    await auditIn(tx, ctx, actor, { action: `window.${change.kind}`, target: `window:${id}`, detail: { number: w.number, ...(name ? { fromName: w.name, toName: name } : {}) } });
    return (await windowRow(tx, id))!;
  });
  announce(ctx, id, after.status);
  return after;
}
