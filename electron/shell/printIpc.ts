import { BrowserWindow, dialog, ipcMain } from 'electron';
import { writeFile } from 'node:fs/promises';
import { PRINT_CHANNEL, PRINTERS_CHANNEL } from './channel';
import { checkRequest, listPrinters, printPdf } from './pdfPrint';
import { isAppUrl } from './security';

/**
 * Prints, or saves, the very PDF the console previews (bytes the core made). Printing goes to
 * the OS spooler (pdfPrint.ts); "save as PDF" writes the same bytes where the user chooses.
 */
export function registerPrintHandler(): void {
  ipcMain.handle(PRINTERS_CHANNEL, async (event) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return [];
    return listPrinters().catch(() => []);
  });
  ipcMain.handle(PRINT_CHANNEL, async (event, msg: { pdf?: unknown; mode?: unknown; printer?: unknown; copies?: unknown; suggestedName?: unknown }) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return { ok: false, jobId: null, reason: 'not the console' };
    const checked = checkRequest(msg?.pdf, { printer: msg?.printer, copies: msg?.copies });
    if (typeof checked === 'string') return { ok: false, jobId: null, reason: checked };
    if (msg.mode === 'pdf') {
      const owner = BrowserWindow.fromWebContents(event.sender);
      const name = typeof msg.suggestedName === 'string' ? msg.suggestedName.replace(/[^\w.\-\u4e00-\u9fff]/g, '_').slice(0, 80) : 'document';
      const options = { defaultPath: `${name}.pdf`, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { ok: false, jobId: null, reason: 'cancelled' };
      await writeFile(choice.filePath, checked.pdf);
      return { ok: true, jobId: null, reason: null };
    }
    return printPdf(checked.pdf, checked.req);
  });
}
