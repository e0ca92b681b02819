import { app, ipcMain } from 'electron';
import { openCore, type Core } from './core';
import { ensureDemoOffice } from './demo/demoOffice';
import { parseLaunchArgs, pickLaunchFlags, UsageError } from './host/launchArgs';
import { API_CHANNEL } from './shell/channel';
import { installOfficeKeyWrapper } from './shell/keystore';
import { registerPrintHandler } from './shell/printIpc';
import { hardenApp, isConsoleSender } from './shell/security';
import { createMainWindow } from './shell/window';

// The Electron glue: parse flags, open the same core the browser mode uses, route the single IPC
// channel to its dispatcher. Everything else lives in the core and is tested under plain Node.
let core: Core | null = null;

async function start(): Promise<void> {
  let args;
  try {
    args = parseLaunchArgs(pickLaunchFlags(process.argv.slice(1)));
  } catch (err) {
    console.error(err instanceof UsageError ? err.message : String(err));
    app.exit(2);
    return;
  }
  hardenApp();
  await app.whenReady();
  // Before the core can sign anything: the office key is sealed by the OS keystore where one exists.
  installOfficeKeyWrapper();
  registerPrintHandler();
  core = await openCore({ dataDir: args.dataDir, demo: args.demo });
  if (args.demo) await ensureDemoOffice(core, (line) => console.log(line));
  const dispatch = core.dispatch;
  ipcMain.handle(API_CHANNEL, async (event, msg: { method?: unknown; input?: unknown; token?: unknown }) => {
    if (!isConsoleSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Not the console.' } };
    return dispatch(String(msg?.method ?? ''), msg?.input, { token: typeof msg?.token === 'string' ? msg.token : undefined });
  });
  createMainWindow();
}

app.on('window-all-closed', () => {
  void (core?.close() ?? Promise.resolve()).finally(() => app.quit());
});

start().catch((err: unknown) => {
  console.error(`CreditDesk could not start: ${(err as Error).message}`);
  app.exit(1);
});
