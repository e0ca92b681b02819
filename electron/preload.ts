import { contextBridge, ipcRenderer } from 'electron';
import { API_CHANNEL } from './shell/channel';

// The one bridge: a single invoke function. The renderer never sees ipcRenderer itself, so it
// cannot reach any channel but the API's.
contextBridge.exposeInMainWorld('creditdesk', {
  invoke: (method: string, input: unknown, token: string | undefined) => ipcRenderer.invoke(API_CHANNEL, { method, input, token }),
});
