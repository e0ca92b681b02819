import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL, PRINT_CHANNEL } from './shell/channel';

// The one bridge: the API's invoke, plus printing a finished document. The renderer never sees
// ipcRenderer itself, so it cannot reach any other channel.
contextBridge.exposeInMainWorld('creditdesk', {
  invoke: (method: string, input: unknown, token: string | undefined) => ipcRenderer.invoke(API_CHANNEL, { method, input, token }),
  print: (html: string, mode: 'print' | 'pdf', suggestedName?: string) => ipcRenderer.invoke(PRINT_CHANNEL, { html, mode, suggestedName }),
});
