import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Electron would keep userData for "CreditDesk", so both modes share one office by default. */
export function defaultDataDir(demo: boolean): string {
  const base =
    process.platform === 'win32'
      ? join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'CreditDesk')
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support', 'CreditDesk')
        : join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'CreditDesk');
  // The demo office never shares a database with a real one.
  return demo ? join(base, 'demo') : base;
}
