import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, PRINT_CHANNEL, PRINTERS_CHANNEL } from './shell/channel';

// The one bridge: the API's invoke, plus printing or saving a finished PDF. The renderer never
// sees ipcRenderer itself, so it cannot reach any other channel.
contextBridge.exposeInMainWorld('creditdesk', {
  invoke: (method: string, input: unknown, token: string | undefined) => ipcRenderer.invoke(API_CHANNEL, { method, input, token }),
  printers: () => ipcRenderer.invoke(PRINTERS_CHANNEL),
  printPdf: (pdf: Uint8Array, options: { printer: string | null; copies: number }) => ipcRenderer.invoke(PRINT_CHANNEL, { pdf, mode: 'print', ...options }),
  savePdf: (pdf: Uint8Array, suggestedName: string) => ipcRenderer.invoke(PRINT_CHANNEL, { pdf, mode: 'pdf', suggestedName }),
});
