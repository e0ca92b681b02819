import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConsolePage, expect, startConsole, stopConsole, test } from './fixtures';

// The first administrator lands on the setup checklist, read from the office's real state.
test('a new office: the first administrator lands on the checklist; creating a clerk ticks the accounts step', async ({ page }) => {
  const { server, child } = await startConsole({ demo: false });
  try {
    const c = new ConsolePage(page, server);
    await c.open();
    await page.getByTestId('setup-name').fill('陈管理');
    await page.getByTestId('setup-password').fill('window-chief-2026');
    await page.getByTestId('setup-confirm').fill('window-chief-2026');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('setup-checklist')).toBeVisible();
    for (const step of ['office', 'trust', 'accounts', 'ruleProfile', 'printer']) await expect(page.getByTestId(`setup-step-${step}`)).toHaveAttribute('data-done', 'false');
    // Before provisioning the header says so in Chinese, not "000000-00".
    await expect(page.getByText('本窗口尚未开通')).toBeVisible();
    await expect(page.getByText('000000-00')).toHaveCount(0);
    const shots = join(process.cwd(), 'test-results', 'screenshots');
    mkdirSync(shots, { recursive: true });
    await page.screenshot({ path: join(shots, 'setup-checklist-zh.png') });

    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('account-username').fill('wang');
    await page.getByTestId('account-name').fill('王窗口');
    await page.getByTestId('account-password').fill('counter-clerk-7');
    await page.getByTestId('account-create').click();
    await expect(page.getByRole('row', { name: /wang/ })).toBeVisible();
    await page.getByTestId('nav-setup').click();
    await expect(page.getByTestId('setup-step-accounts')).toHaveAttribute('data-done', 'true');
    await expect(page.getByTestId('setup-step-accounts')).toContainText('受理员 1 名');
    await page.getByTestId('language').click();
    await expect(page.getByTestId('setup-step-office')).toContainText('Office provisioned');
    await page.screenshot({ path: join(shots, 'setup-checklist-en.png') });
  } finally {
    await stopConsole(server, child);
  }
});
