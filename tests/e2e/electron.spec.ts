import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Like tools/launch.mjs: never require('electron'), which tries to download a missing binary. */
function electronBinary(): string | null {
  const dir = join(root, 'node_modules', 'electron');
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

// The same first screen through the real Electron shell: preload bridge, IPC, sandboxed window.
test('Electron window opens the console on the login screen and logs a demo clerk in', async () => {
  test.skip(!binary, 'Electron binary not installed on this machine (npm run electron:fetch where a network allows)');
  const dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: [root, '--demo', '--data-dir', dataDir], cwd: root });
  try {
    let out = '';
    app.process().stdout?.on('data', (d: Buffer) => (out += d.toString()));
    const win = await app.firstWindow();
    await expect(win.getByTestId('login-username')).toBeVisible({ timeout: 60_000 });
    const password = /demo account\s+clerk\s+clerk\s+(\S+)/.exec(out)?.[1] ?? '';
    await win.getByTestId('login-username').fill('clerk');
    await win.getByTestId('login-password').fill(password);
    await win.getByTestId('login-submit').click();
    await expect(win.getByTestId('id-number')).toBeFocused();
    expect(await win.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
