import QRCode from 'qrcode';
import { AppError } from '../../../shared/errors';
import type { EnrollmentCodeView, WindowsOverview, WindowView } from '../../../shared/contract/windows';
import { getSetting } from '../../store/settingsStore';
import { liveWindowByNumber, windowRow, type WindowRow } from '../../store/windowStore';
import { signedInAtWindows } from '../access/authService';
import type { Caller, CoreContext } from '../context';
import { changeWindow, createEnrollmentCode, HOST_LISTEN_SETTING, listWindows } from './windowService';

// The Windows / 窗口 screen's side of the core (issue 23). Every rule is windowService's, the same
// functions the staff command line reaches (electron/host/hostAdmin.ts): they audit each change
// with the administrator who made it, and announce it to an office host serving from this core,
// which cuts a revoked or disabled window's open connections at once. A host in another process
// cannot hold the data directory while this console does, so it reads the list when it starts.

/** Scale 8 with the standard quiet zone: a code of ~110 characters is ~300 px, readable off a screen. */
const QR_SCALE = 8;
const QR_MARGIN = 4;

function view(w: WindowRow, signedIn: Map<string, string[]>): WindowView {
  return { id: w.id, number: w.number, name: w.name, status: w.status, enrolledAt: w.enrolled_at, lastContactAt: w.last_contact_at, loggedIn: w.status === 'active' ? (signedIn.get(w.id) ?? []) : [] };
}

export async function windowsOverview(ctx: CoreContext): Promise<WindowsOverview> {
  const [rows, signedIn] = await Promise.all([listWindows(ctx), signedInAtWindows(ctx)]);
  return { windows: rows.map((w) => view(w, signedIn)), hostListen: (await getSetting(ctx.db, HOST_LISTEN_SETTING)) ?? null };
}

/**
 * A one-time code for window `number`. The screen asks before replacing the workstation that holds
 * the number now: without `replace`, a number in use is refused here, before any code exists.
 */
export async function enrollFromScreen(ctx: CoreContext, caller: Caller, input: { number: number; name: string; replace: boolean }): Promise<EnrollmentCodeView> {
  const holder = await liveWindowByNumber(ctx.db, input.number);
  if (holder && !input.replace) {
    throw new AppError('CONFLICT', `Window ${input.number} is held by an enrolled workstation (${holder.name}); confirm to replace it.`, { reason: 'window_number_taken', number: input.number, name: holder.name });
  }
  const c = await createEnrollmentCode(ctx, caller, { number: input.number, name: input.name });
  const png = await QRCode.toBuffer(c.code, { type: 'png', errorCorrectionLevel: 'M', margin: QR_MARGIN, scale: QR_SCALE });
  return { number: c.number, name: c.name, code: c.code, shortCode: c.shortCode, host: c.host, pinShort: c.pin.slice(0, 16), expiresAt: c.expiresAt, qrPngBase64: png.toString('base64') };
}

export async function changeFromScreen(ctx: CoreContext, caller: Caller, id: string, change: Parameters<typeof changeWindow>[3]): Promise<WindowView> {
  // A stale screen's row (the window re-enrolled meanwhile under a new id) gets a sentence of its own.
  if (!(await windowRow(ctx.db, id))) throw new AppError('NOT_FOUND', `There is no enrolled window ${id}.`, { id, reason: 'window_unknown' });
  const changed = await changeWindow(ctx, caller, id, change);
  return view(changed, await signedInAtWindows(ctx));
}
