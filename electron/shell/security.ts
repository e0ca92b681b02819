import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/securityHeaders';

/** Whether a URL belongs to the console itself (the packaged files or the dev server). */
export function isAppUrl(url: string): boolean {
  return url.startsWith('file://') || (process.env.ELECTRON_RENDERER_URL !== undefined && url.startsWith(process.env.ELECTRON_RENDERER_URL));
}

/**
 * All renderer hardening in one place: no navigation away, no new windows, no webviews, no
 * permission prompts, a strict CSP on every response. External links are refused: the office
 * network is isolated and the console has nowhere to send anyone.
 */
export function hardenApp(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isAppUrl(url)) e.preventDefault();
    });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
  }).catch((err: unknown) => {
    // Without the permission and CSP handlers the console must not run at all.
    console.error('CreditDesk could not install its session protections:', err);
    app.exit(1);
  });
  void shell;
}
