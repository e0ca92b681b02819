import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeCardReader, type FakeCardReader } from '../support/fakeCardReader/fakeCardReader';
import type { Page } from '@playwright/test';
import { demoConsoleFixture, expect, test } from './fixtures';
import { shootWidths } from './screens';

// Issue 25: the administrator sets up the ID card reader and tests it on the spot; an address off
// this computer is refused in words; the auditor tells card reads from typed identities in the
// query register. Screens in Chinese and English at 1024 and 1366 px (SHOTS, outside the repo).
const SHOTS = process.env.CREDITDESK_SHOTS_DIR ?? join(process.cwd(), 'test-results', 'reader-screens');

// A console of this file's own: the reader set up here must not change the counter of other files.
test.use({ server: demoConsoleFixture() });

let fake: FakeCardReader;
test.beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  fake = await startFakeCardReader({ samId: '05.01-20231108-0012345678' });
});
test.afterAll(async () => {
  await fake.close();
});

const shoot = (page: Page, name: string, fullPage = true) => shootWidths(page, SHOTS, name, { height: 800, fullPage });

test('the administrator sets up the card reader, is refused an address off this computer, and tests it', async ({ consolePage: c, page }) => {
  await c.loginAs('admin');
  await page.getByTestId('nav-cardReader').click();
  await expect(page.getByTestId('reader-settings')).toBeVisible();
  await page.getByTestId('reader-adapter').click();
  await page.getByRole('option', { name: /HTTP/ }).click();

  await page.getByTestId('reader-url').fill('http://192.168.1.20:19196');
  await page.getByTestId('reader-save').click();
  await expect(page.getByTestId('error')).toContainText('只能是本机地址');
  expect(fake.calls).toEqual([]);

  await page.getByTestId('reader-url').fill(fake.url);
  await page.getByTestId('reader-test').click();
  await expect(page.getByTestId('reader-tested')).toHaveAttribute('data-reachable', 'true');
  await expect(page.getByTestId('reader-tested')).toContainText('读卡器连接正常');
  await page.getByTestId('reader-save').click();
  await expect(page.getByTestId('reader-saved')).toBeVisible();
  await page.getByTestId('reader-test').click();
  await expect(page.getByTestId('reader-tested')).toBeVisible();
  await shoot(page, 'reader-settings-zh');

  await page.getByTestId('language').click();
  await expect(page.getByTestId('reader-settings')).toContainText('ID card reader');
  await page.getByTestId('reader-url').fill('ws://127.0.0.1:1');
  await page.getByTestId('reader-test').click();
  await expect(page.getByTestId('error')).toContainText('must start with http://');
  await page.getByTestId('reader-url').fill(fake.url);
  await page.getByTestId('reader-test').click();
  await expect(page.getByTestId('reader-tested')).toContainText('The reader is connected');
  await shoot(page, 'reader-settings-en');
  await page.getByTestId('language').click();
});

test('a vendor library is chosen by its file name: a path is refused in words, and the test says when it is not installed', async ({ consolePage: c, page }) => {
  await c.loginAs('admin');
  await page.getByTestId('nav-cardReader').click();
  await page.getByTestId('reader-adapter').click();
  await page.getByRole('option', { name: /SDT_/ }).click();
  await expect(page.getByTestId('reader-url')).toHaveCount(0);
  await page.getByTestId('reader-library').fill('C:\\Windows\\sdtapi.dll');
  await page.getByTestId('reader-test').click();
  await expect(page.getByTestId('error')).toContainText('只能填写文件名');
  await page.getByTestId('reader-library').fill('libnotinstalled.so');
  await page.getByTestId('reader-library-port').fill('1001');
  await page.getByTestId('reader-test').click();
  await expect(page.getByTestId('reader-tested')).toHaveAttribute('data-reachable', 'false');
  await expect(page.getByTestId('reader-tested')).toContainText('动态库没有安装');
  await shoot(page, 'reader-library-zh');
  await page.getByTestId('language').click();
  await page.getByTestId('reader-library').fill('../sdtapi.dll');
  await page.getByTestId('reader-test').click();
  await expect(page.getByTestId('error')).toContainText('bare file name');
  await page.getByTestId('reader-library').fill('libnotinstalled.so');
  await page.getByTestId('reader-test').click();
  await expect(page.getByTestId('reader-tested')).toContainText('vendor library is not installed');
  await shoot(page, 'reader-library-en');
  await page.getByTestId('language').click();
});

test('the auditor filters the query register by how identity was taken', async ({ consolePage: c, page }) => {
  await c.loginAs('auditor');
  await page.getByTestId('nav-querylog').click();
  await expect(page.getByTestId('querylog-row').first()).toBeVisible();
  await expect(page.getByTestId('querylog-identity-cell').first()).toHaveText('手工输入');
  await page.getByTestId('querylog-identity').click();
  await page.getByRole('option', { name: '读卡' }).click();
  await page.getByTestId('querylog-search').click();
  await expect(page.getByTestId('querylog-empty')).toBeVisible();
  await page.getByTestId('querylog-reset').click();
  await expect(page.getByTestId('querylog-row').first()).toBeVisible();
  await shoot(page, 'querylog-identity-zh', false);
  await page.getByTestId('language').click();
  await expect(page.getByTestId('querylog-identity-cell').first()).toHaveText('typed');
  await shoot(page, 'querylog-identity-en', false);
  await page.getByTestId('language').click();
});
