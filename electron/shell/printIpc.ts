import { BrowserWindow, dialog, ipcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { PRINT_CHANNEL } from './channel';
import { printReport, reportToPdf } from './print';
import { isAppUrl } from './security';

const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/**
 * Prints or saves as PDF a document the console already shows in its preview (reports and
 * receipts are standalone HTML), in a hidden window at A4 — the path DESIGN.md §5 asks for.
 */
export function registerPrintHandler(): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, msg: { html?: unknown; mode?: unknown; suggestedName?: unknown }) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return { ok: false, reason: 'not the console' };
    if (typeof msg?.html !== 'string' || msg.html.length === 0 || msg.html.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'no printable document' };
    if (msg.mode === 'pdf') {
      const owner = BrowserWindow.fromWebContents(event.sender);
      const name = typeof msg.suggestedName === 'string' ? msg.suggestedName.replace(/[^\w.\-\u4e00-\u9fff]/g, '_').slice(0, 80) : 'report';
      const choice = owner
        ? await dialog.showSaveDialog(owner, { defaultPath: `${name}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] })
        : await dialog.showSaveDialog({ defaultPath: `${name}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled' };
      await writeFile(choice.filePath, await reportToPdf(msg.html));
      return { ok: true, reason: null };
    }
    return printReport(msg.html);
  });
}
