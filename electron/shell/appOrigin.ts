// Which URLs are the console itself, as pure functions (no Electron import, so they are unit
// tested under plain Node). The packaged console is served from its own privileged scheme
// (creditdesk://console/…), never file://: a file:// URL can be any file on the disk, so "is it
// file://" said nothing about who was asking.

export const APP_SCHEME = 'creditdesk';
export const APP_HOST = 'console';
export const APP_ENTRY = `${APP_SCHEME}://${APP_HOST}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * The development server's origin, only for an unpackaged run and only on the loopback
 * interface: a packaged build never loads code from a URL taken from the environment.
 */
export function devServerOrigin(rendererUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !rendererUrl) return null;
  const u = parse(rendererUrl);
  if (!u || u.protocol !== 'http:' || !['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) return null;
  return u.origin;
}

/** Exact origin match: the console's scheme and host, or the dev server's origin when allowed. */
export function isAppUrl(url: string, devOrigin: string | null): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === `${APP_SCHEME}:`) return u.host === APP_HOST && u.username === '' && u.password === '' && u.port === '';
  return devOrigin !== null && u.origin === devOrigin;
}

/**
 * A frame navigation is allowed to the console itself, and for subframes to the inert documents
 * the console builds in place (a receipt or report preview is an iframe with srcdoc).
 */
export function isAllowedNavigation(url: string, isMainFrame: boolean, devOrigin: string | null): boolean {
  if (isAppUrl(url, devOrigin)) return true;
  return !isMainFrame && (url === 'about:srcdoc' || url === 'about:blank');
}

/** The path inside the built renderer that a console URL asks for, or null for anything else. */
export function appRequestPath(url: string): string | null {
  const u = parse(url);
  if (!u || !isAppUrl(url, null)) return null;
  return u.pathname === '/' ? '/index.html' : u.pathname;
}
