import { BrowserWindow } from 'electron';

// Prints a report document (the standalone HTML from report.print) exactly as previewed: a hidden,
// script-less window loads it, waits for load and the embedded fonts, then prints to a chosen
// printer or to PDF at A4 with the document's own page size.

async function loadHidden(html: string): Promise<BrowserWindow> {
  const win = new BrowserWindow({
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { javascript: true, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true },
  });
  // A data: URL keeps the document self-contained: no file on disk, no network, no preload.
  await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
  await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
  return win;
}

export async function reportToPdf(html: string): Promise<Buffer> {
  const win = await loadHidden(html);
  try {
    return await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
  } finally {
    win.destroy();
  }
}

export async function printReport(html: string, deviceName?: string): Promise<{ ok: boolean; reason: string | null }> {
  const win = await loadHidden(html);
  try {
    return await new Promise((resolve) => {
      win.webContents.print(
        { silent: false, printBackground: true, pageSize: 'A4', margins: { marginType: 'none' }, ...(deviceName ? { deviceName } : {}) },
        (ok, reason) => resolve({ ok, reason: ok ? null : reason }),
      );
    });
  } finally {
    win.destroy();
  }
}
