import { app, dialog, ipcMain } from 'electron';
import { claimDataDir, DataDirInUse } from './db/dataDirOwner';
import { openConsoleBackend, type ConsoleBackend } from './host/consoleBackend';
import { EXIT_DATA_DIR_IN_USE, secondConsoleRefusal } from './host/secondConsole';
import { parseLaunchArgs, pickLaunchFlags, UsageError } from './host/launchArgs';
import { passphraseUnlock, PASSPHRASE_ENV } from './host/passphrase';
import { officeKeyFileExists, officeKeyFileInfo, type OfficeUnlock } from './keys/officeKeyFile';
import { API_CHANNEL } from './shell/channel';
import { openOsKeystore } from './shell/keystore';
import { registerPrintHandler } from './shell/printIpc';
import { hardenApp, isConsoleSender } from './shell/security';
import { createMainWindow } from './shell/window';

// The Electron glue: parse flags, open the same core the browser mode uses, route the single IPC
// channel to its dispatcher. Everything else lives in the core and is tested under plain Node.
let core: ConsoleBackend | null = null;

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
  // One process owns a data directory (docs/operations.md): taken before the keystore or a
  // passphrase is asked for; the core releases it when it closes.
  let claim;
  try {
    claim = await claimDataDir(args.dataDir, { role: 'desktop' });
  } catch (err) {
    if (!(err instanceof DataDirInUse)) throw err;
    const text = secondConsoleRefusal(err);
    console.error(text);
    await app.whenReady();
    dialog.showErrorBox('CreditDesk', text);
    app.exit(EXIT_DATA_DIR_IN_USE);
    return;
  }
  await app.whenReady();
  registerPrintHandler();
  // The office's core, or on a joined workstation the relay to the office host (issue 23).
  core = await openConsoleBackend({ dataDir: args.dataDir, demo: args.demo, unlock: await desktopUnlock(args), claim });
  const dispatch = core.dispatch;
  ipcMain.handle(API_CHANNEL, async (event, msg: { method?: unknown; input?: unknown; token?: unknown }) => {
    if (!isConsoleSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'Not the console.' } };
    return dispatch(String(msg?.method ?? ''), msg?.input, { token: typeof msg?.token === 'string' ? msg.token : undefined });
  });
  createMainWindow();
}

/**
 * The desktop app unwraps the office key with the OS keystore; an office created with a passphrase
 * (or started with --passphrase-file, or the demo office) uses the passphrase instead.
 */
async function desktopUnlock(args: { dataDir: string; demo: boolean; passphraseFile: string | undefined }): Promise<OfficeUnlock> {
  const usesKeystore = officeKeyFileExists(args.dataDir)
    ? officeKeyFileInfo(args.dataDir).kinds.includes('os-keystore')
    : !args.demo && !args.passphraseFile && !process.env[PASSPHRASE_ENV];
  if (usesKeystore) return { kind: 'os-keystore', keystore: await openOsKeystore() };
  return passphraseUnlock(args.dataDir, { passphraseFile: args.passphraseFile, demo: args.demo });
}

app.on('window-all-closed', () => {
  void (core?.close() ?? Promise.resolve()).finally(() => app.quit());
});

start().catch((err: unknown) => {
  console.error(`CreditDesk could not start: ${(err as Error).message}`);
  app.exit(1);
});
