import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// Who may call browser mode's API (issue 28: a reload logged the clerk out and a second window
// needed a restart, because the launch key lived in one tab). The launch key is taken up once, by
// the first browser that opens the one-time page: POST /launch with the key answers with a cookie
// and spends the key. From then on only that browser's cookie admits: its reloads and its other
// windows work, a replayed launch link does not. docs/security.md, "Browser mode", says why a
// cookie and what it does not protect.

export const KEY_HEADER = 'x-creditdesk-key';
/** The page posts the launch key here, once, before any other call. */
export const LAUNCH_PATH = '/launch';

function same(given: string | undefined, expected: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface BrowserAdmission {
  /** The API admits this request: the browser's cookie, or the launch key while no browser took it up. */
  admits(req: IncomingMessage): boolean;
  /** The request carries the launch key (spent or not): the one-time page has been used. */
  carriesKey(req: IncomingMessage): boolean;
  /**
   * POST /launch: the Set-Cookie value for a request with the unspent key (the key is spent), null
   * for a request already holding the cookie (nothing to do), or 'refused'.
   */
  takeUp(req: IncomingMessage): string | null | 'refused';
}

/**
 * The cookie is named after the port because cookies ignore ports: two consoles on one machine
 * must not overwrite each other's. HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), Path=/, no Domain (this host only), no Max-Age or Expires (it dies with the
 * browser). Not Secure: the console is plain HTTP on loopback.
 */
export function browserAdmission(secret: string, port: () => number): BrowserAdmission {
  const browserSecret = randomBytes(32).toString('base64url');
  let keySpent = false;
  const name = () => `creditdesk-${port()}`;
  const hasCookie = (req: IncomingMessage) => same(cookieValue(req.headers.cookie, name()), browserSecret);
  const carriesKey = (req: IncomingMessage) => same(req.headers[KEY_HEADER] as string | undefined, secret);
  return {
    admits: (req) => hasCookie(req) || (!keySpent && carriesKey(req)),
    carriesKey,
    takeUp(req) {
      if (hasCookie(req)) return null;
      if (keySpent || !carriesKey(req)) return 'refused';
      keySpent = true;
      return `${name()}=${browserSecret}; Path=/; HttpOnly; SameSite=Strict`;
    },
  };
}
