import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { APP_ENTRY } from './appOrigin';
import { devOrigin } from './security';

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1100,
    minHeight: 700,
    show: false,
    title: '信用服务窗口工作台 CreditDesk',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  // The dev server only in an unpackaged run; otherwise the console's own scheme (security.ts).
  void win.loadURL(devOrigin() !== null ? process.env.ELECTRON_RENDERER_URL! : APP_ENTRY);
  return win;
}
