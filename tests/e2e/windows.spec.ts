import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, type Page } from '@playwright/test';
import { ConsolePage, E2E_NOW, expect, startConsole, stopConsole } from './fixtures';
import { shootWidths } from './screens';

// Issue 23, the Windows / 窗口 screen: the administrator makes a one-time code for window 3, reads
// it off the screen (short code, QR decoded by zbar and equal to the whole code, a countdown on the
// office clock); a workstation joins with it; the administrator renames and revokes the window.
// The host and the workstation run while the console is stopped: one process owns a data directory.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHOTS = process.env.WINDOWS_SHOTS_DIR ?? join(tmpdir(), 'creditdesk-windows-shots');
const ADDRESS = '127.0.23.30';
/** The workstation joins a minute after the console's start, well inside the code's ten minutes. */
const JOIN_AT = new Date(Date.parse(E2E_NOW) + 60_000).toISOString();

function hostStep(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', join(root, 'tests', 'e2e', 'support', 'officeHostStep.ts'), ...args], { cwd: root, env: { ...process.env, CREDITDESK_QUIET: '1' }, encoding: 'utf8' });
}

test.describe.configure({ timeout: 300_000 });

/** Waits for the page's transitions (a modal opening or closing, a toast) to end before a screenshot. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
}

async function openWindows(page: Page, lang: 'zh' | 'en'): Promise<void> {
  if (lang === 'en') await page.getByTestId('language').click();
  await page.getByTestId('nav-windows').click();
  await expect(page.getByTestId('windows-screen')).toBeVisible();
}

test('the administrator enrolls window 3, reads its code and QR, then renames and revokes the joined window', async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const first = await startConsole({ demo: true });
  const passwords = first.server.passwords;
  const dataDir = first.server.dataDir;
  await stopConsole(first.server, first.child, { keepDataDir: true });
  hostStep('provision', dataDir, E2E_NOW, ADDRESS);

  // The code, made on the screen.
  let run = await startConsole({ demo: true, dataDir });
  let c = new ConsolePage(page, { ...run.server, passwords });
  await c.loginAs('admin');
  await openWindows(page, 'zh');
  await expect(page.getByTestId('windows-host')).toContainText(ADDRESS);
  await expect(page.getByTestId('windows-none')).toBeVisible();
  await page.getByTestId('window-number').fill('3');
  await page.getByTestId('window-name-input').fill('3 号窗口');
  await page.getByTestId('window-enroll').click();
  await expect(page.getByTestId('enroll-code')).toContainText('3 号窗口');
  const short = (await page.getByTestId('enroll-short-code').innerText()).trim();
  expect(short).toMatch(/^[0-9A-Z]{4}( [0-9A-Z]{4}){3}$/);
  const whole = (await page.getByTestId('enroll-whole-code').innerText()).trim();
  expect(whole).toMatch(new RegExp(`^creditdesk-join/1/${ADDRESS.replace(/\./g, '\\.')}/\\d+/[0-9a-f]{64}/${short.replace(/ /g, '')}$`));
  await expect(page.getByTestId('enroll-countdown')).toContainText(/剩余 (10:00|9:\d\d)/);
  // The QR as the screen shows it, decoded by zbar: the same whole code.
  const src = await page.getByTestId('enroll-qr').getAttribute('src');
  const png = join(SHOTS, 'enroll-qr.png');
  writeFileSync(png, Buffer.from(src!.replace(/^data:image\/png;base64,/, ''), 'base64'));
  expect(execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()).toBe(whole);
  await shootWidths(page, SHOTS, 'admin-windows-code-zh');
  await page.getByTestId('language').click();
  await expect(page.getByTestId('enroll-countdown')).toContainText(/left/);
  await shootWidths(page, SHOTS, 'admin-windows-code-en');
  await page.getByTestId('language').click();
  await stopConsole(run.server, run.child, { keepDataDir: true });

  // The workstation joins with the code while the console is stopped (the host owns the directory then).
  expect(hostStep('join', dataDir, JOIN_AT, whole)).toMatch(/^joined window 3 /);

  // The joined window, renamed and revoked on the screen.
  run = await startConsole({ demo: true, dataDir });
  c = new ConsolePage(page, { ...run.server, passwords });
  await c.loginAs('admin');
  await openWindows(page, 'zh');
  const row = page.getByTestId('window-row').filter({ has: page.getByText('3 号窗口') });
  await expect(row).toHaveAttribute('data-status', 'active');
  await expect(row.getByTestId('window-logged-in')).toHaveText('—');

  // Window 3 is taken: a new code for it asks first.
  await page.getByTestId('window-number').fill('3');
  await page.getByTestId('window-name-input').fill('新 3 号');
  await page.getByTestId('window-enroll').click();
  await expect(page.getByRole('dialog')).toContainText('3 号窗口已有注册的工作站');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  await expect(page.getByTestId('enroll-code')).toHaveCount(0);
  await page.getByTestId('window-number').fill('');
  await page.getByTestId('window-name-input').fill('');

  await row.getByTestId('window-rename').click();
  await page.getByTestId('window-rename-input').fill('综合窗口');
  await page.getByTestId('window-rename-save').click();
  const renamed = page.getByTestId('window-row').filter({ has: page.getByText('综合窗口') });
  await expect(renamed).toHaveAttribute('data-status', 'active');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The "renamed" toast is closed so that the screenshots show the screen alone.
  await page.locator('.mantine-Notification-root button').click();
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  await settled(page);
  await shootWidths(page, SHOTS, 'admin-windows-list-zh');
  await page.getByTestId('language').click();
  await shootWidths(page, SHOTS, 'admin-windows-list-en');
  await renamed.getByTestId('window-disable').click();
  await expect(renamed).toHaveAttribute('data-status', 'disabled');
  await expect(renamed.getByTestId('window-status')).toHaveText('Disabled');
  await renamed.getByTestId('window-enable').click();
  await expect(renamed).toHaveAttribute('data-status', 'active');
  await renamed.getByTestId('window-revoke').click();
  await expect(page.getByRole('dialog')).toContainText('cannot be undone');
  await settled(page);
  await page.screenshot({ path: join(SHOTS, 'admin-windows-revoke-en-1366.png') });
  await page.getByTestId('window-revoke-confirm').click();
  await expect(renamed).toHaveAttribute('data-status', 'revoked');
  await expect(renamed.getByTestId('window-status')).toHaveText('Revoked');
  await expect(renamed.getByTestId('window-revoke')).toHaveCount(0);

  // The audit log names each step and who took it (the newest first).
  await page.getByTestId('nav-audit').click();
  for (const action of ['window.revoke', 'window.rename', 'window.enroll', 'window.enrollment_code']) {
    await expect(page.locator(`[data-testid="audit-row"][data-action="${action}"]`).first()).toBeVisible();
  }
  await expect(page.locator('[data-testid="audit-row"][data-action="window.revoke"]').first()).toContainText('Revoked a window');
  await expect(page.locator('[data-testid="audit-row"][data-action="window.revoke"]').first()).toContainText('admin');
  await stopConsole(run.server, run.child);
});
