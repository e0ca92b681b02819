import { app, protocol, session, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../host/securityHeaders';
import { readStatic } from '../host/staticFiles';
import { APP_SCHEME, appRequestPath, devServerOrigin, isAllowedNavigation, isAppUrl as isAppUrlAt } from './appOrigin';

/** The dev server's origin, honoured only when running unpackaged (see appOrigin.ts). */
export function devOrigin(): string | null {
  return devServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged);
}

/** Whether a URL is the console itself: exact origin, for navigation and IPC sender checks. */
export function isAppUrl(url: string): boolean {
  return isAppUrlAt(url, devOrigin());
}

/** An IPC message is the console's only if it comes from the console's own top-level frame. */
export function isConsoleSender(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

// Before app ready: the console's scheme is a standard, secure origin (so 'self' in the CSP and
// fetch work), and only it.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Serves the built renderer on creditdesk://console/ (never file://), with the CSP on every response. */
function serveConsole(): void {
  const root = join(__dirname, '../renderer');
  protocol.handle(APP_SCHEME, async (request) => {
    const path = request.method === 'GET' ? appRequestPath(request.url) : null;
    const file = path ? await readStatic(root, path) : null;
    if (!file) return new Response('not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return new Response(new Uint8Array(file.body), { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': file.type, 'Cache-Control': 'no-store' } });
  });
}

/**
 * All renderer hardening in one place: no navigation or redirect away (any frame), no new
 * windows, no webviews, no permission prompts, a strict CSP on every response. External links
 * are refused: the office network is isolated and the console has nowhere to send anyone.
 */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e) => {
      if (!isAllowedNavigation(e.url, e.isMainFrame, devOrigin())) e.preventDefault();
    });
    contents.on('will-frame-navigate', (e) => {
      if (!isAllowedNavigation(e.url, e.isMainFrame, devOrigin())) e.preventDefault();
    });
    contents.on('will-redirect', (e) => {
      if (!isAllowedNavigation(e.url, e.isMainFrame, devOrigin())) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(() => {
    serveConsole();
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
  }).catch((err: unknown) => {
    // Without the permission and CSP handlers the console must not run at all.
    console.error('CreditDesk could not install its session protections:', err);
    app.exit(1);
  });
}
