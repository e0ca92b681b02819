import { z } from 'zod';
import type { WindowStatus } from '../domain/officeWindow';
import { method } from './method';

// The Windows / 窗口 screen (issue 23): the office host's enrolled windows, managed by the
// administrator. The rules (codes, numbers, names, what a revoke does) live in windowService; the
// schemas only bound the input, so the service's own refusal is the one a person reads.

export interface WindowView {
  id: string;
  number: number;
  name: string;
  status: WindowStatus;
  enrolledAt: string;
  lastContactAt: string | null;
  /** Who is signed in at the window now (sessions are bound to the window they were opened at), by name. */
  loggedIn: string[];
}

export interface WindowsOverview {
  windows: WindowView[];
  /** Where the office host last listened, or null when it has never served (no code can be made). */
  hostListen: string | null;
}

export interface EnrollmentCodeView {
  number: number;
  name: string;
  /** The whole code: the QR's text and what `npm start -- --join` takes. */
  code: string;
  /** The secret in groups of four, read aloud or typed with the host address and pin. */
  shortCode: string;
  host: string;
  /** The first 16 hex digits of the host key's pin, typed beside the short code. */
  pinShort: string;
  expiresAt: string;
  /** The QR of `code` as a PNG, made by the core. */
  qrPngBase64: string;
}

const windowId = z.uuid();
// Loose bounds on purpose: windowService checks the number (a whole number 1 to WINDOW_NUMBER_MAX)
// and the name (1 to WINDOW_NAME_MAX characters once trimmed) and says so in the window's own words,
// where the schema's generic sentence would read "required" or name a person's name.
const name = z.string().max(1000);
const number = z.number();

export const windowsContract = {
  'windows.list': method<WindowsOverview>()({ input: z.object({}).strict(), access: 'windows.manage' }),
  'windows.enroll': method<EnrollmentCodeView>()({
    input: z
      .object({
        number,
        name,
        /** Replace the workstation that holds this number now (it is revoked when the new one joins). */
        replace: z.boolean().default(false),
      })
      .strict(),
    access: 'windows.manage',
  }),
  'windows.revoke': method<WindowView>()({ input: z.object({ id: windowId }).strict(), access: 'windows.manage' }),
  'windows.disable': method<WindowView>()({ input: z.object({ id: windowId }).strict(), access: 'windows.manage' }),
  'windows.enable': method<WindowView>()({ input: z.object({ id: windowId }).strict(), access: 'windows.manage' }),
  'windows.rename': method<WindowView>()({ input: z.object({ id: windowId, name }).strict(), access: 'windows.manage' }),
} as const;
